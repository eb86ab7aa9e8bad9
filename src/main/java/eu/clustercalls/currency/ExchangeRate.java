package eu.clustercalls.currency;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** A reference rate: how many units of a currency one euro buys, from a day on (as the ECB publishes them). */
@Entity
@IdClass(ExchangeRate.Key.class)
public class ExchangeRate {

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
