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

    /** The limits of the answers, the same for the API and the portal's form. */
    public static final int MOTIVATION_MAX = 4000;
    public static final int TARGET_MARKETS_MAX = 500;
    public static final int EXPORT_EXPERIENCE_MAX = 2000;
    public static final int PARTICIPANTS_MAX = 5;
    public static final int PARTICIPANT_TEXT_MAX = 200;
    public static final int AMOUNT_INTEGER_DIGITS = 9;
    public static final int AMOUNT_FRACTION_DIGITS = 2;
}
