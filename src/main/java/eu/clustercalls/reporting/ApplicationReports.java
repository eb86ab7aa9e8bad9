package eu.clustercalls.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.ApplicationLine;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.Selection;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyFigures;
import eu.clustercalls.evaluation.EvaluationService;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.support.ViewWords;

/**
 * Builds a call's {@link CallReport}: a few queries per call, each reading all its applications at once (a call may
 * have 10,000), never one per application. What the other features' services do not list per call is read here
 * with JPQL over their entities, read only.
 */
@Service
class ApplicationReports {

    private final ApplicationService applications;
    private final ClaimService claims;
    private final ClusterOrganisationService clusters;
    private final EvaluationService evaluations;
    private final EntityManager entities;
    private final Clock clock;
    /** The reports are written in English: the reasons and decisions kept as phrases too. */
    private final ViewWords english;

    ApplicationReports(ApplicationService applications, ClaimService claims, ClusterOrganisationService clusters,
            EvaluationService evaluations, EntityManager entities, Clock clock, MessageSource messages) {
        this.applications = applications;
        this.claims = claims;
        this.clusters = clusters;
        this.evaluations = evaluations;
        this.entities = entities;
        this.clock = clock;
        this.english = new ViewWords(messages, Locale.ENGLISH);
    }

    private record Decisions(Boolean eligible, String decisionReason, BigDecimal finalScore, Integer ranking,
            Selection selection, Long companyId) {
    }

    @Transactional(readOnly = true)
    public CallReport of(FundingCall call) {
        Long callId = call.getId();
        Map<Long, Decisions> decisions = new HashMap<>();
        for (Object[] row : entities.createQuery("""
                select a.id, a.eligible, a.decisionReason, a.finalScore, a.ranking, a.selection, a.companyId
                from Application a where a.callId = :callId
                """, Object[].class).setParameter("callId", callId).getResultList()) {
            decisions.put((Long) row[0], new Decisions((Boolean) row[1], (String) row[2], (BigDecimal) row[3],
                    (Integer) row[4], (Selection) row[5], (Long) row[6]));
        }
        Map<Long, List<String>> reasons = new HashMap<>();
        for (Object[] row : entities.createQuery("""
                select a.id, r.message from Application a join a.eligibilityReasons r
                where a.callId = :callId order by a.id, index(r)
                """, Object[].class).setParameter("callId", callId).getResultList()) {
            reasons.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(english.phrase((String) row[1]));
        }
        Map<Long, Company> companies = entities.createQuery("""
                select c from Company c where c.id in (select a.companyId from Application a where a.callId = :callId)
                """, Company.class).setParameter("callId", callId).getResultStream()
                .collect(Collectors.toMap(Company::getId, Function.identity()));
        Map<Long, CompanyFigures> figures = figuresOfCall(callId);
        // Per application and criterion, the mean of the submitted evaluations' points, to two decimals.
        Map<Long, Map<String, BigDecimal>> scores = evaluations.averageScores(List.copyOf(decisions.keySet()), 2);
        Map<Long, ExpenseClaim> claimOf = claims.claimsOfCall(callId).stream()
                .collect(Collectors.toMap(ExpenseClaim::getApplicationId, Function.identity()));
        Map<Long, Payment> paymentOf = payments(callId).stream()
                .collect(Collectors.toMap(Payment::getClaimId, Function.identity()));

        List<ReportRow> rows = new ArrayList<>();
        for (ApplicationLine line : applications.linesOfCall(callId, Pageable.unpaged())) {
            Decisions decided = decisions.get(line.id());
            Company company = companies.get(decided.companyId());
            ExpenseClaim claim = claimOf.get(line.id());
            Payment payment = claim == null ? null : paymentOf.get(claim.getId());
            rows.add(new ReportRow(line.id(), line.reference(), line.companyName(), line.vatNumber(),
                    company.getCountry(), figures.get(line.id()).smeFigures().size(), line.submittedAt(), line.status(), decided.eligible(),
                    reasons.getOrDefault(line.id(), List.of()), english.phrase(decided.decisionReason()),
                    scores.getOrDefault(line.id(), Map.of()), decided.finalScore(), decided.ranking(),
                    decided.selection(), line.requestedAmount(), line.grantAwarded(call.getMaxGrant()),
                    claim == null ? null : claim.reference(),
                    claim == null || claim.getSubmittedAt() == null ? null : claim.getClaimedAmount(),
                    claim == null || claim.getApprovedAt() == null ? null : claim.getVerifiedAmount(),
                    payment == null ? null : payment.getAmount(),
                    payment == null ? null : payment.getExecutionDate(),
                    payment == null ? null : payment.getReference()));
        }
        return new CallReport(call, clusters.get(call.getClusterId()).getName(), clock.instant(), rows);
    }

    /** Per application of the call, the revision of its company's figures it was submitted and decided with. */
    Map<Long, CompanyFigures> figuresOfCall(Long callId) {
        Map<Long, CompanyFigures> figures = new HashMap<>();
        for (Object[] row : entities.createQuery("""
                select a.id, f from Application a, CompanyFigures f
                where a.callId = :callId and f.companyId = a.companyId and f.revision = a.figuresRevision
                """, Object[].class).setParameter("callId", callId).getResultList()) {
            figures.put((Long) row[0], (CompanyFigures) row[1]);
        }
        return figures;
    }

    /** The payments of the call's claims, in the caller's transaction. */
    List<Payment> payments(Long callId) {
        return entities.createQuery("""
                select p from Payment p where p.claimId in (select c.id from ExpenseClaim c where c.callId = :callId)
                order by p.reference
                """, Payment.class).setParameter("callId", callId).getResultList();
    }
}
