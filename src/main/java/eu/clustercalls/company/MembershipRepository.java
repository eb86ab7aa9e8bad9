package eu.clustercalls.company;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByCompanyIdAndClusterId(Long companyId, String clusterId);

    List<Membership> findByClusterId(String clusterId);

    List<Membership> findByCompanyId(Long companyId);
}
