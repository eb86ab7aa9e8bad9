package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.audit.Audited;
import eu.clustercalls.support.Erasure;

/** A member company (or one that wants to be): its SME figures and the users who act for it. */
@Entity
public class Company implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "company_seq")
    @SequenceGenerator(name = "company_seq", sequenceName = "company_seq", allocationSize = 50)
    private Long id;

    private String legalName;
    private String vatNumber;
    private String country;
    private String city;
    private String naceCode;
    /** Where the company is, for the distance bands of unit-cost calls; unknown until set. */
    private BigDecimal latitude;
    private BigDecimal longitude;
    private BigDecimal staffHeadcount;
    private BigDecimal annualTurnover;
    private BigDecimal balanceSheetTotal;
    @Enumerated(EnumType.STRING)
    private EnterpriseType enterpriseType;
    private Instant createdAt;
    /** When its personal data was anonymised on its request; null while it is not. */
    private Instant anonymisedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "company_related_enterprise", joinColumns = @JoinColumn(name = "company_id"))
    @OrderColumn(name = "position")
    private List<RelatedEnterprise> relatedEnterprises = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "company_contact", joinColumns = @JoinColumn(name = "company_id"))
    @Column(name = "username")
    private Set<String> contacts = new LinkedHashSet<>();

    protected Company() {
    }

    Company(String legalName, String vatNumber, String country, String city, String naceCode, SmeFigures ownFigures,
            List<RelatedEnterprise> relatedEnterprises, Instant createdAt) {
        this.legalName = legalName;
        this.vatNumber = vatNumber;
        this.country = country;
        this.city = city;
        this.naceCode = naceCode;
        this.staffHeadcount = ownFigures.staffHeadcount();
        this.annualTurnover = ownFigures.annualTurnover();
        this.balanceSheetTotal = ownFigures.balanceSheetTotal();
        this.relatedEnterprises.addAll(relatedEnterprises);
        this.enterpriseType = relatedEnterprises.stream().anyMatch(r -> r.getRelation() == RelatedEnterprise.Relation.LINKED)
                ? EnterpriseType.LINKED
                : relatedEnterprises.isEmpty() ? EnterpriseType.AUTONOMOUS : EnterpriseType.PARTNER;
        this.createdAt = createdAt;
    }

    /** The figures that decide SME status: own, plus partner enterprises pro rata and linked enterprises in full. */
    public SmeFigures smeFigures() {
        SmeFigures total = new SmeFigures(staffHeadcount, annualTurnover, balanceSheetTotal);
        for (RelatedEnterprise related : relatedEnterprises) {
            total = total.plus(related.figures(), related.countedShare());
        }
        return total;
    }

    void locate(BigDecimal latitude, BigDecimal longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    void addContact(String username) {
        contacts.add(username);
    }

    void removeContact(String username) {
        contacts.remove(username);
    }

    public boolean hasContact(String username) {
        return contacts.contains(username);
    }

    /**
     * Replaces what identifies the company and leaves it without users; its figures stay, as its SME status was
     * decided on them. The VAT number becomes one no company can have, unique like the id.
     */
    void anonymise(Instant at) {
        legalName = anonymisedName(id);
        vatNumber = "ANON" + id;
        city = Erasure.ERASED;
        latitude = null;
        longitude = null;
        for (int i = 0; i < relatedEnterprises.size(); i++) {
            relatedEnterprises.get(i).rename("Related enterprise " + (i + 1));
        }
        contacts.clear();
        anonymisedAt = at;
    }

    /** The name an anonymised company goes by. */
    public static String anonymisedName(Long id) {
        return "Anonymised company " + id;
    }

    @Override
    public String auditType() {
        return "Company";
    }

    @Override
    public String auditId() {
        return "COMPANY-" + id;
    }

    /** A company may be a member of several clusters. */
    @Override
    public String tenantId() {
        return null;
    }

    public Long getId() {
        return id;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getVatNumber() {
        return vatNumber;
    }

    public String getCountry() {
        return country;
    }

    public String getCity() {
        return city;
    }

    public String getNaceCode() {
        return naceCode;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAnonymisedAt() {
        return anonymisedAt;
    }

    public EnterpriseType getEnterpriseType() {
        return enterpriseType;
    }

    public List<RelatedEnterprise> getRelatedEnterprises() {
        return List.copyOf(relatedEnterprises);
    }

    public Set<String> getContacts() {
        return Set.copyOf(contacts);
    }
}
