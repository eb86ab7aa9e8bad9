package eu.clustercalls.reimbursement;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClaimDraftRepository extends JpaRepository<ClaimDraft, Long> {

    Optional<ClaimDraft> findByClaimId(Long claimId);

    @Modifying
    @Query("delete from ClaimDraft d where d.claimId = ?1")
    void deleteByClaimId(Long claimId);
}
