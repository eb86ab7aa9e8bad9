package eu.clustercalls.call;

/** What an expense was for. */
public enum ExpenseCategory {
    TRAVEL("Travel"),
    ACCOMMODATION("Accommodation"),
    REGISTRATION_FEE("Registration fee"),
    STAND("Stand"),
    SUBSISTENCE("Subsistence");

    private final String label;

    ExpenseCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
