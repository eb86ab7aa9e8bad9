package eu.clustercalls.application;

import java.math.BigDecimal;
import java.util.List;

/** What an SME submits to apply to a call. */
public record ApplyCommand(
        Long companyId,
        String motivation,
        String targetMarkets,
        String exportExperience,
        BigDecimal requestedAmount,
        List<Participant> participants,
        Declarations declarations) {
}
