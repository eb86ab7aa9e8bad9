package eu.clustercalls.reimbursement;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ExpenseClaimRepository extends JpaRepository<ExpenseClaim, Long> {

    Optional<ExpenseClaim> findByApplicationId(Long applicationId);

    @Query("select c.id from ExpenseClaim c where c.applicationId = ?1")
    Optional<Long> findIdByApplicationId(Long applicationId);

    List<ExpenseClaim> findByCallId(Long callId);

    List<ExpenseClaim> findByCompanyId(Long companyId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ExpenseClaim c where c.id = ?1")
    Optional<ExpenseClaim> lock(Long id);
}
