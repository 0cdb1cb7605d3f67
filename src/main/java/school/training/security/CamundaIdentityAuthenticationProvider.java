package school.training.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import school.training.people.Directory;

/**
 * Checks passwords against Camunda's identity tables (salted SHA-512 hashes), so there is one account
 * and one password per person. The person's Camunda groups become authorities {@code GROUP_<id>}.
 * Failed logins are slowed down per client and per account by {@link LoginThrottle}, for the form
 * login and HTTP Basic alike (both pass the remote address in the authentication's details).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final Directory directory;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
            Directory directory) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName() == null ? null : authentication.getName().trim();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        // refused before the password is looked at, so a throttled client learns nothing from the answer
        var refusal = throttle.refusal(userId, client);
        if (refusal.isPresent()) {
            throw new LoginThrottledException(refusal.get());
        }
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isEmpty() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throttle.failed(userId, client);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(userId);
        // someone who left keeps their account for the history, but not the door; only the right password
        // learns that it is disabled
        if (directory.find(userId).filter(person -> !person.isActive()).isPresent()) {
            throw new DisabledException("Account disabled: " + userId);
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
