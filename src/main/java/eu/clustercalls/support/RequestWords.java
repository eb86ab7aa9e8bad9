package eu.clustercalls.support;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;

/**
 * The words of an answer outside the portal's pages (the API, a link followed from Tasklist): in the first language
 * of the request's Accept-Language that ClusterCalls writes, English when it asks for none of them.
 */
public final class RequestWords {

    private static final List<String> LANGUAGES = List.of("en", "es", "ca");

    private RequestWords() {
    }

    public static ViewWords of(MessageSource messages, HttpServletRequest request) {
        Locale language = Locale.ENGLISH;
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            language = Collections.list(request.getLocales()).stream()
                    .filter(asked -> LANGUAGES.contains(asked.getLanguage())).findFirst()
                    .map(asked -> Locale.forLanguageTag(asked.getLanguage())).orElse(Locale.ENGLISH);
        }
        return new ViewWords(messages, language);
    }
}
