package eu.clustercalls.notification;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.config.ClusterCallsProperties;

/** The language each user reads mail in: English, Spanish or Catalan, chosen at sign-up or in the portal. */
@Service
public class Languages {

    public static final List<String> SUPPORTED = List.of("en", "es", "ca");

    private final UserLanguageRepository languages;
    private final NamedParameterJdbcTemplate named;
    private final String defaultLanguage;

    Languages(UserLanguageRepository languages, NamedParameterJdbcTemplate named, ClusterCallsProperties properties) {
        this.languages = languages;
        this.named = named;
        this.defaultLanguage = supported(properties.mail().defaultLanguage());
    }

    /** Records the user's choice; a language the mails are not written in counts as the default one. */
    @Transactional
    public void choose(String userId, Locale locale) {
        String language = supported(locale == null ? null : locale.getLanguage());
        languages.findById(userId).ifPresentOrElse(known -> known.choose(language),
                () -> languages.save(new UserLanguage(userId, language)));
    }

    @Transactional(readOnly = true)
    public Locale of(String userId) {
        return Locale.forLanguageTag(languages.findById(userId).map(UserLanguage::getLanguage).orElse(defaultLanguage));
    }

    /**
     * The language of each of these users, in one query. Plain JDBC: a JPA query would first flush and dirty-check
     * every entity of the transaction, once per message (the results of a call of 10,000 applications).
     */
    Map<String, String> of(Collection<String> userIds) {
        Map<String, String> chosen = new HashMap<>();
        named.query("select user_id, language from user_language where user_id in (:ids)", Map.of("ids", userIds),
                (RowCallbackHandler) row -> chosen.put(row.getString("user_id"), row.getString("language")));
        return userIds.stream().distinct().collect(Collectors.toMap(id -> id, id -> chosen.getOrDefault(id, defaultLanguage)));
    }

    void forget(String userId) {
        languages.deleteById(userId);
    }

    String supported(String language) {
        return language != null && SUPPORTED.contains(language) ? language
                : defaultLanguage == null ? SUPPORTED.get(0) : defaultLanguage;
    }
}
