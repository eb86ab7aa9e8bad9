package eu.clustercalls.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.PdfText;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.support.Formats;

/** Sending the award letter keeps its PDF with the application, once: a retried send stores and sends nothing more. */
@ClusterCallsTest
class AwardLetterSendingTest {

    @Autowired
    Scenario scenario;
    @Autowired
    SelectionService selection;
    @Autowired
    DocumentService documents;
    @Autowired
    CompanyService companies;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theConfirmedApplicationKeepsItsAwardLetterAsAPdf() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, new BigDecimal("1500"));

        List<DocumentSummary> stored = documents.ofApplication(application.getId());

        assertThat(stored).hasSize(1);
        DocumentSummary letter = stored.get(0);
        assertThat(letter.getPurpose()).isEqualTo(StoredDocument.Purpose.AWARD_LETTER);
        assertThat(letter.getContentType()).isEqualTo("application/pdf");
        assertThat(letter.getFileName()).isEqualTo("award-letter-" + application.reference() + ".pdf");
        assertThat(selection.awardLetterDocumentId(application.getId())).contains(letter.getId());
        String text = PdfText.of(documents.ofApplication(application.getId(), letter.getId()).getContent());
        assertThat(text).contains("Award letter " + application.reference(), cluster.name(), call.getTitle(),
                companies.get(application.getCompanyId()).getLegalName(), "€1,500.00", "de minimis aid",
                "Date: " + Formats.date(scenario.today(), Locale.UK));
    }

    @Test
    void sendingTheAwardLetterAgainStoresAndSendsNothingMore() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, new BigDecimal("1500"));
        Long letter = selection.awardLetterDocumentId(application.getId()).orElseThrow();

        selection.sendAwardLetter(application.getId());

        assertThat(documents.ofApplication(application.getId())).extracting(DocumentSummary::getId)
                .containsExactly(letter);
        assertThat(audit.trailOf(application)).extracting(AuditEvent::getAction).containsOnlyOnce("AWARD_LETTER_SENT");
        assertThat(notifications.findByEntityTypeAndEntityIdOrderById("Application", application.reference()))
                .filteredOn(n -> n.getType().equals(NotificationType.AWARD_LETTER.name())).hasSize(1);
    }

    @Test
    void theDatabaseRefusesASecondAwardLetterForOneApplication() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, new BigDecimal("1500"));
        byte[] pdf = documents.ofApplication(application.getId(), selection.awardLetterDocumentId(application.getId())
                .orElseThrow()).getContent();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> documents.storeOfApplication(
                application.getId(), StoredDocument.Purpose.AWARD_LETTER,
                documents.check("awardLetter", "again.pdf", pdf), "system")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(documents.ofApplication(application.getId())).hasSize(1);
    }
}
