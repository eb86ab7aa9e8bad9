package eu.clustercalls.reimbursement;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ExpenseItemRepository extends JpaRepository<ExpenseItem, Long> {

    List<ExpenseItem> findByClaimIdOrderByPosition(Long claimId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from ExpenseItem i where i.claimId = ?1")
    void deleteByClaimId(Long claimId);
}
