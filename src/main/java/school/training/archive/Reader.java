package school.training.archive;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import school.training.people.CamundaGroups;

/** The signed-in person as the archive pages see them: their id and Camunda groups. */
record Reader(String id, Set<String> groups) {

    static Reader of(Authentication authentication) {
        return new Reader(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("GROUP_"))
                .map(a -> a.substring("GROUP_".length())).collect(Collectors.toUnmodifiableSet()));
    }

    /** The principal and the office read every teacher's archive. */
    boolean schoolWide() {
        return groups.contains(CamundaGroups.PRINCIPAL) || groups.contains(CamundaGroups.OFFICE);
    }
}
