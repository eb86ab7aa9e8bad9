package eu.clustercalls.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByReference(String reference);

    Optional<Payment> findByClaimId(Long claimId);

    List<Payment> findByClaimIdIn(Collection<Long> claimIds);
}
