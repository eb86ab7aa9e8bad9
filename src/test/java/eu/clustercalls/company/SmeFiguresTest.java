package eu.clustercalls.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.clustercalls.company.RelatedEnterprise.Relation;

/** Size classes of Commission Recommendation 2003/361/EC, and partner and linked enterprises (Article 6). */
class SmeFiguresTest {

    private static SmeFigures figures(String staff, String turnover, String balanceSheet) {
        return new SmeFigures(new BigDecimal(staff), new BigDecimal(turnover), new BigDecimal(balanceSheet));
    }

    private static Company company(SmeFigures own, List<RelatedEnterprise> related) {
        return new Company("Acabats Tècnics SL", "ESB08345678", "ES", "Sabadell", "13.30", own, related,
                Instant.parse("2026-01-15T09:00:00Z"));
    }

    @Test
    void nineStaffWithinTwoMillionIsMicroAndTenIsSmall() {
        assertThat(figures("9", "2000000", "2000000").size()).isEqualTo(SmeSize.MICRO);
        assertThat(figures("10", "2000000", "2000000").size()).isEqualTo(SmeSize.SMALL);
    }

    @Test
    void aMicroEnterpriseNeedsOnlyTurnoverOrBalanceSheetWithinTwoMillion() {
        assertThat(figures("9", "2000000", "9000000").size()).isEqualTo(SmeSize.MICRO);
        assertThat(figures("9", "9000000", "2000000").size()).isEqualTo(SmeSize.MICRO);
        assertThat(figures("9", "2000000.01", "2000000.01").size()).isEqualTo(SmeSize.SMALL);
    }

    @Test
    void fortyNineStaffWithinTenMillionIsSmallAndFiftyIsMedium() {
        assertThat(figures("49", "10000000", "10000000").size()).isEqualTo(SmeSize.SMALL);
        assertThat(figures("50", "10000000", "10000000").size()).isEqualTo(SmeSize.MEDIUM);
    }

    @Test
    void aSmallEnterpriseNeedsOnlyTurnoverOrBalanceSheetWithinTenMillion() {
        assertThat(figures("49", "10000000", "30000000").size()).isEqualTo(SmeSize.SMALL);
        assertThat(figures("49", "30000000", "10000000").size()).isEqualTo(SmeSize.SMALL);
        assertThat(figures("49", "10000000.01", "10000000.01").size()).isEqualTo(SmeSize.MEDIUM);
    }

    @Test
    void staffOf249IsAnSmeAnd250IsNot() {
        assertThat(figures("249", "1000000", "1000000").size()).isEqualTo(SmeSize.MEDIUM);
        assertThat(figures("250", "1000000", "1000000").size()).isEqualTo(SmeSize.NOT_SME);
    }

    @Test
    void fractionalStaffJustBelow250IsStillAnSme() {
        assertThat(figures("249.9", "1000000", "1000000").size()).isEqualTo(SmeSize.MEDIUM);
    }

    @Test
    void turnoverAtFiftyMillionKeepsAnSmeWhoseBalanceSheetIsAbove43Million() {
        assertThat(figures("100", "50000000", "44000000").size()).isEqualTo(SmeSize.MEDIUM);
    }

    @Test
    void balanceSheetAt43MillionKeepsAnSmeWhoseTurnoverIsAboveFiftyMillion() {
        assertThat(figures("100", "60000000", "43000000").size()).isEqualTo(SmeSize.MEDIUM);
    }

    @Test
    void turnoverAndBalanceSheetBothAboveTheirCeilingsIsNotAnSme() {
        assertThat(figures("100", "50000000.01", "43000000.01").size()).isEqualTo(SmeSize.NOT_SME);
    }

    @Test
    void anAutonomousEnterpriseCountsOnlyItsOwnFigures() {
        Company company = company(figures("35", "6500000", "4800000"), List.of());

        SmeFigures counted = company.smeFigures();

        assertThat(company.getEnterpriseType()).isEqualTo(EnterpriseType.AUTONOMOUS);
        assertThat(counted.staffHeadcount()).isEqualByComparingTo("35");
        assertThat(counted.annualTurnover()).isEqualByComparingTo("6500000");
        assertThat(counted.balanceSheetTotal()).isEqualByComparingTo("4800000");
    }

    @Test
    void aPartnerEnterpriseHeldAt40PercentCountsProRata() {
        Company company = company(figures("120", "28000000", "22000000"), List.of(new RelatedEnterprise(
                "Tintes Industriales del Vallès SA", Relation.PARTNER, new BigDecimal("40"),
                figures("90", "15000000", "12000000"))));

        SmeFigures counted = company.smeFigures();

        assertThat(company.getEnterpriseType()).isEqualTo(EnterpriseType.PARTNER);
        assertThat(counted.staffHeadcount()).isEqualByComparingTo("156");          // 120 + 40 % of 90
        assertThat(counted.annualTurnover()).isEqualByComparingTo("34000000");     // 28 M + 40 % of 15 M
        assertThat(counted.balanceSheetTotal()).isEqualByComparingTo("26800000");  // 22 M + 40 % of 12 M
        assertThat(counted.size()).isEqualTo(SmeSize.MEDIUM);
    }

    @Test
    void aLinkedEnterpriseCountsInFullWhateverTheHolding() {
        Company company = company(figures("180", "40000000", "30000000"), List.of(new RelatedEnterprise(
                "Grup Tèxtil Logística SL", Relation.LINKED, new BigDecimal("60"),
                figures("100", "9000000", "6000000"))));

        SmeFigures counted = company.smeFigures();

        assertThat(company.getEnterpriseType()).isEqualTo(EnterpriseType.LINKED);
        assertThat(counted.staffHeadcount()).isEqualByComparingTo("280");
        assertThat(counted.annualTurnover()).isEqualByComparingTo("49000000");
        assertThat(counted.balanceSheetTotal()).isEqualByComparingTo("36000000");
        assertThat(counted.size()).isEqualTo(SmeSize.NOT_SME);
    }

    @Test
    void partnerAndLinkedEnterprisesAddUpAndTheLinkedOneDecidesTheType() {
        Company company = company(figures("10", "1000000", "1000000"), List.of(
                new RelatedEnterprise("Partner SL", Relation.PARTNER, new BigDecimal("25"), figures("20", "4000000", "2000000")),
                new RelatedEnterprise("Linked SL", Relation.LINKED, new BigDecimal("51"), figures("30", "3000000", "3000000"))));

        SmeFigures counted = company.smeFigures();

        assertThat(company.getEnterpriseType()).isEqualTo(EnterpriseType.LINKED);
        assertThat(counted.staffHeadcount()).isEqualByComparingTo("45");       // 10 + 5 + 30
        assertThat(counted.annualTurnover()).isEqualByComparingTo("5000000");  // 1 M + 1 M + 3 M
        assertThat(counted.balanceSheetTotal()).isEqualByComparingTo("4500000"); // 1 M + 0.5 M + 3 M
        assertThat(counted.size()).isEqualTo(SmeSize.SMALL);
    }
}
