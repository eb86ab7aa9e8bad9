package eu.clustercalls.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.operations.OperationsProperties;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final ObjectMapper PROBLEMS = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The header and cookie of the application's CSRF token; not Camunda's XSRF-TOKEN, which Tasklist reads. */
    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    static final String CSRF_COOKIE = "CLUSTERCALLS-CSRF";

    /** The pages of the application itself; the API answers JSON, so it needs nothing from anywhere. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final OperationsProperties operations;

    SecurityConfiguration(OperationsProperties operations) {
        this.operations = operations;
    }

    /**
     * The Camunda webapps keep their own sign-in, session, CSRF filter and Content-Security-Policy (set in
     * application.yaml); Spring adds what they lack: no framing and no full referrer to other sites.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        // Path patterns, not MVC matchers: these paths are served by the webapps' own servlets.
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.defaultsDisabled()
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * The engine REST API is for staff and their tools only: signed in with HTTP Basic here (with the same
     * throttle as everywhere), then Camunda's filter (below) tells the engine the user, their groups and their
     * clusters, so that authorizations and the tenant check apply. SME users get 403. Stateless, so no CSRF.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(Roles.CALL_MANAGERS,
                        Roles.ELIGIBILITY_REVIEWERS, Roles.EVALUATORS, Roles.FINANCE, Roles.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::signInFirst))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> problem(response,
                        HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "The engine REST API is for cluster staff; SME users work in the portal.")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The SME portal and the call managers' dashboard: server-rendered pages with a session, signed in on the
     * portal's own page. Every form carries the session's CSRF token (Thymeleaf adds it). Open calls, sign-in,
     * sign-up, password reset and a colleague's invitation are public; the rest of the portal is for SME users, the
     * dashboard for call managers and admins.
     */
    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/portal/**"), paths.matcher("/portal"),
                        paths.matcher("/dashboard/**"), paths.matcher("/dashboard")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher("/portal"), paths.matcher("/portal/assets/**"),
                                paths.matcher(HttpMethod.GET, "/portal/calls/*"), paths.matcher("/portal/sign-in"),
                                paths.matcher("/portal/sign-up"), paths.matcher("/portal/sign-up/**"),
                                paths.matcher("/portal/forbidden"), paths.matcher("/portal/password/**"),
                                paths.matcher("/portal/invitations/**"))
                        .permitAll()
                        .requestMatchers(paths.matcher("/portal/home")).authenticated()
                        // Sent mail holds every user's personal data.
                        .requestMatchers(paths.matcher("/dashboard/mail/**"), paths.matcher("/dashboard/mail"))
                        .hasAuthority(Roles.ADMIN)
                        .requestMatchers(paths.matcher("/dashboard/**"), paths.matcher("/dashboard"))
                        .hasAnyAuthority(Roles.CALL_MANAGERS, Roles.ADMIN)
                        .anyRequest().hasAuthority(Roles.SME))
                .formLogin(form -> form.loginPage("/portal/sign-in").permitAll()
                        .defaultSuccessUrl("/portal/home")
                        .failureHandler(SecurityConfiguration::portalSignInFailed))
                .logout(logout -> logout.logoutUrl("/portal/sign-out").logoutSuccessUrl("/portal?signedOut"))
                .exceptionHandling(handling -> handling.accessDeniedPage("/portal/forbidden"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The application's JSON API: open calls are public, everything else needs a signed-in user. Every request
     * that changes state carries the CSRF token, read from {@code GET /api/csrf-token} or the cookie. The actuator's
     * health is public (its components and details for administrators only, application.yaml); its other endpoints
     * are for administrators, Prometheus also for the scraper's group.
     */
    @Bean
    @Order(4)
    SecurityFilterChain application(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/calls", "/api/calls/*", "/api/csrf-token").permitAll()
                        // The browser asks for the icon on every site, signed in or not.
                        .requestMatchers(HttpMethod.GET, "/favicon.ico").permitAll()
                        .requestMatchers("/", "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(prometheusReaders())
                        .requestMatchers("/actuator/**").hasAuthority(Roles.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::signInFirst))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "This request lacks a "
                                + "valid CSRF token: read one from GET /api/csrf-token and send it in the "
                                + CSRF_HEADER + " header.");
                    } else {
                        problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "You may not do this.");
                    }
                }))
                // The plain handler: the header carries the token as the cookie and GET /api/csrf-token give it.
                .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(
                        new CsrfTokenRequestAttributeHandler()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Administrators, and the scraper's group when one is set (clustercalls.operations.scraper-group). */
    private String[] prometheusReaders() {
        String scrapers = operations.scraperGroup();
        return scrapers == null || scrapers.isBlank() ? new String[] { Roles.ADMIN }
                : new String[] { Roles.ADMIN, scrapers.trim() };
    }

    /** 401 for a wrong password, 429 while sign-in is throttled (both say why); no credentials: please sign in. */
    private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (e instanceof SignInRefusedException refused) {
            refusal(response, refused.result());
        } else {
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "Please sign in.");
        }
    }

    /** The answer to a sign-in {@link SignInCheck} refused; the webapps' too ({@link WebappSignInAnswers}). */
    static void refusal(HttpServletResponse response, SignInResult result) throws IOException {
        if (!result.retryAfter().isZero()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(result.retryAfterSeconds()));
        }
        if (result.isThrottled()) {
            problem(response, HttpStatus.TOO_MANY_REQUESTS.value(), "Too Many Requests", result.message());
        } else {
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", result.message());
        }
    }

    /** The portal's sign-in page again, saying why (in the reader's language). */
    private static void portalSignInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String why = "error";
        if (e instanceof SignInRefusedException refused) {
            SignInResult result = refused.result();
            why = switch (result.outcome()) {
                case BUSY -> "busy";
                case LOCKED -> "locked=" + result.minutes();
                default -> result.retryAfter().isZero() ? "error" : "error&locked=" + result.minutes();
            };
        }
        response.sendRedirect(request.getContextPath() + "/portal/sign-in?" + why);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ClusterCalls\"");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(title);
        PROBLEMS.writeValue(response.getWriter(), problem);
    }

    /** The webapps' sign-in answers why it refused, as the API does. */
    @Bean
    FilterRegistrationBean<WebappSignInAnswers> webappSignInAnswers() {
        FilterRegistrationBean<WebappSignInAnswers> registration = new FilterRegistrationBean<>(new WebappSignInAnswers());
        registration.setName("webapp-sign-in-answers");
        registration.addUrlPatterns(WebappSignInAnswers.URL_PATTERN);
        return registration;
    }

    /** Hands the user Spring Security signed in to the engine, with their groups and tenants. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
