package eu.clustercalls.application;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

    Optional<Application> findFirstByCallIdAndCompanyIdOrderById(Long callId, Long companyId);

    List<Application> findByCompanyIdInOrderBySubmittedAtDesc(List<Long> companyIds);

    List<Application> findByCallIdOrderById(Long callId);

    List<Application> findByCallIdAndStatus(Long callId, ApplicationStatus status);

    List<Application> findByCallIdAndSelectionIsNotNullOrderByRanking(Long callId);

    Optional<Application> findFirstByCallIdAndStatusOrderByRanking(Long callId, ApplicationStatus status);

    long countByCallIdAndStatusIn(Long callId, Collection<ApplicationStatus> statuses);

    @Query("select coalesce(sum(a.requestedAmount), 0) from Application a where a.callId = :callId and a.status in :statuses")
    BigDecimal sumRequested(Long callId, Collection<ApplicationStatus> statuses);

    /** Applications of the same company to the same call submitted before this one. */
    @Query("""
            select count(a) from Application a, Application self
            where self.id = :applicationId and a.callId = self.callId and a.companyId = self.companyId
              and a.id <> self.id and (a.submittedAt < self.submittedAt or (a.submittedAt = self.submittedAt and a.id < self.id))
            """)
    long countEarlierOfSameCompany(Long applicationId);

    /** A call's applications counted per status, with their requested amounts: one grouped query. */
    @Query("""
            select new eu.clustercalls.application.StatusFigures(a.status, count(a), coalesce(sum(a.requestedAmount), 0))
            from Application a where a.callId = :callId group by a.status
            """)
    List<StatusFigures> figuresByStatus(Long callId);

    long countByCallIdAndEligibleTrue(Long callId);

    long countByCallIdAndFinalScoreIsNotNull(Long callId);

    /** The grants of these applications: each the amount requested, at most the call's maximum grant. */
    @Query("""
            select coalesce(sum(case when a.requestedAmount < :maxGrant then a.requestedAmount else :maxGrant end), 0)
            from Application a where a.callId = :callId and a.status in :statuses
            """)
    BigDecimal sumGrants(Long callId, BigDecimal maxGrant, Collection<ApplicationStatus> statuses);

    @Query("select a.callId, count(a) from Application a where a.callId in :callIds group by a.callId")
    List<Object[]> countPerCall(Collection<Long> callIds);

    /** A call's applications with their company's name and VAT number, in the order they came in. */
    @Query("""
            select new eu.clustercalls.application.ApplicationLine(a.id, c.legalName, c.vatNumber, a.status,
                   a.submittedAt, a.requestedAmount, a.processInstanceId)
            from Application a, Company c where c.id = a.companyId and a.callId = :callId order by a.id
            """)
    List<ApplicationLine> linesOfCall(Long callId, Pageable page);

    @Query("""
            select new eu.clustercalls.application.ApplicationLine(a.id, c.legalName, c.vatNumber, a.status,
                   a.submittedAt, a.requestedAmount, a.processInstanceId)
            from Application a, Company c where c.id = a.companyId and a.id in :ids order by a.id
            """)
    List<ApplicationLine> linesOf(Collection<Long> ids);
}
