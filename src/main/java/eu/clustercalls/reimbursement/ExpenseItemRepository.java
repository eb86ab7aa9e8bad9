package eu.clustercalls.reimbursement;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExpenseItemRepository extends JpaRepository<ExpenseItem, Long> {

    List<ExpenseItem> findByClaimIdOrderByPosition(Long claimId);

    void deleteByClaimId(Long claimId);
}
