package eu.clustercalls.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Exchange rates", description = "The rates that turn foreign receipts into euros")
class ExchangeRateController {

    private final ExchangeRateService rates;

    ExchangeRateController(ExchangeRateService rates) {
        this.rates = rates;
    }

    @GetMapping("/api/exchange-rates")
    @Operation(summary = "Every rate in the table, newest first per currency")
    List<ExchangeRate> all() {
        return rates.all();
    }

    @PutMapping("/api/exchange-rates/{currency}/{validOn}")
    @Operation(summary = "Set how many units of a currency one euro buys from that day on (finance)")
    ExchangeRate set(@PathVariable String currency, @PathVariable LocalDate validOn, @Valid @RequestBody RateInput input,
            Authentication user) {
        return rates.set(user.getName(), currency, validOn, input.unitsPerEuro(), input.reason());
    }

    /** @param reason where the rate comes from or why it is corrected; it goes into the audit trail */
    record RateInput(@NotNull(message = "Please give unitsPerEuro, such as 1.0825.") BigDecimal unitsPerEuro,
            @Size(max = 2000, message = "The reason can have at most 2,000 characters.") String reason) {
    }
}
