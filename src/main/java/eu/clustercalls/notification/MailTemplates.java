package eu.clustercalls.notification;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import eu.clustercalls.config.BaseUrl;
import eu.clustercalls.config.ClusterCallsProperties;

/**
 * Writes a message from its plain-text template ({@code templates/mail/<kind>.txt}, first line the subject) with the
 * texts of {@code messages/mail} in the recipient's language. A model's {@code path} becomes the absolute
 * {@code link} the mail points to; {@link #TO_ADDRESS} chooses the footer of a mail to someone who is no user yet.
 */
@Component
class MailTemplates {

    /** A model's flag: the mail goes to an address that is no user's yet, and the footer says so. */
    static final String TO_ADDRESS = "toAddress";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final ZoneId zone;
    private final BaseUrl baseUrl;

    MailTemplates(MessageSource messages, ClusterCallsProperties properties, BaseUrl baseUrl) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        this.messages = messages;
        this.zone = properties.timeZone();
        this.baseUrl = baseUrl;
    }

    record Mail(String subject, String body) {
    }

    Mail write(NotificationType type, Locale locale, String recipientName, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("name", recipientName);
        variables.put("fmt", new MailFormat(locale, zone, messages));
        variables.put("baseUrl", baseUrl.get());
        if (model.get("path") instanceof String path) {
            variables.put("link", baseUrl.of(path));
        }
        Context context = new Context(locale, variables);
        String text = engine.process(templateOf(type), context).strip();
        String footer = engine.process("footer", context).strip();
        int endOfSubject = text.indexOf('\n');
        String greeting = recipientName == null || recipientName.isBlank()
                ? messages.getMessage("mail.greeting.anonymous", null, locale)
                : messages.getMessage("mail.greeting", new Object[] {recipientName}, locale);
        String body = greeting + "\n\n" + text.substring(endOfSubject + 1).strip() + "\n\n" + footer;
        // Conditional blocks of the templates leave empty lines behind: paragraphs are one empty line apart.
        return new Mail(text.substring(0, endOfSubject).strip(), body.replaceAll("\n{3,}", "\n\n"));
    }

    static String templateOf(NotificationType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
