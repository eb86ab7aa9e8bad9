package eu.clustercalls.company;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

/**
 * One revision of a company's SME figures, never changed once written: an application keeps the revision it was
 * submitted and decided with, so that a later change of the figures does not change its decision or its view.
 */
@Entity
@IdClass(CompanyFigures.Key.class)
public class CompanyFigures {

    /** The primary key: the company and the revision's number, from 1. */
    record Key(Long companyId, Integer revision) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private Long companyId;
    @Id
    private Integer revision;
    /** When the company declared these figures. */
    private Instant validFrom;
    /** The financial year the figures are of; unknown for figures declared before it was asked. */
    private Integer referenceYear;
    private BigDecimal staffHeadcount;
    private BigDecimal annualTurnover;
    private BigDecimal balanceSheetTotal;
    @Enumerated(EnumType.STRING)
    private EnterpriseType enterpriseType;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "company_figures_related", joinColumns = {
            @JoinColumn(name = "company_id"),
            @JoinColumn(name = "revision") })
    @OrderColumn(name = "position")
    private List<RelatedEnterprise> relatedEnterprises = new ArrayList<>();

    protected CompanyFigures() {
    }

    /** The company's figures as they are now, as its revision {@code company.getFiguresRevision()}. */
    CompanyFigures(Company company, Instant validFrom) {
        this.companyId = company.getId();
        this.revision = company.getFiguresRevision();
        this.validFrom = validFrom;
        this.referenceYear = company.getReferenceYear();
        this.staffHeadcount = company.getStaffHeadcount();
        this.annualTurnover = company.getAnnualTurnover();
        this.balanceSheetTotal = company.getBalanceSheetTotal();
        this.enterpriseType = company.getEnterpriseType();
        company.getRelatedEnterprises().forEach(related -> relatedEnterprises.add(related.copy()));
    }

    /** The figures that decide SME status, counted as {@link Company#smeFigures} counts them. */
    public SmeFigures smeFigures() {
        return Company.counted(new SmeFigures(staffHeadcount, annualTurnover, balanceSheetTotal), relatedEnterprises);
    }

    void anonymise() {
        for (int i = 0; i < relatedEnterprises.size(); i++) {
            relatedEnterprises.get(i).rename(Company.anonymisedRelatedName(i));
        }
    }

    public Long getCompanyId() {
        return companyId;
    }

    public Integer getRevision() {
        return revision;
    }

    public Instant getValidFrom() {
        return validFrom;
    }

    public Integer getReferenceYear() {
        return referenceYear;
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

    public EnterpriseType getEnterpriseType() {
        return enterpriseType;
    }

    public List<RelatedEnterprise> getRelatedEnterprises() {
        return List.copyOf(relatedEnterprises);
    }
}
