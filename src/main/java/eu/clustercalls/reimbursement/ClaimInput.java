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
 * (the multipart parts) sent with it.
 */
public record ClaimInput(
        @Valid @Size(max = 100, message = "A claim can list at most 100 expenses.")
        List<@NotNull(message = "Please describe each expense; this one is empty.") Item> items,
        List<String> attendanceProofs,
        @NotBlank(message = "Please write a short mission report: whom you met and what came of it.")
        @Size(max = 4000, message = "The mission report can have at most 4,000 characters.") String missionReport,
        @NotNull(message = "Please say on how many days of the activity your company was there.") Integer daysAttended,
        @NotBlank(message = "Please enter the IBAN of the account the grant is paid to.") String iban,
        @NotBlank(message = "Please enter the name of the account holder.")
        @Size(max = 70, message = "The account holder's name can have at most 70 characters.") String accountHolder) {

    public record Item(
            @NotNull(message = "Please choose a category: TRAVEL, ACCOMMODATION, REGISTRATION_FEE, STAND or SUBSISTENCE.")
            ExpenseCategory category,
            @NotNull(message = "Please enter the amount on the receipt.") BigDecimal amount,
            @NotBlank(message = "Please enter the currency of the receipt, such as EUR or USD.") String currency,
            @NotNull(message = "Please enter the date of the expense.") LocalDate date,
            @NotBlank(message = "Please describe the expense.")
            @Size(max = 500, message = "The description can have at most 500 characters.") String description,
            String receipt) {
    }

    public List<Item> itemsOrNone() {
        return items == null ? List.of() : items;
    }

    public List<String> attendanceProofsOrNone() {
        return attendanceProofs == null ? List.of() : attendanceProofs;
    }
}
