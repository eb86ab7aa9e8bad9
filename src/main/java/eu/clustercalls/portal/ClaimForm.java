package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;

import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.reimbursement.ClaimInput;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.ExpenseItem;
import eu.clustercalls.support.Amounts;

/**
 * The claim page's form as typed: up to {@link #ROWS} expense rows ({@code item0Amount} …) and the claim's own
 * fields. It checks what a person commonly gets wrong, in their language, and turns the rest into a
 * {@link ClaimInput} for the service, which has the final word.
 */
record ClaimForm(List<ClaimForm.Row> rows, String daysAttended, String missionReport, String iban,
        String accountHolder) {

    static final int ROWS = 8;
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");
    private static final Pattern PAGE_ITEM_FIELD = Pattern.compile("item(\\d)[A-Z]\\w*");

    /** One expense row; every value as typed. {@code hasReceipt}: a file was chosen for it. */
    record Row(String category, String description, String date, String amount, String currency, boolean hasReceipt) {

        /** The currency has a default, so it alone does not start a row. */
        boolean started() {
            return !category.isBlank() || !description.isBlank() || !date.isBlank() || !amount.isBlank() || hasReceipt;
        }
    }

    /** What the page sent; {@code receipts} tells which rows came with a file. */
    static ClaimForm from(Function<String, String> parameter, Function<Integer, Boolean> receipts) {
        Function<String, String> value = name -> parameter.apply(name) == null ? "" : parameter.apply(name);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String p = "item" + i;
            rows.add(new Row(value.apply(p + "Category"), value.apply(p + "Description"), value.apply(p + "Date"),
                    value.apply(p + "Amount"), value.apply(p + "Currency").isBlank() ? "EUR" : value.apply(p + "Currency"),
                    receipts.apply(i)));
        }
        return new ClaimForm(rows, value.apply("daysAttended"), value.apply("missionReport"), value.apply("iban"),
                value.apply("accountHolder"));
    }

    /** An empty form, or the claim finance returned, to correct (its files must be attached again; see the draft). */
    static ClaimForm of(ExpenseClaim claim, List<ExpenseItem> items) {
        List<Row> rows = new ArrayList<>();
        for (ExpenseItem item : items.subList(0, Math.min(items.size(), ROWS))) {
            rows.add(new Row(item.getCategory().name(), item.getDescription(), item.getExpenseDate().toString(),
                    item.getAmount().toPlainString(), item.getCurrency(), false));
        }
        while (rows.size() < ROWS) {
            rows.add(new Row("", "", "", "", "EUR", false));
        }
        return new ClaimForm(rows, claim.getDaysAttended() == null ? "" : claim.getDaysAttended().toString(),
                text(claim.getMissionReport()), text(claim.getIban()), text(claim.getAccountHolder()));
    }

    /** Field id → message key, for every started row that is incomplete and every missing claim field. */
    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            Row row = rows.get(i);
            if (!row.started()) {
                continue;
            }
            String p = "item" + i;
            if (category(row.category()) == null) {
                errors.put(p + "Category", "todo.claimForm.error.category");
            }
            if (row.description().isBlank()) {
                errors.put(p + "Description", "todo.claimForm.error.description");
            } else if (row.description().length() > 500) {
                errors.put(p + "Description", "todo.claimForm.error.description.tooLong");
            }
            if (date(row.date()) == null) {
                errors.put(p + "Date", "todo.claimForm.error.date");
            }
            if (amount(row.amount()) == null) {
                errors.put(p + "Amount", "todo.claimForm.error.amount");
            }
            if (!row.currency().strip().matches("[A-Za-z]{3}")) {
                errors.put(p + "Currency", "todo.claimForm.error.currency");
            }
            if (!row.hasReceipt()) {
                errors.put(p + "Receipt", "todo.claimForm.error.receipt");
            }
        }
        if (!daysAttended.strip().matches("\\d{1,3}")) {
            errors.put("daysAttended", "todo.claimForm.error.daysAttended");
        }
        if (missionReport.isBlank()) {
            errors.put("missionReport", "todo.claimForm.error.missionReport");
        } else if (missionReport.length() > 4000) {
            errors.put("missionReport", "todo.claimForm.error.missionReport.tooLong");
        }
        // A typed IBAN is checked by the service, which says what is wrong with it.
        if (iban.isBlank()) {
            errors.put("iban", "todo.claimForm.error.iban");
        }
        if (accountHolder.isBlank()) {
            errors.put("accountHolder", "todo.claimForm.error.accountHolder");
        } else if (accountHolder.length() > 70) {
            errors.put("accountHolder", "todo.claimForm.error.accountHolder.tooLong");
        }
        return errors;
    }

    /** The rows that were filled in, by their number on the page, in order: the claim's items. */
    List<Integer> startedRows() {
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (rows.get(i).started()) {
                started.add(i);
            }
        }
        return started;
    }

    /**
     * The service's input, so that it checks what it can even while {@link #check} finds problems: a value that
     * cannot be read is null. Receipts are named by their row's file field.
     */
    ClaimInput input(List<String> attendanceProofs) {
        List<ClaimInput.Item> items = new ArrayList<>();
        for (int i : startedRows()) {
            Row row = rows.get(i);
            items.add(new ClaimInput.Item(category(row.category()), amount(row.amount()), row.currency().strip(),
                    date(row.date()), row.description(), receiptField(i)));
        }
        return new ClaimInput(items, attendanceProofs, missionReport,
                daysAttended.strip().matches("\\d{1,3}") ? Integer.valueOf(daysAttended.strip()) : null, iban,
                accountHolder);
    }

    /** The row of an expense field of the page ({@code item3Date} → 3), or -1. */
    static int rowOf(String field) {
        Matcher row = PAGE_ITEM_FIELD.matcher(field);
        return row.matches() ? Integer.parseInt(row.group(1)) : -1;
    }

    static String receiptField(int row) {
        return "item" + row + "Receipt";
    }

    /**
     * The page's field for a field the service named ({@code items[0].amount} → {@code item3Amount} when the first
     * item is the page's fourth row), or null when the page has no such field.
     */
    String fieldOf(String serviceField) {
        Matcher item = ITEM_FIELD.matcher(serviceField);
        if (item.matches()) {
            int index = Integer.parseInt(item.group(1));
            List<Integer> started = startedRows();
            if (index >= started.size()) {
                return null;
            }
            String name = item.group(2);
            return "item" + started.get(index) + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        if (serviceField.startsWith("files.")) {
            String part = serviceField.substring("files.".length());
            return part.startsWith(ClaimPages.ATTENDANCE_PROOF) ? ClaimPages.ATTENDANCE_PROOF : part;
        }
        return switch (serviceField) {
            case "attendanceProofs" -> ClaimPages.ATTENDANCE_PROOF;
            case "items", "daysAttended", "missionReport", "iban", "accountHolder" -> serviceField;
            default -> null;
        };
    }

    private static ExpenseCategory category(String value) {
        try {
            return value.isBlank() ? null : ExpenseCategory.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An amount as the reader writes it in the page's language (see {@link Amounts}), or null. */
    static BigDecimal amount(String value) {
        return Amounts.parse(value, LocaleContextHolder.getLocale()).orElse(null);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
