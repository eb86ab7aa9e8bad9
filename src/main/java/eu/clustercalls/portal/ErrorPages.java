package eu.clustercalls.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * What answers an error no controller of ours handled (an address nothing serves, a request refused before any
 * controller): the portal's error page in the reader's language for a browser, and a JSON answer whose message says
 * what a person can understand, never Spring's "No static resource …".
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    private static final String NOTHING_HERE = "There is nothing at this address.";

    @Bean
    ErrorViewResolver portalErrorPage() {
        return (HttpServletRequest request, HttpStatus status, Map<String, Object> model) -> new ModelAndView(
                "portal/error", Map.of("status", status.value(), "errorMessage", switch (status) {
                    case NOT_FOUND -> "error.notFound";
                    case FORBIDDEN, UNAUTHORIZED -> "error.forbidden";
                    case PAYLOAD_TOO_LARGE -> "error.tooLarge";
                    default -> status.is4xxClientError() ? "error.conflict" : "error.unexpected";
                }), status);
    }

    @Bean
    ErrorAttributes plainErrorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                if (Integer.valueOf(HttpStatus.NOT_FOUND.value()).equals(attributes.get("status"))) {
                    attributes.put("message", NOTHING_HERE);
                }
                return attributes;
            }
        };
    }
}
