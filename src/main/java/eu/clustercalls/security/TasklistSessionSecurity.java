package eu.clustercalls.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code /staff/**}: what the staff's task forms link to, such as a claim's receipts, opened in the browser that is
 * signed in to Tasklist. Whoever the Camunda webapps' session holds as signed in to this engine is the user here (no
 * second sign-in, no HTTP Basic prompt); what they may open is the API's rule, checked by the service. Only reads.
 */
@Configuration(proxyBeanMethods = false)
class TasklistSessionSecurity {

    static final String SIGN_IN_FIRST = "Please sign in to Tasklist, then open the document again from its task.";

    @Bean
    @Order(3)
    SecurityFilterChain staffDocuments(HttpSecurity http, ProcessEngine engine) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(paths.matcher("/staff/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/staff/**")).authenticated()
                        .anyRequest().denyAll())
                .securityContext(context -> context.securityContextRepository(new WebappSession(engine.getName())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // Nothing changes state here, and a download carries no form to protect.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> plain(response,
                                HttpServletResponse.SC_UNAUTHORIZED, SIGN_IN_FIRST))
                        .accessDeniedHandler((request, response, e) -> plain(response,
                                HttpServletResponse.SC_FORBIDDEN, "Documents can only be opened here, not changed.")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; sandbox"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The user the webapps' session holds for the engine, with their groups as authorities; read for each request,
     * never written: signing out of Tasklist ends access here too.
     */
    static final class WebappSession implements SecurityContextRepository {

        private final String engineName;

        WebappSession(String engineName) {
            this.engineName = engineName;
        }

        @Override
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return contextOf(holder.getRequest());
        }

        private SecurityContext contextOf(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            UserAuthentication user = session == null ? null : (UserAuthentication) AuthenticationUtil
                    .getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
            if (user == null) {
                return SecurityContextHolder.createEmptyContext();
            }
            List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
                    : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
            return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(),
                    null, groups));
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            // The webapps' sign-in owns the session.
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return contextOf(request).getAuthentication() != null;
        }
    }
}
