package eu.clustercalls.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs users in to the application's API against Camunda's identity service, the one user store of ClusterCalls
 * (passwords hashed and salted by the engine, which also delays repeated failures and locks the user after too
 * many). Groups become authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedPasswords verifiedPasswords;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, VerifiedPasswords verifiedPasswords) {
        this.identityService = identityService;
        this.verifiedPasswords = verifiedPasswords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || credentials == null || !passwordIsRight(username, credentials.toString())) {
            // The same answer whether the password is wrong or the user locked: it tells nobody which users exist.
            throw new BadCredentialsException("Wrong user name or password. After repeated failed sign-ins a user "
                    + "is locked until an administrator unlocks it.");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(username).list()
                .stream().map(group -> new SimpleGrantedAuthority(group.getId())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    private boolean passwordIsRight(String username, String password) {
        UserEntity user = identityService.createUserQuery().userId(username).singleResult() instanceof UserEntity stored
                ? stored : null;
        if (user != null && verifiedPasswords.isRemembered(user, password)) {
            return true;
        }
        if (!identityService.checkPassword(username, password)) {
            return false;
        }
        if (user != null) {
            verifiedPasswords.remember(user, password);
        }
        return true;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
