package eu.clustercalls.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.Audited;

/**
 * Queues messages in the outbox, in the transaction of the state change that causes them: each recipient's message
 * is written from its kind's template in the language the recipient reads mail in.
 */
@Service
public class NotificationService {

    /** Staff's link: their tasks in Camunda Tasklist. */
    public static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final NotificationRepository notifications;
    private final Languages languages;
    private final MailTemplates templates;
    private final IdentityService identityService;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Languages languages, MailTemplates templates,
            IdentityService identityService, Clock clock) {
        this.notifications = notifications;
        this.languages = languages;
        this.templates = templates;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** @param model the template's values; a {@code path} (e.g. {@code /portal/todo}) becomes the mail's link */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Collection<String> recipients, NotificationType type, Audited about, Map<String, ?> model) {
        queue(recipients, type, about, model, null);
    }

    /** The same, with a stored document attached to every recipient's mail. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Collection<String> recipients, NotificationType type, Audited about, Map<String, ?> model,
            Long attachmentDocumentId) {
        List<String> to = recipients.stream().distinct().toList();
        if (to.isEmpty()) {
            return;
        }
        Map<String, String> languageOf = languages.of(to);
        Map<String, User> users = identityService.createUserQuery().userIdIn(to.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(User::getId, Function.identity()));
        for (String recipient : to) {
            String language = languageOf.get(recipient);
            MailTemplates.Mail mail = templates.write(type, Locale.forLanguageTag(language), nameOf(users.get(recipient)),
                    model);
            notifications.save(new Notification(clock.instant(), about.tenantId(), recipient, false, type,
                    about.auditType(), about.auditId(), language, mail.subject(), mail.body(), attachmentDocumentId));
        }
    }

    /**
     * A message to a person who is no user yet (a sign-up's link): to that e-mail address, greeting that name, in
     * that language (the default one if the mails are not written in it). Its footer says why they receive it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queueToAddress(String address, String name, Locale language, NotificationType type, Audited about,
            Map<String, ?> model) {
        Locale written = Locale.forLanguageTag(languages.supported(language.getLanguage()));
        Map<String, Object> values = new HashMap<>(model);
        values.put(MailTemplates.TO_ADDRESS, true);
        MailTemplates.Mail mail = templates.write(type, written, name, values);
        notifications.save(new Notification(clock.instant(), about.tenantId(), address, true, type, about.auditType(),
                about.auditId(), written.getLanguage(), mail.subject(), mail.body(), null));
    }

    /** How many mails went to this e-mail address (not a user) since then, whatever their language or type. */
    @Transactional(readOnly = true)
    public long mailsToAddressSince(String address, Instant since) {
        return notifications.countToAddressSince(address, since);
    }

    private static String nameOf(User user) {
        if (user == null) {
            return "";
        }
        return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
    }

    /** Forgets every message to a user whose personal data is erased (sent or not: nobody can receive it now). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String recipient) {
        notifications.deleteByRecipient(recipient);
        languages.forget(recipient);
    }

    /** Forgets the messages to a user about these entities only (the user still acts for another company). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String recipient, Collection<? extends Audited> about) {
        about.stream().collect(Collectors.groupingBy(Audited::auditType,
                Collectors.mapping(Audited::auditId, Collectors.toList())))
                .forEach((type, ids) -> notifications.deleteByRecipientAbout(recipient, type, ids));
    }
}
