package eu.clustercalls.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationDraftRepository extends JpaRepository<ApplicationDraft, Long> {

    Optional<ApplicationDraft> findByCompanyIdAndCallId(Long companyId, Long callId);

    Optional<ApplicationDraft> findFirstByCallIdAndCompanyIdInOrderBySavedAtDesc(Long callId, List<Long> companyIds);

    void deleteByCompanyIdAndCallId(Long companyId, Long callId);

    void deleteByCompanyId(Long companyId);
}
