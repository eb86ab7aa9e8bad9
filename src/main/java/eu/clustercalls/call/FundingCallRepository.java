package eu.clustercalls.call;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FundingCallRepository extends JpaRepository<FundingCall, Long> {

    List<FundingCall> findByStatusAndClosesAtAfterOrderByClosesAt(CallStatus status, Instant after);
}
