package eu.clustercalls.call;

public enum ReimbursementModel {
    ACTUAL_COSTS_CAPPED("Actual costs up to the cap"),
    UNIT_COST_DISTANCE_BAND("Unit cost by distance band"),
    LUMP_SUM("Lump sum on proof of attendance");

    private final String label;

    ReimbursementModel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
