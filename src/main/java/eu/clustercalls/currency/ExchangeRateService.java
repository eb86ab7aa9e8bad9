package eu.clustercalls.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;

/** Converts amounts to euros with the rate table: an expense's date picks the latest rate on or before it. */
@Service
public class ExchangeRateService {

    public static final String EURO = "EUR";
    /** The rates a currency can have: no currency is worth more than 100 euros or less than a billionth of one. */
    private static final BigDecimal LOWEST_RATE = new BigDecimal("0.01");
    private static final BigDecimal HIGHEST_RATE = new BigDecimal("999999999");
    private static final int RATE_DECIMALS = 6;
    private static final LocalDate EURO_BEGAN = LocalDate.of(1999, 1, 1);

    private final ExchangeRateRepository rates;
    private final StaffDirectory staff;
    private final AuditService audit;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    ExchangeRateService(ExchangeRateRepository rates, StaffDirectory staff, AuditService audit,
            ClusterCallsProperties properties, Clock clock) {
        this.rates = rates;
        this.staff = staff;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The amount in euros, or empty when the table has no rate for that currency on or before that day. */
    @Transactional(readOnly = true)
    public Optional<Conversion> toEuros(BigDecimal amount, String currency, LocalDate day) {
        if (EURO.equals(currency)) {
            return Optional.of(new Conversion(amount, EURO, BigDecimal.ONE, day, amount.setScale(2, RoundingMode.HALF_UP)));
        }
        return rates.findFirstByCurrencyAndValidOnLessThanEqualOrderByValidOnDesc(currency, day)
                .map(rate -> new Conversion(amount, currency, rate.getUnitsPerEuro(), rate.getValidOn(),
                        amount.divide(rate.getUnitsPerEuro(), 2, RoundingMode.HALF_UP)));
    }

    @Transactional(readOnly = true)
    public boolean knows(String currency) {
        return EURO.equals(currency) || rates.existsByCurrency(currency);
    }

    @Transactional(readOnly = true)
    public List<ExchangeRate> all() {
        return rates.findAllByOrderByCurrencyAscValidOnDesc();
    }

    /**
     * Finance sets the rate of a currency from a day on (a new day, or a correction of one), with where it comes
     * from or why it changes, if they say.
     */
    @Transactional
    public ExchangeRate set(String user, String code, LocalDate validOn, BigDecimal unitsPerEuro, String reason) {
        String currency = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (!staff.hasRole(user, Roles.FINANCE)) {
            throw new ForbiddenException("Only finance officers may set exchange rates.");
        }
        if (currency == null || !currency.matches("[A-Z]{3}") || EURO.equals(currency)) {
            throw new InvalidInputException("currency", "Please give an ISO 4217 currency code other than EUR, such as USD.");
        }
        if (unitsPerEuro == null || unitsPerEuro.signum() <= 0) {
            throw new InvalidInputException("unitsPerEuro", "Please give how many units of " + currency
                    + " one euro buys, a number above zero.");
        }
        if (unitsPerEuro.compareTo(LOWEST_RATE) < 0 || unitsPerEuro.compareTo(HIGHEST_RATE) > 0
                || unitsPerEuro.stripTrailingZeros().scale() > RATE_DECIMALS) {
            throw new InvalidInputException("unitsPerEuro", "Please check the rate: one euro buys from "
                    + LOWEST_RATE.toPlainString() + " to " + Formats.number(HIGHEST_RATE) + " units of a currency, "
                    + "given with at most " + RATE_DECIMALS + " decimals.");
        }
        LocalDate yearAhead = LocalDate.now(clock.withZone(properties.timeZone())).plusYears(1);
        if (validOn.isBefore(EURO_BEGAN) || validOn.isAfter(yearAhead)) {
            throw new InvalidInputException("validOn", "Please give a day from " + Formats.date(EURO_BEGAN)
                    + ", when the euro began, to " + Formats.date(yearAhead) + ".");
        }
        ExchangeRate existing = rates.findById(new ExchangeRate.Key(currency, validOn)).orElse(null);
        ExchangeRate rate = existing != null ? existing : new ExchangeRate(currency, validOn, unitsPerEuro);
        String was = existing == null ? "" : " (was " + existing.getUnitsPerEuro().toPlainString() + ")";
        rate.change(unitsPerEuro);
        ExchangeRate saved = rates.save(rate);
        audit.record(saved, user, "EXCHANGE_RATE_SET", "1 EUR = " + unitsPerEuro.toPlainString() + " " + currency
                + " from " + validOn + was, FormValues.blankToNull(reason));
        return saved;
    }
}
