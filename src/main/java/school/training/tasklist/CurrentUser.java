package school.training.tasklist;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in person as the engine sees them: user id and Camunda group ids. */
public record CurrentUser(String id, List<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
