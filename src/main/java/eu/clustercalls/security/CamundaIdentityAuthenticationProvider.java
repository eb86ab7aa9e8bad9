package eu.clustercalls.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs users in to the application's API, the engine REST API and the portal against Camunda's identity service,
 * the one user store of ClusterCalls, through the same check as every other door ({@link SignInCheck}: throttle,
 * remembered passwords, PBKDF2). Groups become authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final SignInCheck signIns;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, SignInCheck signIns) {
        this.identityService = identityService;
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        // Spring Security's filters run before the request is on the thread for ClientAddress.current().
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? ClientAddress.of(details.getRemoteAddress()) : ClientAddress.current();
        SignInResult result = signIns.check(username, credentials == null ? null : credentials.toString(), client);
        if (!result.isAccepted()) {
            throw new SignInRefusedException(result);
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(username).list()
                .stream().map(group -> new SimpleGrantedAuthority(group.getId())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
