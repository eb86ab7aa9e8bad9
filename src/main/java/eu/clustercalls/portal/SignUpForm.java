package eu.clustercalls.portal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.beans.DirectFieldAccessor;
import org.springframework.format.annotation.DateTimeFormat;

import eu.clustercalls.company.RelatedEnterprise;
import eu.clustercalls.company.SignUp;
import eu.clustercalls.company.SmeFigures;

/**
 * The sign-up form as the browser sends it: one flat field per input (bound to the fields directly), up to three
 * related enterprises and three declared aids. Presence and format are checked here; the rules are the service's.
 */
class SignUpForm {

    static final int ROWS = 3;
    /** The fields in the order the form shows them (the order they are declared in), for the error summary. */
    static final List<String> FIELDS;
    private static final List<String> RELATED_VALUES = List.of("Name", "Share", "Staff", "Turnover", "BalanceSheet");
    private static final List<String> AID_VALUES = List.of("GrantedOn", "Amount", "GrantingBody");
    private static final String REQUIRED = "{signup.error.required}";
    private static final String NUMBER = "{signup.error.number}";
    private static final String TOO_LONG = "{signup.error.tooLong}";

    @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) private String legalName;
    @NotBlank(message = REQUIRED) private String country;
    @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) private String vatNumber;
    @NotBlank(message = REQUIRED) @Size(max = 100, message = TOO_LONG) private String city;
    @NotBlank(message = REQUIRED) @Size(max = 10, message = TOO_LONG) private String naceCode;
    @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 7, fraction = 2, message = NUMBER)
    private BigDecimal staffHeadcount;
    @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER)
    private BigDecimal annualTurnover;
    @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER)
    private BigDecimal balanceSheetTotal;

    @Size(max = 200, message = TOO_LONG) private String related0Name;
    private String related0Relation;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 3, fraction = 2, message = NUMBER) private BigDecimal related0Share;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 7, fraction = 2, message = NUMBER) private BigDecimal related0Staff;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal related0Turnover;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal related0BalanceSheet;
    @Size(max = 200, message = TOO_LONG) private String related1Name;
    private String related1Relation;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 3, fraction = 2, message = NUMBER) private BigDecimal related1Share;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 7, fraction = 2, message = NUMBER) private BigDecimal related1Staff;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal related1Turnover;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal related1BalanceSheet;
    @Size(max = 200, message = TOO_LONG) private String related2Name;
    private String related2Relation;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 3, fraction = 2, message = NUMBER) private BigDecimal related2Share;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 7, fraction = 2, message = NUMBER) private BigDecimal related2Staff;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal related2Turnover;
    @DecimalMin(value = "0", message = NUMBER) @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal related2BalanceSheet;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate aid0GrantedOn;
    @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal aid0Amount;
    @Size(max = 200, message = TOO_LONG) private String aid0GrantingBody;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate aid1GrantedOn;
    @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal aid1Amount;
    @Size(max = 200, message = TOO_LONG) private String aid1GrantingBody;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate aid2GrantedOn;
    @Digits(integer = 13, fraction = 2, message = NUMBER) private BigDecimal aid2Amount;
    @Size(max = 200, message = TOO_LONG) private String aid2GrantingBody;

    private String clusterId;
    @Size(max = 40, message = TOO_LONG) private String memberNumber;

    @NotBlank(message = REQUIRED) private String username;
    @NotBlank(message = REQUIRED) @Size(max = 100, message = TOO_LONG) private String firstName;
    @NotBlank(message = REQUIRED) @Size(max = 100, message = TOO_LONG) private String lastName;
    @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) private String email;
    @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) private String password;
    @NotBlank(message = REQUIRED) private String passwordRepeat;

    static {
        FIELDS = Arrays.stream(SignUpForm.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers())).map(Field::getName).toList();
    }

    /** Message keys of what is missing in a partly filled row, by field; an empty row is no row. */
    Map<String, String> rowErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            String row = "related" + i;
            boolean related = relation(i) != null;
            boolean anyFilled = RELATED_VALUES.stream().anyMatch(field -> !blank(value(row + field)));
            if (!related && (anyFilled || !blank(value(row + "Relation")))) {
                errors.put(row + "Relation", "signup.error.relation");
            }
            if (related) {
                RELATED_VALUES.stream().filter(field -> blank(value(row + field)))
                        .forEach(field -> errors.put(row + field, "signup.error.required"));
            }
            String aid = "aid" + i;
            if (AID_VALUES.stream().anyMatch(field -> !blank(value(aid + field)))) {
                AID_VALUES.stream().filter(field -> blank(value(aid + field)))
                        .forEach(field -> errors.put(aid + field, "signup.error.required"));
            }
        }
        if (!blank(memberNumber) && blank(clusterId)) {
            errors.put("clusterId", "signup.error.clusterId.required");
        }
        return errors;
    }

    boolean passwordsMatch() {
        return password == null || password.equals(passwordRepeat);
    }

    /** Never shown again: the form comes back without them. */
    void forgetPasswords() {
        password = null;
        passwordRepeat = null;
    }

    /** What the service checks and registers; rows that are not complete are left out (their errors are shown). */
    SignUp toSignUp(Locale language) {
        List<RelatedEnterprise> related = new ArrayList<>();
        List<SignUp.DeclaredAid> aid = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String row = "related" + i;
            RelatedEnterprise.Relation relation = relation(i);
            if (relation != null && RELATED_VALUES.stream()
                    .noneMatch(field -> blank(value(row + field)))) {
                related.add(new RelatedEnterprise(strip(value(row + "Name")), relation,
                        (BigDecimal) value(row + "Share"), new SmeFigures((BigDecimal) value(row + "Staff"),
                                (BigDecimal) value(row + "Turnover"), (BigDecimal) value(row + "BalanceSheet"))));
            }
            String aidRow = "aid" + i;
            if (AID_VALUES.stream().noneMatch(field -> blank(value(aidRow + field)))) {
                aid.add(new SignUp.DeclaredAid((LocalDate) value(aidRow + "GrantedOn"), (BigDecimal) value(aidRow + "Amount"),
                        strip(value(aidRow + "GrantingBody"))));
            }
        }
        return new SignUp(strip(legalName), strip(vatNumber), strip(country), strip(city), strip(naceCode),
                new SmeFigures(staffHeadcount, annualTurnover, balanceSheetTotal), related, aid,
                blank(clusterId) ? null : clusterId.strip(), strip(memberNumber),
                new SignUp.NewUser(strip(username), strip(firstName), strip(lastName), strip(email), password, language));
    }

    /** The relation chosen in that row; null for none (or for a value the form does not offer). */
    private RelatedEnterprise.Relation relation(int row) {
        Object relation = value("related" + row + "Relation");
        return Arrays.stream(RelatedEnterprise.Relation.values()).filter(r -> r.name().equals(relation)).findFirst()
                .orElse(null);
    }

    private Object value(String field) {
        return new DirectFieldAccessor(this).getPropertyValue(field);
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    private static String strip(Object value) {
        return value == null ? null : ((String) value).strip();
    }
}
