package eu.clustercalls.call;

public enum ActivityType {
    BUSINESS_MISSION("Business mission"),
    TRADE_FAIR("Trade fair"),
    CONFERENCE("Conference"),
    EXCHANGE("ClusterXchange visit");

    private final String label;

    ActivityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
