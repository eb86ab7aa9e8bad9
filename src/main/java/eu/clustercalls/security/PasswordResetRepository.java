package eu.clustercalls.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends JpaRepository<PasswordReset, Long> {

    Optional<PasswordReset> findByTokenHashAndUsedAtIsNullAndExpiresAtAfter(String tokenHash, Instant now);

    long countByUserIdAndCreatedAtAfter(String userId, Instant since);

    /** Uses this link up if it still works; 0 if another request used it first. */
    @Modifying
    @Query("update PasswordReset r set r.usedAt = :now where r.id = :id and r.usedAt is null")
    int use(Long id, Instant now);

    /** Every outstanding link of the user stops working. */
    @Modifying
    @Query("update PasswordReset r set r.usedAt = :now where r.userId = :userId and r.usedAt is null")
    int useAllOf(String userId, Instant now);
}
