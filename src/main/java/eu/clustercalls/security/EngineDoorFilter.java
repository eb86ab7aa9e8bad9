package eu.clustercalls.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import eu.clustercalls.support.RequestWords;

/**
 * Marks the requests that reach the engine through its own APIs, the engine REST API and the webapps' API (Tasklist,
 * Cockpit, Admin), so that {@link EngineDoor} checks what they ask of the engine; our own pages and API call the
 * engine through services that check their input themselves. A refusal by our rules is answered with our sentence
 * alone ({@link PlainRefusals}).
 */
final class EngineDoorFilter extends OncePerRequestFilter {

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<EngineDoorFilter> engineDoors(MessageSource messages) {
            FilterRegistrationBean<EngineDoorFilter> registration =
                    new FilterRegistrationBean<>(new EngineDoorFilter(messages));
            registration.setName("engine-doors");
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private final MessageSource messages;

    EngineDoorFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineDoor.enter();
        // A rule's sentence kept as a phrase is written in the language the request accepts (English by default).
        PlainRefusals answer = new PlainRefusals(response,
                sentence -> RequestWords.of(messages, request).phrase(sentence));
        try {
            chain.doFilter(request, answer);
            answer.finish();
        } finally {
            EngineDoor.leave();
        }
    }
}
