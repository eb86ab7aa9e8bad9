package eu.clustercalls.company;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.audit.Audited;
import eu.clustercalls.support.ConflictException;

/** A membership a company claimed at sign-up; it counts only once a call manager of the cluster confirms it. */
@Entity
public class MembershipRequest implements Audited {

    public enum Status { PENDING, CONFIRMED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_request_seq")
    @SequenceGenerator(name = "membership_request_seq", sequenceName = "membership_request_seq", allocationSize = 50)
    private Long id;

    private Long companyId;
    private String clusterId;
    private String memberNumber;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String reason;

    protected MembershipRequest() {
    }

    MembershipRequest(Long companyId, String clusterId, String memberNumber, Instant requestedAt) {
        this.companyId = companyId;
        this.clusterId = clusterId;
        this.memberNumber = memberNumber;
        this.requestedAt = requestedAt;
        this.status = Status.PENDING;
    }

    void decide(Status decision, String by, Instant at, String reason) {
        if (status != Status.PENDING) {
            throw new ConflictException("This membership request was already " + status.name().toLowerCase()
                    + " by " + decidedBy + ".");
        }
        this.status = decision;
        this.decidedBy = by;
        this.decidedAt = at;
        this.reason = reason;
    }

    @Override
    public String auditType() {
        return "MembershipRequest";
    }

    @Override
    public String auditId() {
        return "MEMBERSHIP-REQUEST-" + id;
    }

    @Override
    public String tenantId() {
        return clusterId;
    }

    public Long getId() {
        return id;
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

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}
