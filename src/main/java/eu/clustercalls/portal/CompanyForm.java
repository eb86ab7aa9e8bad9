package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.beans.DirectFieldAccessor;

import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyDetails;
import eu.clustercalls.company.RelatedEnterprise;
import eu.clustercalls.company.SmeFigures;

/**
 * What a company's user may change about it, as the browser sends it: the sign-up form's names (bound to the fields
 * directly), so that the service's problems land next to the same fields. Presence here; the rules are the service's.
 */
class CompanyForm {

    static final int ROWS = 3;
    private static final List<String> RELATED_VALUES = List.of("Name", "Share", "Staff", "Turnover", "BalanceSheet");
    private static final String REQUIRED = "{signup.error.required}";
    private static final String TOO_LONG = "{signup.error.tooLong}";

    @Size(max = 200, message = TOO_LONG) private String address;
    @NotBlank(message = REQUIRED) @Size(max = 100, message = TOO_LONG) private String city;
    @NotBlank(message = REQUIRED) private String country;
    @NotNull(message = REQUIRED) private Integer referenceYear;
    @NotNull(message = REQUIRED) private BigDecimal staffHeadcount;
    @NotNull(message = REQUIRED) private BigDecimal annualTurnover;
    @NotNull(message = REQUIRED) private BigDecimal balanceSheetTotal;

    @Size(max = 200, message = TOO_LONG) private String related0Name;
    private String related0Relation;
    private BigDecimal related0Share;
    private BigDecimal related0Staff;
    private BigDecimal related0Turnover;
    private BigDecimal related0BalanceSheet;
    @Size(max = 200, message = TOO_LONG) private String related1Name;
    private String related1Relation;
    private BigDecimal related1Share;
    private BigDecimal related1Staff;
    private BigDecimal related1Turnover;
    private BigDecimal related1BalanceSheet;
    @Size(max = 200, message = TOO_LONG) private String related2Name;
    private String related2Relation;
    private BigDecimal related2Share;
    private BigDecimal related2Staff;
    private BigDecimal related2Turnover;
    private BigDecimal related2BalanceSheet;

    /** The company as it is now, to edit. */
    static CompanyForm of(Company company) {
        CompanyForm form = new CompanyForm();
        form.address = company.getAddress();
        form.city = company.getCity();
        form.country = company.getCountry();
        form.referenceYear = company.getReferenceYear();
        form.staffHeadcount = company.getStaffHeadcount();
        form.annualTurnover = company.getAnnualTurnover();
        form.balanceSheetTotal = company.getBalanceSheetTotal();
        DirectFieldAccessor fields = new DirectFieldAccessor(form);
        List<RelatedEnterprise> related = company.getRelatedEnterprises();
        for (int i = 0; i < Math.min(ROWS, related.size()); i++) {
            RelatedEnterprise enterprise = related.get(i);
            String row = "related" + i;
            fields.setPropertyValue(row + "Name", enterprise.getName());
            fields.setPropertyValue(row + "Relation", enterprise.getRelation().name());
            fields.setPropertyValue(row + "Share", enterprise.getSharePercent());
            fields.setPropertyValue(row + "Staff", enterprise.getStaffHeadcount());
            fields.setPropertyValue(row + "Turnover", enterprise.getAnnualTurnover());
            fields.setPropertyValue(row + "BalanceSheet", enterprise.getBalanceSheetTotal());
        }
        return form;
    }

    /** Message keys of what is missing in a row with a relation, by field; a row without one is no row. */
    Map<String, String> rowErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            String row = "related" + i;
            boolean anyFilled = RELATED_VALUES.stream().anyMatch(field -> !blank(value(row + field)));
            if (relation(i) == null && anyFilled) {
                errors.put(row + "Relation", "signup.error.relation");
            } else if (relation(i) != null) {
                RELATED_VALUES.stream().filter(field -> blank(value(row + field)))
                        .forEach(field -> errors.put(row + field, "signup.error.required"));
            }
        }
        return errors;
    }

    /** What the service checks and stores; call only without {@link #rowErrors}. */
    CompanyDetails toDetails() {
        List<RelatedEnterprise> related = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String row = "related" + i;
            if (relation(i) != null) {
                related.add(new RelatedEnterprise(((String) value(row + "Name")).strip(), relation(i),
                        (BigDecimal) value(row + "Share"), new SmeFigures((BigDecimal) value(row + "Staff"),
                                (BigDecimal) value(row + "Turnover"), (BigDecimal) value(row + "BalanceSheet"))));
            }
        }
        return new CompanyDetails(blank(address) ? null : address.strip(), city.strip(), country.strip(), referenceYear,
                new SmeFigures(staffHeadcount, annualTurnover, balanceSheetTotal), related);
    }

    private RelatedEnterprise.Relation relation(int row) {
        Object relation = value("related" + row + "Relation");
        for (RelatedEnterprise.Relation candidate : RelatedEnterprise.Relation.values()) {
            if (candidate.name().equals(relation)) {
                return candidate;
            }
        }
        return null;
    }

    private Object value(String field) {
        return new DirectFieldAccessor(this).getPropertyValue(field);
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }
}
