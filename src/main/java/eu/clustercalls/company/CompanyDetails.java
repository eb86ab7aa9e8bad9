package eu.clustercalls.company;

import java.util.List;

/**
 * What a company's user may change about it after sign-up: where it is, and its figures with the financial year they
 * are of. Its name and VAT number stay.
 */
public record CompanyDetails(String address, String city, String country, int referenceYear, SmeFigures figures,
        List<RelatedEnterprise> relatedEnterprises) {
}
