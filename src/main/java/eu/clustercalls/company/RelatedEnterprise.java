package eu.clustercalls.company;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A partner (25–50 % holding) or linked (over 50 %) enterprise whose figures count towards the SME test. */
@Embeddable
public class RelatedEnterprise {

    public enum Relation { PARTNER, LINKED }

    private String name;
    @Enumerated(EnumType.STRING)
    private Relation relation;
    private BigDecimal sharePercent;
    private BigDecimal staffHeadcount;
    private BigDecimal annualTurnover;
    private BigDecimal balanceSheetTotal;

    protected RelatedEnterprise() {
    }

    public RelatedEnterprise(String name, Relation relation, BigDecimal sharePercent, SmeFigures figures) {
        this.name = name;
        this.relation = relation;
        this.sharePercent = sharePercent;
        this.staffHeadcount = figures.staffHeadcount();
        this.annualTurnover = figures.annualTurnover();
        this.balanceSheetTotal = figures.balanceSheetTotal();
    }

    /** Article 6: partner enterprises in proportion to the holding, linked enterprises in full. */
    BigDecimal countedShare() {
        return relation == Relation.LINKED ? BigDecimal.ONE : sharePercent.movePointLeft(2);
    }

    RelatedEnterprise copy() {
        return new RelatedEnterprise(name, relation, sharePercent, figures());
    }

    /** The same enterprise, holding and figures (amounts compared by value, not scale). */
    boolean sameAs(RelatedEnterprise other) {
        return name.equals(other.name) && relation == other.relation && sharePercent.compareTo(other.sharePercent) == 0
                && staffHeadcount.compareTo(other.staffHeadcount) == 0
                && annualTurnover.compareTo(other.annualTurnover) == 0
                && balanceSheetTotal.compareTo(other.balanceSheetTotal) == 0;
    }

    void rename(String name) {
        this.name = name;
    }

    SmeFigures figures() {
        return new SmeFigures(staffHeadcount, annualTurnover, balanceSheetTotal);
    }

    public String getName() {
        return name;
    }

    public Relation getRelation() {
        return relation;
    }

    public BigDecimal getSharePercent() {
        return sharePercent;
    }

    public BigDecimal getStaffHeadcount() {
        return staffHeadcount;
    }

    public BigDecimal getAnnualTurnover() {
        return annualTurnover;
    }

    public BigDecimal getBalanceSheetTotal() {
        return balanceSheetTotal;
    }
}
