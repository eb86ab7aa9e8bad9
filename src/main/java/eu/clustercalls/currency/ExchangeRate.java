package eu.clustercalls.currency;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import eu.clustercalls.audit.Audited;

/** A reference rate: how many units of a currency one euro buys, from a day on (as the ECB publishes them). */
@Entity
@IdClass(ExchangeRate.Key.class)
public class ExchangeRate implements Audited {

    public record Key(String currency, LocalDate validOn) implements Serializable {
    }

    @Id
    private String currency;
    @Id
    private LocalDate validOn;
    private BigDecimal unitsPerEuro;

    protected ExchangeRate() {
    }

    ExchangeRate(String currency, LocalDate validOn, BigDecimal unitsPerEuro) {
        this.currency = currency;
        this.validOn = validOn;
        this.unitsPerEuro = unitsPerEuro;
    }

    void change(BigDecimal unitsPerEuro) {
        this.unitsPerEuro = unitsPerEuro;
    }

    @Override
    public String auditType() {
        return "ExchangeRate";
    }

    @Override
    public String auditId() {
        return currency + " " + validOn;
    }

    /** One table for every cluster. */
    @Override
    public String tenantId() {
        return null;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getValidOn() {
        return validOn;
    }

    public BigDecimal getUnitsPerEuro() {
        return unitsPerEuro;
    }
}
