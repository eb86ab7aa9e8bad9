package eu.clustercalls.company;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignUpRequestRepository extends JpaRepository<SignUpRequest, Long> {

    Optional<SignUpRequest> findByTokenHashAndExpiresAtAfter(String tokenHash, Instant now);

    /** Uses the request up: of two confirmations at once, the second waits for the first, then deletes nothing. */
    @Modifying
    @Query("delete from SignUpRequest r where r.id = :id")
    int use(Long id);

    @Modifying
    @Query("delete from SignUpRequest r where r.expiresAt <= :now")
    int deleteExpired(Instant now);
}
