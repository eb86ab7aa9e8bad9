package eu.clustercalls.application;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;

import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.HtmlPdf;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.Formats;

/**
 * The application as it was submitted, as a PDF in a language (templates/letters/application.html): the SME keeps it,
 * and the call's audit pack holds it in English. Rendered from the stored application each time: nothing in it
 * changes after the submission.
 */
@Component
public class ApplicationPdf {

    private static final String TEMPLATE = "letters/application";

    private final CallService calls;
    private final CompanyService companies;
    private final ClusterOrganisationService organisations;
    private final ClusterCallsProperties properties;
    private final HtmlPdf pdf;

    ApplicationPdf(CallService calls, CompanyService companies, ClusterOrganisationService organisations,
            ClusterCallsProperties properties, HtmlPdf pdf) {
        this.calls = calls;
        this.companies = companies;
        this.organisations = organisations;
        this.properties = properties;
        this.pdf = pdf;
    }

    /** The name the PDF is downloaded and packed under. */
    public static String fileName(Application application) {
        return "application-" + application.reference() + ".pdf";
    }

    /** The application's answers, declarations, participants and amount, with when it was submitted (and in which zone). */
    @Transactional(readOnly = true)
    public byte[] render(Application application, Locale locale) {
        // English figures are written the British way, as in the award letter: 1 April 2026.
        Locale figures = locale.getLanguage().equals("en") ? Locale.UK : locale;
        FundingCall call = calls.get(application.getCallId());
        Context context = new Context(locale);
        context.setVariable("app", application);
        context.setVariable("callTitle", call.getTitle());
        context.setVariable("euProject", call.getEuProject());
        context.setVariable("clusterName", organisations.get(call.getClusterId()).getName());
        context.setVariable("companyName", companies.get(application.getCompanyId()).getLegalName());
        context.setVariable("submittedAt", Formats.dateTime(application.getSubmittedAt().atZone(properties.timeZone()),
                figures));
        context.setVariable("requested", Formats.euros(application.getRequestedAmount(), figures));
        return pdf.render(TEMPLATE, context, "The application " + application.reference());
    }
}
