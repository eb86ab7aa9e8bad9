package eu.clustercalls.company;

/** Size classes of Commission Recommendation 2003/361/EC, Annex, Article 2. */
public enum SmeSize {
    MICRO("micro enterprise"),
    SMALL("small enterprise"),
    MEDIUM("medium-sized enterprise"),
    NOT_SME("not an SME");

    private final String label;

    SmeSize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
