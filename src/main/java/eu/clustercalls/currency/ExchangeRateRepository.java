package eu.clustercalls.currency;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRateRepository extends JpaRepository<ExchangeRate, ExchangeRate.Key> {

    Optional<ExchangeRate> findFirstByCurrencyAndValidOnLessThanEqualOrderByValidOnDesc(String currency, LocalDate day);

    boolean existsByCurrency(String currency);

    List<ExchangeRate> findAllByOrderByCurrencyAscValidOnDesc();
}
