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
    /** Street and number; not asked at sign-up. */
    private String address;
    private String naceCode;
    /** Where the company is, for the distance bands of unit-cost calls; unknown until set. */
    private BigDecimal latitude;
    private BigDecimal longitude;
    private BigDecimal staffHeadcount;
    private BigDecimal annualTurnover;
    private BigDecimal balanceSheetTotal;
    /** The financial year of the figures; unknown for figures declared before it was asked. */
    private Integer referenceYear;
    /** The revision of {@link CompanyFigures} the figures above are. */
    private int figuresRevision;
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
        declareFigures(null, ownFigures, relatedEnterprises);
        this.createdAt = createdAt;
    }

    /** New figures, as the next revision: see {@link CompanyFigures}. */
    void declareFigures(Integer referenceYear, SmeFigures ownFigures, List<RelatedEnterprise> relatedEnterprises) {
        this.referenceYear = referenceYear;
        this.staffHeadcount = ownFigures.staffHeadcount();
        this.annualTurnover = ownFigures.annualTurnover();
        this.balanceSheetTotal = ownFigures.balanceSheetTotal();
        this.relatedEnterprises.clear();
        this.relatedEnterprises.addAll(relatedEnterprises);
        this.enterpriseType = relatedEnterprises.stream().anyMatch(r -> r.getRelation() == RelatedEnterprise.Relation.LINKED)
                ? EnterpriseType.LINKED
                : relatedEnterprises.isEmpty() ? EnterpriseType.AUTONOMOUS : EnterpriseType.PARTNER;
        this.figuresRevision++;
    }

    void move(String address, String city, String country) {
        this.address = address;
        this.city = city;
        this.country = country;
    }

    /** The figures that decide SME status: own, plus partner enterprises pro rata and linked enterprises in full. */
    public SmeFigures smeFigures() {
        return counted(new SmeFigures(staffHeadcount, annualTurnover, balanceSheetTotal), relatedEnterprises);
    }

    static SmeFigures counted(SmeFigures own, List<RelatedEnterprise> relatedEnterprises) {
        SmeFigures total = own;
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
        address = null;
        latitude = null;
        longitude = null;
        for (int i = 0; i < relatedEnterprises.size(); i++) {
            relatedEnterprises.get(i).rename(anonymisedRelatedName(i));
        }
        contacts.clear();
        anonymisedAt = at;
    }

    /** The name an anonymised company goes by. */
    public static String anonymisedName(Long id) {
        return "Anonymised company " + id;
    }

    static String anonymisedRelatedName(int position) {
        return "Related enterprise " + (position + 1);
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

    public String getAddress() {
        return address;
    }

    public Integer getReferenceYear() {
        return referenceYear;
    }

    public int getFiguresRevision() {
        return figuresRevision;
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
