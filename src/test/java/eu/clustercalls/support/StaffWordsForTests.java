package eu.clustercalls.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The staff views' words in a language, read from messages/staff-views without an application context. */
public final class StaffWordsForTests {

    private StaffWordsForTests() {
    }

    public static ViewWords in(String language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/staff-views");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return new ViewWords(messages, Locale.forLanguageTag(language));
    }
}
