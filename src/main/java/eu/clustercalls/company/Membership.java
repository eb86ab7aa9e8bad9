package eu.clustercalls.company;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A company's membership of a cluster, valid from a date and, if it has lapsed or will, until one. */
@Entity
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_seq")
    @SequenceGenerator(name = "membership_seq", sequenceName = "membership_seq", allocationSize = 50)
    private Long id;

    private Long companyId;
    private String clusterId;
    private String memberNumber;
    private LocalDate validFrom;
    private LocalDate validUntil;

    protected Membership() {
    }

    Membership(Long companyId, String clusterId, String memberNumber, LocalDate validFrom, LocalDate validUntil) {
        this.companyId = companyId;
        this.clusterId = clusterId;
        this.memberNumber = memberNumber;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    public boolean isValidOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getClusterId() {
        return clusterId;
    }

    public String getMemberNumber() {
        return memberNumber;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }
}
