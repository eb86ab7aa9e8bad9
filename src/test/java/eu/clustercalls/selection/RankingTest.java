package eu.clustercalls.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import eu.clustercalls.application.Selection;
import eu.clustercalls.selection.Ranking.Candidate;
import eu.clustercalls.selection.Ranking.Placement;

/** Every clause of the ranking rule documented on {@link Ranking}. */
class RankingTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
    private static final BigDecimal THRESHOLD = new BigDecimal("15");
    private static final BigDecimal GRANT = new BigDecimal("2000.00");
    private static final BigDecimal PLENTY = new BigDecimal("1000000.00");

    // --- order ---

    @Test
    void theHighestFinalScoreRanksFirst() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "17.50", 0), candidate(2, "22.00", 0), candidate(3, "19.25", 0)), THRESHOLD, 10, PLENTY);

        assertThat(placements).extracting(Placement::applicationId, Placement::rank)
                .containsExactly(tuple(2L, 1), tuple(3L, 2), tuple(1L, 3));
    }

    @Test
    void scoresAreComparedByValueNotByScale() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "20.5", 10), candidate(2, "20.50", 0)), THRESHOLD, 10, PLENTY);

        assertThat(placements).extracting(Placement::applicationId).as("equal scores: the earlier complete first")
                .containsExactly(2L, 1L);
    }

    @Test
    void onAnEqualScoreTheApplicationCompleteEarlierRanksFirst() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "20.00", 30), candidate(2, "20.00", 10), candidate(3, "20.00", 20)), THRESHOLD, 10, PLENTY);

        assertThat(placements).extracting(Placement::applicationId, Placement::rank)
                .containsExactly(tuple(2L, 1), tuple(3L, 2), tuple(1L, 3));
    }

    @Test
    void aHigherScoreBeatsAnEarlierCompletion() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "20.00", 0), candidate(2, "20.01", 600)), THRESHOLD, 10, PLENTY);

        assertThat(placements).extracting(Placement::applicationId).containsExactly(2L, 1L);
    }

    @Test
    void onAnEqualScoreAndCompletionTheLowerApplicationNumberRanksFirst() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(52, "18.00", 5), candidate(7, "18.00", 5), candidate(31, "18.00", 5)), THRESHOLD, 10, PLENTY);

        assertThat(placements).extracting(Placement::applicationId, Placement::rank)
                .containsExactly(tuple(7L, 1), tuple(31L, 2), tuple(52L, 3));
    }

    @Test
    void theOrderDoesNotDependOnTheOrderOfTheInput() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            candidates.add(candidate(i, String.valueOf(10 + i % 7), i % 3));
        }
        List<Placement> expected = Ranking.rank(candidates, THRESHOLD, 5, PLENTY);

        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 3, 17);

        assertThat(Ranking.rank(shuffled, THRESHOLD, 5, PLENTY)).containsExactlyElementsOf(expected);
    }

    // --- threshold ---

    @Test
    void aScoreEqualToTheThresholdIsSelectable() {
        List<Placement> placements = Ranking.rank(List.of(candidate(1, "15.00", 0)), THRESHOLD, 1, PLENTY);

        assertThat(placements).containsExactly(new Placement(1L, 1, Selection.MAIN));
    }

    @Test
    void aScoreEqualToTheThresholdGoesToTheReserveListWhenTheSlotsAreTaken() {
        List<Placement> placements = Ranking.rank(List.of(candidate(1, "21.00", 0), candidate(2, "15", 0)),
                THRESHOLD, 1, PLENTY);

        assertThat(placements).extracting(Placement::applicationId, Placement::selection)
                .containsExactly(tuple(1L, Selection.MAIN), tuple(2L, Selection.RESERVE));
    }

    @Test
    void aScoreJustBelowTheThresholdIsRejectedEvenWithSlotsLeft() {
        List<Placement> placements = Ranking.rank(List.of(candidate(1, "14.99", 0), candidate(2, "16.00", 0)),
                THRESHOLD, 10, PLENTY);

        assertThat(placements).containsExactly(new Placement(2L, 1, Selection.MAIN),
                new Placement(1L, 2, Selection.REJECTED));
    }

    @Test
    void everyApplicationBelowTheThresholdIsRejectedAndStillRanked() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "3.00", 0), candidate(2, "12.50", 0), candidate(3, "0.00", 0)), THRESHOLD, 3, PLENTY);

        assertThat(placements).extracting(Placement::applicationId, Placement::rank, Placement::selection)
                .containsExactly(tuple(2L, 1, Selection.REJECTED), tuple(1L, 2, Selection.REJECTED),
                        tuple(3L, 3, Selection.REJECTED));
    }

    // --- slots ---

    @Test
    void theMainListTakesNoMoreApplicationsThanTheCallHasSlots() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "24", 0), candidate(2, "23", 0), candidate(3, "22", 0), candidate(4, "21", 0)),
                THRESHOLD, 2, PLENTY);

        assertThat(placements).extracting(Placement::applicationId, Placement::selection)
                .containsExactly(tuple(1L, Selection.MAIN), tuple(2L, Selection.MAIN), tuple(3L, Selection.RESERVE),
                        tuple(4L, Selection.RESERVE));
    }

    @Test
    void fewerApplicationsThanSlotsAreAllOnTheMainList() {
        List<Placement> placements = Ranking.rank(List.of(candidate(1, "20", 0), candidate(2, "18", 0)),
                THRESHOLD, 5, PLENTY);

        assertThat(placements).extracting(Placement::selection).containsExactly(Selection.MAIN, Selection.MAIN);
    }

    // --- budget ---

    @Test
    void theBudgetCoversTheMainListExactly() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "24", 0, "1500.00"), candidate(2, "23", 0, "1500.00"), candidate(3, "22", 0, "1500.00")),
                THRESHOLD, 5, new BigDecimal("3000.00"));

        assertThat(placements).extracting(Placement::selection)
                .containsExactly(Selection.MAIN, Selection.MAIN, Selection.RESERVE);
    }

    @Test
    void theFirstGrantTheBudgetCannotCoverEndsTheMainListAndACheaperOneBehindItDoesNotOvertake() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(1, "24", 0, "2000.00"),
                candidate(2, "23", 0, "2000.00"),
                candidate(3, "22", 0, "500.00")),
                THRESHOLD, 5, new BigDecimal("3000.00"));

        assertThat(placements).extracting(Placement::applicationId, Placement::rank, Placement::selection)
                .as("€1,000 are left for rank 3, but rank 2 needs €2,000: the main list ends at rank 1")
                .containsExactly(tuple(1L, 1, Selection.MAIN), tuple(2L, 2, Selection.RESERVE),
                        tuple(3L, 3, Selection.RESERVE));
    }

    @Test
    void aBudgetBelowTheFirstGrantLeavesTheMainListEmpty() {
        List<Placement> placements = Ranking.rank(List.of(candidate(1, "24", 0, "2000.00"), candidate(2, "20", 0, "100.00")),
                THRESHOLD, 5, new BigDecimal("1999.99"));

        assertThat(placements).extracting(Placement::selection).containsExactly(Selection.RESERVE, Selection.RESERVE);
    }

    // --- the lists together ---

    @Test
    void aboveTheThresholdBeyondTheMainListIsTheReserveListInRankOrderAndBelowIsRejected() {
        List<Placement> placements = Ranking.rank(List.of(
                candidate(10, "16.00", 3),
                candidate(11, "24.50", 0),
                candidate(12, "9.00", 0),
                candidate(13, "16.00", 1),
                candidate(14, "21.00", 0),
                candidate(15, "15.00", 0),
                candidate(16, "14.50", 0)),
                THRESHOLD, 2, PLENTY);

        assertThat(placements).extracting(Placement::applicationId, Placement::rank, Placement::selection)
                .containsExactly(
                        tuple(11L, 1, Selection.MAIN),
                        tuple(14L, 2, Selection.MAIN),
                        tuple(13L, 3, Selection.RESERVE),
                        tuple(10L, 4, Selection.RESERVE),
                        tuple(15L, 5, Selection.RESERVE),
                        tuple(16L, 6, Selection.REJECTED),
                        tuple(12L, 7, Selection.REJECTED));
    }

    @Test
    void ranksRunFromOneToTheNumberOfApplicationsWithoutGaps() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            candidates.add(candidate(i, String.valueOf(i % 5 * 5), i % 4));
        }

        List<Placement> placements = Ranking.rank(candidates, THRESHOLD, 3, PLENTY);

        assertThat(placements).extracting(Placement::rank)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(placements).extracting(Placement::applicationId).doesNotHaveDuplicates().hasSize(25);
    }

    @Test
    void noApplicationsGiveNoPlacements() {
        assertThat(Ranking.rank(List.of(), THRESHOLD, 3, PLENTY)).isEmpty();
    }

    private static Candidate candidate(long id, String score, int minutesAfterMorning) {
        return candidate(id, score, minutesAfterMorning, GRANT.toPlainString());
    }

    private static Candidate candidate(long id, String score, int minutesAfterMorning, String grant) {
        return new Candidate(id, new BigDecimal(score), MORNING.plusSeconds(60L * minutesAfterMorning), new BigDecimal(grant));
    }
}
