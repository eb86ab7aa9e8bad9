package eu.clustercalls.staffforms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.security.StaffDirectory;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The texts Tasklist and its forms show in English only (a field's validation messages, the notices around a
 * submitted form), in the signed-in staff member's cluster language, for the Tasklist script
 * clustercalls/staff-language.js, which puts them in place of the English ones. Each is keyed by its English text as
 * Tasklist shows it, {0} standing for the number or pattern it carries. Under /staff: the Tasklist session's user
 * (security/TasklistSessionSecurity).
 */
@RestController
@Hidden
class TasklistTexts {

    static final String BUNDLE = "messages/tasklist";

    private final StaffDirectory staff;
    private final ClusterOrganisationService organisations;
    private final MessageSource messages;
    private final List<String> keys;

    TasklistTexts(StaffDirectory staff, ClusterOrganisationService organisations, MessageSource messages) {
        this.staff = staff;
        this.organisations = organisations;
        this.messages = messages;
        try {
            this.keys = List.copyOf(PropertiesLoaderUtils.loadProperties(new ClassPathResource(BUNDLE + ".properties"))
                    .stringPropertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException("The texts of " + BUNDLE + " cannot be read", e);
        }
    }

    @GetMapping("/staff/language")
    StaffLanguage language(Authentication user) {
        Locale language = organisations.staffLanguage(firstCluster(user.getName()));
        Map<String, String> texts = new TreeMap<>();
        // Read without arguments, so a {0} comes through as it is written.
        keys.forEach(key -> texts.put(messages.getMessage(key, null, Locale.ENGLISH),
                messages.getMessage(key, null, language)));
        return new StaffLanguage(language.getLanguage(), texts);
    }

    /**
     * Tasklist is one page for all the person's clusters: someone who works for several reads it in the language of
     * the first by id, as the start forms are written in (StaffFormTexts). None: English.
     */
    private String firstCluster(String userId) {
        return staff.clustersOf(userId).stream().sorted().findFirst().orElse(null);
    }

    record StaffLanguage(String language, Map<String, String> texts) {
    }
}
