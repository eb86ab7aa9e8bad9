package eu.clustercalls.company;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CompanyFiguresRepository extends JpaRepository<CompanyFigures, CompanyFigures.Key> {

    Optional<CompanyFigures> findByCompanyIdAndRevision(Long companyId, Integer revision);

    List<CompanyFigures> findByCompanyIdOrderByRevision(Long companyId);
}
