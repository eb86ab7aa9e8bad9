package eu.clustercalls.application;

import java.time.LocalDate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyFigures;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.SmeFigures;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.ViewWords;

/** How an application reads in the staff's task forms (eligibility review, evaluation, consensus). */
@Component
public class ApplicationViews {

    private final ApplicationRepository applications;
    private final CallService calls;
    private final CompanyService companies;
    private final ClusterCallsProperties properties;

    ApplicationViews(ApplicationRepository applications, CallService calls, CompanyService companies,
            ClusterCallsProperties properties) {
        this.applications = applications;
        this.calls = calls;
        this.companies = companies;
        this.properties = properties;
    }

    /**
     * The view of the application: a summary of facts and the free texts, as markdown text; its reference is also a
     * column of Tasklist's filters.
     */
    @Transactional(readOnly = true)
    public FormView describe(Long applicationId, ViewWords words) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("There is no application " + applicationId + "."));
        FundingCall call = calls.get(application.getCallId());
        Company company = companies.get(application.getCompanyId());
        // The revision of the figures the application was submitted and decided with, not the company's latest.
        CompanyFigures declared = companies.figures(company.getId(), application.getFiguresRevision());
        SmeFigures figures = declared.smeFigures();
        String summary = String.join("  \n",
                words.get("application.call", Formats.markdownText(call.getTitle()), call.reference()),
                words.get("application.applicant", Formats.markdownText(company.getLegalName() + ", " + company.getCity()
                        + " (" + company.getCountry() + ")"), company.getVatNumber()),
                words.get("application.size", words.label(figures.size()), words.number(figures.staffHeadcount()),
                        words.euros(figures.annualTurnover()), words.euros(figures.balanceSheetTotal()),
                        words.label(declared.getEnterpriseType()))
                        + " " + words.get("application.figuresDeclared",
                                words.date(LocalDate.ofInstant(declared.getValidFrom(), properties.timeZone()))),
                words.get("application.requested", words.euros(application.getRequestedAmount()),
                        Formats.markdownText(application.getParticipants().stream()
                                .map(p -> p.fullName() + " (" + p.jobTitle() + ")").collect(Collectors.joining(", ")))));
        return new FormView()
                .text("applicationReference", application.reference())
                .text("applicationSummary", summary)
                .text("targetMarkets", Formats.markdownText(application.getTargetMarkets()))
                .text("motivation", Formats.markdownText(application.getMotivation()))
                .text("exportExperience", Formats.markdownText(application.getExportExperience()));
    }
}
