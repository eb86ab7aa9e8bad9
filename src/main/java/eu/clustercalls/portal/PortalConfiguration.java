package eu.clustercalls.portal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import eu.clustercalls.notification.Languages;

/**
 * The portal's and the dashboard's language: English, Spanish or Catalan, first from the browser, then from the
 * reader's choice ({@code ?lang=ca}), kept in a cookie for a year.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

    private final Languages languages;

    PortalConfiguration(Languages languages) {
        this.languages = languages;
    }

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"),
            Locale.forLanguageTag("ca"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("CLUSTERCALLS-LANG");
        resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            Locale asked = request.getLocale();
            return LANGUAGES.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst()
                    .orElse(Locale.ENGLISH);
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                // Only the three languages of the portal; anything else keeps the language the reader has.
                return LANGUAGES.stream().filter(l -> l.getLanguage().equals(localeValue)).findFirst().orElse(null);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/portal/**", "/portal", "/dashboard/**", "/dashboard");
        registry.addInterceptor(new MailLanguageChoice()).addPathPatterns("/portal/**", "/portal", "/dashboard/**",
                "/dashboard");
    }

    /** A signed-in user who switches the portal's language reads mail in it from then on. */
    private final class MailLanguageChoice implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String asked = request.getParameter("lang");
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (asked != null && user != null && user.isAuthenticated()
                    && !(user instanceof AnonymousAuthenticationToken)) {
                LANGUAGES.stream().filter(l -> l.getLanguage().equals(asked)).findFirst()
                        .ifPresent(language -> languages.choose(user.getName(), language));
            }
            return true;
        }
    }
}
