package eu.clustercalls.company;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CompanyRepository extends JpaRepository<Company, Long> {

    @Query("select c from Company c where :username member of c.contacts order by c.legalName")
    List<Company> findByContact(String username);

    boolean existsByVatNumber(String vatNumber);

    Optional<Company> findByVatNumber(String vatNumber);

    /** Serialises a company's concurrent applications, so that "one per call" holds under load. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Company c where c.id = :id")
    Optional<Company> lockById(Long id);
}
