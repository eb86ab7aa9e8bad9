package eu.clustercalls.security;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import eu.clustercalls.support.ForbiddenException;

/**
 * The person acting now: signed in to the application's API (Spring Security), or to Tasklist and the engine
 * REST API (Camunda's authentication), whichever carries the request.
 */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> id() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return Optional.of(authentication.getName());
        }
        Authentication engineAuthentication = identityService.getCurrentAuthentication();
        return Optional.ofNullable(engineAuthentication).map(Authentication::getUserId);
    }

    public String require() {
        return id().orElseThrow(() -> new ForbiddenException("We could not tell who you are. Please sign in again."));
    }
}
