package eu.clustercalls.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.security.Roles;

/** /dashboard/mail: the outbox and the caught mails, for administrators only. */
@ClusterCallsTest
@Import({ OutboxMessages.class, ClaimSetup.class, ClaimFixtures.class })
@TestPropertySource(properties = {
        "clustercalls.mail.catcher=true",
        "clustercalls.outbox.enabled=true",
        "clustercalls.outbox.poll-interval=PT1H" })
class MailPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxMessages outbox;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup claimSetup;
    @Autowired
    ClaimFixtures claimFixtures;
    @Autowired
    DocumentService documents;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAdministratorListsTheMailOpensItReadsItsBodyAndDownloadsItWhole() throws Exception {
        String recipient = scenario.user("listed-" + Scenario.next(), Roles.SME);
        String title = "Trade fair in Lyon " + Scenario.next();
        long id = outbox.queue(recipient, title);
        sender.sendDue();
        String subject = "More time to apply: " + title;

        Document list = page("/dashboard/mail");
        assertThat(list.getElementById("mail-" + id)).satisfies(link -> {
            assertThat(link.text()).isEqualTo(subject);
            assertThat(link.attr("href")).isEqualTo("/dashboard/mail/" + id);
        });

        Document message = page("/dashboard/mail/" + id);
        assertThat(message.select("h1").text()).isEqualTo(subject);
        assertThat(message.getElementById("mail-to").text())
                .isEqualTo(recipient + " Test <" + recipient + "@test.clustercalls.eu>");
        assertThat(message.getElementById("mail-body").text()).contains("now closes on 1 March 2027, 18:00 CET.",
                "http://localhost:8080/portal/calls/1");
        assertThat(message.select("dd").eachText()).anySatisfy(value -> assertThat(value)
                .startsWith("<notification-" + id + ".").endsWith("@clustercalls.eu>"));
        assertThat(message.getElementById("mail-status").text()).startsWith("Sent");
        assertThat(message.getElementById("mail-eml").attr("href")).isEqualTo("/dashboard/mail/" + id + "/message.eml");

        byte[] eml = mvc.perform(get("/dashboard/mail/" + id + "/message.eml").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("message/rfc822"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(eml, StandardCharsets.UTF_8)).contains("Message-ID: <notification-" + id + ".",
                "X-ClusterCalls-Notification: " + id);
    }

    @Test
    void aMessageNotSentYetShowsTheOutboxTextAndHasNoMailToDownload() throws Exception {
        String recipient = scenario.user("waiting-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(recipient, "Waiting fair " + Scenario.next());

        Document message = page("/dashboard/mail/" + id);

        assertThat(message.getElementById("mail-status").text()).startsWith("Waiting to be sent");
        assertThat(message.getElementById("mail-body").text()).contains("The call Waiting fair");
        assertThat(message.getElementById("mail-eml")).isNull();
        mvc.perform(get("/dashboard/mail/" + id + "/message.eml").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void theStatusFilterShowsOnlyMessagesOfThatStatus() throws Exception {
        String recipient = scenario.user("filtered-" + Scenario.next(), Roles.SME);
        long sent = outbox.queue(recipient, "Sent fair " + Scenario.next());
        sender.sendDue();
        long waiting = outbox.queue(recipient, "Waiting fair " + Scenario.next());

        Document onlySent = page("/dashboard/mail?status=SENT");
        assertThat(onlySent.getElementById("mail-" + sent)).isNotNull();
        assertThat(onlySent.getElementById("mail-" + waiting)).isNull();
        assertThat(onlySent.select("#status option[selected]").attr("value")).isEqualTo("SENT");

        Document onlyPending = page("/dashboard/mail?status=pending");
        assertThat(onlyPending.getElementById("mail-" + waiting)).isNotNull();
        assertThat(onlyPending.getElementById("mail-" + sent)).isNull();
    }

    @Test
    void anUnknownStatusIsABadRequestWithTheFieldsError() throws Exception {
        String body = mvc.perform(get("/dashboard/mail").param("status", "bogus").with(admin()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Document page = Jsoup.parse(body);
        assertThat(page.getElementById("status-error").text()).isEqualTo("Choose one of the statuses of the list.");
        assertThat(page.getElementById("status").attr("aria-invalid")).isEqualTo("true");
        assertThat(body).doesNotContain("Exception", "??");
    }

    @Test
    void anUnknownMessageIsNotFound() throws Exception {
        String body = mvc.perform(get("/dashboard/mail/999999999").with(admin()))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).contains("There is nothing here that you may see.").doesNotContain("Exception");
        mvc.perform(get("/dashboard/mail/999999999/attachments/1").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void callManagersAndSmeUsersMayNotReadTheMail() throws Exception {
        String recipient = scenario.user("private-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(recipient, "Private fair " + Scenario.next());
        sender.sendDue();
        Scenario.Cluster cluster = scenario.cluster();
        RequestPostProcessor manager = user(cluster.manager()).authorities(new SimpleGrantedAuthority(Roles.CALL_MANAGERS));
        RequestPostProcessor sme = user(recipient).authorities(new SimpleGrantedAuthority(Roles.SME));

        for (RequestPostProcessor who : new RequestPostProcessor[] { manager, sme }) {
            for (String url : new String[] { "/dashboard/mail", "/dashboard/mail/" + id,
                    "/dashboard/mail/" + id + "/message.eml" }) {
                String body = mvc.perform(get(url).with(who)).andExpect(status().isForbidden())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).doesNotContain("Private fair");
            }
        }
        // The rest of the dashboard stays theirs.
        mvc.perform(get("/dashboard").with(manager))
                .andExpect(status().isOk());
    }

    @Test
    void aCaughtAttachmentDownloadsAsItWasStored() throws Exception {
        ClaimSetup.Participant participant = claimSetup.openClaim(new BigDecimal("1500"));
        Long claimId = claimFixtures.claimOf(participant.application()).getId();
        byte[] pdf = ClaimFixtures.pdf("Award letter " + Scenario.next());
        StoredDocument stored = transactions.execute(status -> documents.store(claimId, StoredDocument.Purpose.RECEIPT,
                documents.check("letter", "award-letter.pdf", pdf), "system"));
        String recipient = scenario.applicantOf(participant.application());
        long id = outbox.queue(recipient, "Attached fair " + Scenario.next(), stored.getId());
        sender.sendDue();

        Document message = page("/dashboard/mail/" + id);

        assertThat(message.select("#mail-attachments a")).singleElement().satisfies(link -> {
            assertThat(link.text()).isEqualTo("award-letter.pdf (application/pdf)");
            assertThat(link.attr("href")).isEqualTo("/dashboard/mail/" + id + "/attachments/1");
        });
        assertThat(message.getElementById("mail-body").text()).contains("The call Attached fair");
        mvc.perform(get("/dashboard/mail/" + id + "/attachments/1").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/dashboard/mail/" + id + "/attachments/2").with(admin())).andExpect(status().isNotFound());
    }

    private Document page(String url) throws Exception {
        String body = mvc.perform(get(url).param("lang", "en").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("??");
        return Jsoup.parse(body);
    }

    private RequestPostProcessor admin() {
        return user("admin").authorities(new SimpleGrantedAuthority(Roles.ADMIN));
    }
}
