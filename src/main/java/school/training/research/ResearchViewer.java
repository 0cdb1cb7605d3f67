package school.training.research;

import org.springframework.security.core.Authentication;

import school.training.people.CamundaGroups;

/** The signed-in person as the research pages see them: their id, and whether they are the office or the principal. */
record ResearchViewer(String id, boolean office, boolean principal) {

    static ResearchViewer of(Authentication authentication) {
        return new ResearchViewer(authentication.getName(), has(authentication, CamundaGroups.OFFICE),
                has(authentication, CamundaGroups.PRINCIPAL));
    }

    private static boolean has(Authentication authentication, String group) {
        return authentication.getAuthorities().stream().anyMatch(a -> ("GROUP_" + group).equals(a.getAuthority()));
    }
}
