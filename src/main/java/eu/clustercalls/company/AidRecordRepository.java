package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AidRecordRepository extends JpaRepository<AidRecord, Long> {

    @Query("select coalesce(sum(a.amount), 0) from AidRecord a where a.companyId = :companyId and a.grantedOn > :after and a.grantedOn <= :until")
    BigDecimal sumGranted(Long companyId, LocalDate after, LocalDate until);

    List<AidRecord> findByCompanyIdOrderByGrantedOnAscIdAsc(Long companyId);
}
