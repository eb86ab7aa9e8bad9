package eu.clustercalls.call;

import java.util.List;

import jakarta.persistence.Embeddable;

/** One criterion of a call's evaluation rubric, scored in whole points from 0 to its maximum. */
@Embeddable
public record Criterion(String code, String name, int maxPoints) {

    public static final String RELEVANCE = "RELEVANCE";
    public static final String READINESS = "READINESS";
    public static final String REPRESENTATION = "REPRESENTATION";

    /** The rubric of real Eurocluster calls, with the maxima the call manager chose (default 10, 10, 5). */
    static List<Criterion> rubric(int relevance, int readiness, int representation) {
        return List.of(
                new Criterion(RELEVANCE, "Relevance of the target market", relevance),
                new Criterion(READINESS, "Internationalisation readiness", readiness),
                new Criterion(REPRESENTATION, "Quality of the company's representation", representation));
    }
}
