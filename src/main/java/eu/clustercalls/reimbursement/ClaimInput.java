package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import eu.clustercalls.call.ExpenseCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An SME's expense claim as sent with its files. {@code receipt} and {@code attendanceProofs} name the files
 * (the multipart parts) sent with it. The messages are keys of messages/phrases, in the reader's language (Spring's
 * validator reads them from the application's messages).
 */
public record ClaimInput(
        @Valid @Size(max = 100, message = "{phrase.refusal.claimInput.tooManyItems}")
        List<@NotNull(message = "{phrase.refusal.claimInput.emptyItem}") Item> items,
        List<String> attendanceProofs,
        @NotBlank(message = "{phrase.refusal.claimInput.missionReport}")
        @Size(max = 4000, message = "{phrase.refusal.claimInput.missionReport.tooLong}") String missionReport,
        @NotNull(message = "{phrase.refusal.claimInput.daysAttended}") Integer daysAttended,
        @NotBlank(message = "{phrase.refusal.claimInput.iban}") String iban,
        @NotBlank(message = "{phrase.refusal.claimInput.accountHolder}")
        @Size(max = 70, message = "{phrase.refusal.claimInput.accountHolder.tooLong}") String accountHolder) {

    public record Item(
            @NotNull(message = "{phrase.refusal.claimInput.category}")
            ExpenseCategory category,
            @NotNull(message = "{phrase.refusal.claimInput.amount}") BigDecimal amount,
            @NotBlank(message = "{phrase.refusal.claimInput.currency}") String currency,
            @NotNull(message = "{phrase.refusal.claimInput.date}") LocalDate date,
            @NotBlank(message = "{phrase.refusal.claimInput.description}")
            @Size(max = 500, message = "{phrase.refusal.claimInput.description.tooLong}") String description,
            String receipt) {
    }

    public List<Item> itemsOrNone() {
        return items == null ? List.of() : items;
    }

    public List<String> attendanceProofsOrNone() {
        return attendanceProofs == null ? List.of() : attendanceProofs;
    }
}
