package eu.clustercalls.currency;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An amount turned into euros with the rate of {@code rateDate}. */
public record Conversion(BigDecimal amount, String currency, BigDecimal unitsPerEuro, LocalDate rateDate,
        BigDecimal euros) {
}
