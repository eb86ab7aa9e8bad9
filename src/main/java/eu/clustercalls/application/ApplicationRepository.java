package eu.clustercalls.application;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
}
