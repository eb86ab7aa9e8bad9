package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.ReimbursementModel;
import eu.clustercalls.currency.ExchangeRate;
import eu.clustercalls.currency.ExchangeRateService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the claim page's running estimate (static/portal/assets/claim.js), taken from where the service takes
 * them: the dates {@link ClaimService#ineligibility} accepts, the call's excluded categories, every dated rate of
 * the rate table (an expense is converted with the rate on or before its date), the grant as the cap and the lump sum
 * of {@link ReimbursementRates}. The claim page reads them as {@code ${@claimEstimate.rules(call, grant)}}.
 */
@Component("claimEstimate")
public class ClaimEstimate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExchangeRateService exchangeRates;
    private final ReimbursementRates rates;

    ClaimEstimate(ExchangeRateService exchangeRates, ReimbursementRates rates) {
        this.exchangeRates = exchangeRates;
        this.rates = rates;
    }

    /** The first day an eligible expense may fall on, as the page names it. */
    public LocalDate firstDay(FundingCall call) {
        return ClaimService.firstExpenseDay(call);
    }

    /** The last day an eligible expense may fall on. */
    public LocalDate lastDay(FundingCall call) {
        return ClaimService.lastExpenseDay(call);
    }

    /**
     * The rules as JSON, amounts and rates as decimal texts so that the page computes them to the cent. Not read-only:
     * the lump sum's decision table writes its evaluation to the history, which PostgreSQL refuses in a read-only one.
     */
    @Transactional
    public String rules(FundingCall call, BigDecimal grant) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("model", call.getReimbursementModel().name());
        rules.put("cap", grant.toPlainString());
        rules.put("from", firstDay(call).toString());
        rules.put("to", lastDay(call).toString());
        rules.put("excluded", call.getExcludedExpenses().stream().map(ExpenseCategory::name).sorted().toList());
        if (call.getReimbursementModel() == ReimbursementModel.LUMP_SUM) {
            rules.put("lumpSum", rates.lumpSum(call.getActivityType()).toPlainString());
        }
        // Newest first per currency, as the rate table lists them.
        Map<String, List<List<String>>> dated = new LinkedHashMap<>();
        dated.put(ExchangeRateService.EURO, List.of());
        for (ExchangeRate rate : exchangeRates.all()) {
            dated.computeIfAbsent(rate.getCurrency(), code -> new ArrayList<>())
                    .add(List.of(rate.getValidOn().toString(), rate.getUnitsPerEuro().toPlainString()));
        }
        rules.put("rates", dated);
        try {
            return JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The estimate's rules cannot be written as JSON", e);
        }
    }
}
