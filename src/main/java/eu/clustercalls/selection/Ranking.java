package eu.clustercalls.selection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import eu.clustercalls.application.Selection;

/**
 * The ranking rule of a call, fixed in advance for equal treatment:
 * <ol>
 * <li>final score, highest first; ties go to the application that was complete earlier (submitted, or its last
 * clarification answered), then to the lower application number;</li>
 * <li>the main list takes applications at or above the threshold in rank order while slots remain and the
 * budget covers their grant; the first one the budget cannot cover ends the main list, so that nobody overtakes
 * a better-ranked applicant;</li>
 * <li>the others at or above the threshold form the reserve list in rank order; the rest are rejected.</li>
 * </ol>
 */
final class Ranking {

    record Candidate(Long applicationId, BigDecimal finalScore, Instant completeAt, BigDecimal grant) {
    }

    record Placement(Long applicationId, int rank, Selection selection) {
    }

    static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::finalScore).reversed()
            .thenComparing(Candidate::completeAt)
            .thenComparing(Candidate::applicationId);

    private Ranking() {
    }

    static List<Placement> rank(List<Candidate> candidates, BigDecimal threshold, int slots, BigDecimal budget) {
        List<Candidate> ordered = candidates.stream().sorted(ORDER).toList();
        List<Placement> placements = new ArrayList<>(ordered.size());
        int selected = 0;
        BigDecimal committed = BigDecimal.ZERO;
        boolean mainListClosed = false;
        for (int i = 0; i < ordered.size(); i++) {
            Candidate candidate = ordered.get(i);
            Selection selection;
            if (candidate.finalScore().compareTo(threshold) < 0) {
                selection = Selection.REJECTED;
            } else if (!mainListClosed && selected < slots && committed.add(candidate.grant()).compareTo(budget) <= 0) {
                selection = Selection.MAIN;
                selected++;
                committed = committed.add(candidate.grant());
            } else {
                mainListClosed = true;
                selection = Selection.RESERVE;
            }
            placements.add(new Placement(candidate.applicationId(), i + 1, selection));
        }
        return placements;
    }
}
