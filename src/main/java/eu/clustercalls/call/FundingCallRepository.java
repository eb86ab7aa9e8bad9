package eu.clustercalls.call;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FundingCallRepository extends JpaRepository<FundingCall, Long> {

    /** Serialises promotions from a call's reserve list. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from FundingCall c where c.id = :id")
    Optional<FundingCall> lockById(Long id);

    List<FundingCall> findByStatusAndClosesAtAfterOrderByClosesAt(CallStatus status, Instant after);

    List<FundingCall> findByStatusInOrderByClosesAtDesc(Collection<CallStatus> statuses);

    List<FundingCall> findByClusterIdInAndStatusInOrderByClosesAtDesc(Collection<String> clusterIds,
            Collection<CallStatus> statuses);
}
