package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One line of a company's de minimis ledger: aid it declared, or aid granted through ClusterCalls. */
@Entity
public class AidRecord {

    public enum Source { DECLARED, CLUSTERCALLS }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aid_record_seq")
    @SequenceGenerator(name = "aid_record_seq", sequenceName = "aid_record_seq", allocationSize = 50)
    private Long id;

    private Long companyId;
    private LocalDate grantedOn;
    private BigDecimal amount;
    private String grantingBody;
    @Enumerated(EnumType.STRING)
    private Source source;
    private String reference;

    protected AidRecord() {
    }

    AidRecord(Long companyId, LocalDate grantedOn, BigDecimal amount, String grantingBody, Source source, String reference) {
        this.companyId = companyId;
        this.grantedOn = grantedOn;
        this.amount = amount;
        this.grantingBody = grantingBody;
        this.source = source;
        this.reference = reference;
    }

    public LocalDate getGrantedOn() {
        return grantedOn;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getGrantingBody() {
        return grantingBody;
    }

    public Source getSource() {
        return source;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getReference() {
        return reference;
    }
}
