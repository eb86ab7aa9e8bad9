package eu.clustercalls.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.LocalSmtp;
import eu.clustercalls.PdfText;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A company's way from a published call to its award letter, with the outbox sent to a real SMTP server (GreenMail):
 * every mail arrives once, in the language its recipient reads, with links that lead to the right page. Users who
 * never chose a language read Spanish here (clustercalls.mail.default-language).
 */
@ClusterCallsTest
@TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "clustercalls.outbox.enabled=true",
        "clustercalls.outbox.poll-interval=PT1H",
        "clustercalls.mail.default-language=es",
        "clustercalls.base-url=https://calls.example.eu" })
class MailThroughSmtpTest {

    private static final int SMTP_PORT = LocalSmtp.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = LocalSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Scenario scenario;
    @Autowired
    OutboxSender sender;
    @Autowired
    Languages languages;

    @Test
    void fromTheCallToTheAwardLetterEachMailArrivesOnceInItsRecipientsLanguageWithItsLink() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        String catalanEvaluator = cluster.evaluators().get(0);
        String englishEvaluator = cluster.evaluators().get(1);
        languages.choose(catalanEvaluator, Locale.forLanguageTag("ca"));
        languages.choose(englishEvaluator, Locale.ENGLISH);
        Company member = scenario.memberCompany(cluster);
        String sme = Scenario.contactOf(member);

        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, member, new BigDecimal("1500.00"));
        scenario.confirmEligibility(cluster, application);
        scenario.evaluateWithTotals(application, 20, 20);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        scenario.answerParticipation(application, true, null);
        scenario.runJobsOf(application.getProcessInstanceId());
        sender.sendDue();

        Map<String, MimeMessage> smeMails = onlyOnceEach(mailsTo(sme + "@test.clustercalls.eu"));
        String applicationLink = "https://calls.example.eu/portal/applications/" + application.getId();
        assertThat(smeMails.keySet()).containsExactlyInAnyOrder(
                "Nueva convocatoria: " + call.getTitle(),
                "Solicitud recibida: " + call.getTitle(),
                "Admisibilidad de su solicitud " + application.reference(),
                "Resultado de su solicitud " + application.reference(),
                "Carta de concesión: " + call.getTitle());
        assertThat(text(smeMails.get("Nueva convocatoria: " + call.getTitle())))
                .startsWith("Hola, " + sme + " Test:")
                .contains("https://calls.example.eu/portal/calls/" + call.getId());
        assertThat(text(smeMails.get("Admisibilidad de su solicitud " + application.reference())))
                .contains("es admisible", applicationLink);
        assertThat(text(smeMails.get("Resultado de su solicitud " + application.reference())))
                .contains("ha sido seleccionada", "Confirme su participación antes del", applicationLink);
        MimeMessage letter = smeMails.get("Carta de concesión: " + call.getTitle());
        assertThat(text(letter)).contains("1.500,00\u00a0€", applicationLink);
        Part pdf = part(letter, "application/pdf");
        assertThat(pdf.getFileName()).isEqualTo("award-letter-" + application.reference() + ".pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(PdfText.of(pdf.getInputStream().readAllBytes())).as("the letter in the company's language")
                .contains(application.reference(), member.getLegalName(), "1.500,00");

        Map<String, MimeMessage> catalanMails = onlyOnceEach(mailsTo(catalanEvaluator + "@test.clustercalls.eu"));
        String invitation = "Avalueu la sol·licitud " + application.reference();
        String recorded = "La vostra avaluació de " + application.reference() + " està registrada";
        assertThat(catalanMails).as("the invitation, and the confirmation of the evaluation submitted")
                .containsOnlyKeys(invitation, recorded);
        assertThat(text(catalanMails.get(invitation))).startsWith("Hola, " + catalanEvaluator + " Test:")
                .contains("https://calls.example.eu/camunda/app/tasklist/default/");
        assertThat(text(catalanMails.get(recorded))).startsWith("Hola, " + catalanEvaluator + " Test:")
                .contains("està registrada: un total de");
        assertThat(onlyOnceEach(mailsTo(englishEvaluator + "@test.clustercalls.eu"))).containsOnlyKeys(
                "Please evaluate application " + application.reference(),
                "Your evaluation of " + application.reference() + " is recorded");
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessagesForDomain(address)).toList();
    }

    /** The mails by subject, failing if one arrived twice. */
    private static Map<String, MimeMessage> onlyOnceEach(List<MimeMessage> mails) {
        assertThat(mails.stream().map(MailThroughSmtpTest::subject)).doesNotHaveDuplicates();
        return mails.stream().collect(Collectors.toMap(MailThroughSmtpTest::subject, Function.identity()));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        try {
            return part(mail, "text/plain").getContent().toString().replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of that type, however deep the mail nests its parts. */
    private static Part part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                Part found = part(parts.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

}
