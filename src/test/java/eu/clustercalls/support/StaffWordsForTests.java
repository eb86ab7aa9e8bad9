package eu.clustercalls.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The staff views' words and the phrases in a language, read from messages/staff-views and messages/phrases without
 * an application context.
 */
public final class StaffWordsForTests {

    private StaffWordsForTests() {
    }

    public static ViewWords in(String language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/staff-views", "messages/phrases");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return new ViewWords(messages, Locale.forLanguageTag(language));
    }
}
