package eu.clustercalls.company;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MembershipRequestRepository extends JpaRepository<MembershipRequest, Long> {

    List<MembershipRequest> findByCompanyIdOrderByRequestedAtAscIdAsc(Long companyId);

    List<MembershipRequest> findByClusterIdInAndStatusOrderByRequestedAtAscIdAsc(Collection<String> clusterIds,
            MembershipRequest.Status status);

    List<MembershipRequest> findByStatusOrderByRequestedAtAscIdAsc(MembershipRequest.Status status);

    /** Two managers deciding the same request at once: the second waits, then finds it decided. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from MembershipRequest r where r.id = :id")
    Optional<MembershipRequest> lockById(Long id);
}
