package eu.clustercalls.company;

import java.math.BigDecimal;

/**
 * Staff headcount (annual work units), annual turnover and balance-sheet total of an enterprise, with its
 * partner enterprises added pro rata and its linked enterprises in full where the figures are aggregated.
 */
public record SmeFigures(BigDecimal staffHeadcount, BigDecimal annualTurnover, BigDecimal balanceSheetTotal) {

    private static final BigDecimal M = BigDecimal.valueOf(1_000_000);

    SmeFigures plus(SmeFigures other, BigDecimal share) {
        return new SmeFigures(
                staffHeadcount.add(other.staffHeadcount.multiply(share)),
                annualTurnover.add(other.annualTurnover.multiply(share)),
                balanceSheetTotal.add(other.balanceSheetTotal.multiply(share)));
    }

    /** Article 2: a ceiling on staff, and on turnover or (not and) balance sheet. */
    public SmeSize size() {
        if (within(10, 2, 2)) {
            return SmeSize.MICRO;
        }
        if (within(50, 10, 10)) {
            return SmeSize.SMALL;
        }
        if (within(250, 50, 43)) {
            return SmeSize.MEDIUM;
        }
        return SmeSize.NOT_SME;
    }

    private boolean within(int staffBelow, int turnoverMillions, int balanceSheetMillions) {
        return staffHeadcount.compareTo(BigDecimal.valueOf(staffBelow)) < 0
                && (annualTurnover.compareTo(M.multiply(BigDecimal.valueOf(turnoverMillions))) <= 0
                        || balanceSheetTotal.compareTo(M.multiply(BigDecimal.valueOf(balanceSheetMillions))) <= 0);
    }
}
