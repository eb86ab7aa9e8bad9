package eu.clustercalls.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The Camunda webapps' sign-in ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) asks
 * IdentityService.checkPassword, which {@link SignInCheck} answers, and learns only true or false: it would answer
 * every refusal with a bare 401. This filter holds its answer back and, when {@link SignInCheck} refused, answers as
 * the API does: 401 with "Wrong user name or password.", or 429 with the time to wait. Other answers go out as
 * they were.
 */
class WebappSignInAnswers extends OncePerRequestFilter {

    static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldBack answer = new HeldBack(response);
        chain.doFilter(request, answer);
        if (request.getAttribute(SignInCheck.RESULT) instanceof SignInResult result && !result.isAccepted()
                && answer.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            answer.resetBuffer();
            SecurityConfiguration.refusal(answer, result);
            answer.copyBodyToResponse();
        } else if (answer.error != null) {
            response.sendError(answer.error);
        } else {
            answer.copyBodyToResponse();
        }
    }

    /** Keeps the body, and an error that Jersey sends (which would commit the answer at once) until the end. */
    private static final class HeldBack extends ContentCachingResponseWrapper {

        private Integer error;

        HeldBack(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            error = status;
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            sendError(status);
        }
    }
}
