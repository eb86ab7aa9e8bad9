package eu.clustercalls.application;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClarificationRequestRepository extends JpaRepository<ClarificationRequest, Long> {

    List<ClarificationRequest> findByApplicationIdOrderByRequestedAt(Long applicationId);
}
