package eu.clustercalls.security;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Sign-in", description = "What a client needs before it changes anything")
class CsrfTokenController {

    @GetMapping("/api/csrf-token")
    @Operation(summary = "The CSRF token to send in the X-CSRF-TOKEN header of every POST, PUT and DELETE "
            + "(also set as the CLUSTERCALLS-CSRF cookie)")
    CsrfTokenView token(CsrfToken token) {
        return new CsrfTokenView(token.getHeaderName(), token.getToken());
    }

    record CsrfTokenView(String headerName, String token) {
    }
}
