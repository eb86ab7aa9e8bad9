package eu.clustercalls.company;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ColleagueInvitationRepository extends JpaRepository<ColleagueInvitation, Long> {

    Optional<ColleagueInvitation> findByTokenHashAndClosedAtIsNullAndExpiresAtAfter(String tokenHash, Instant now);

    List<ColleagueInvitation> findByCompanyIdInAndClosedAtIsNullAndExpiresAtAfterOrderByCreatedAt(
            Collection<Long> companyIds, Instant now);

    List<ColleagueInvitation> findByCompanyIdAndEmailAndClosedAtIsNull(Long companyId, String email);

    /** Closes the invitation if it is still open; 0 if it was closed meanwhile (its link used twice at once). */
    @Modifying
    @Query("update ColleagueInvitation i set i.closedAt = :now where i.id = :id and i.closedAt is null")
    int close(Long id, Instant now);
}
