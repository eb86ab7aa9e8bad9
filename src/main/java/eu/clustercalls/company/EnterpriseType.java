package eu.clustercalls.company;

/** Commission Recommendation 2003/361/EC, Annex, Article 3. */
public enum EnterpriseType {
    AUTONOMOUS,
    PARTNER,
    LINKED
}
