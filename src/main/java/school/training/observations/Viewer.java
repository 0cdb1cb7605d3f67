package school.training.observations;

import org.springframework.security.core.Authentication;

import school.training.people.CamundaGroups;

/** The signed-in person as the observation pages see them: their id, and whether they are the office or the principal. */
record Viewer(String id, boolean office, boolean principal) {

    static Viewer of(Authentication authentication) {
        return new Viewer(authentication.getName(), has(authentication, CamundaGroups.OFFICE),
                has(authentication, CamundaGroups.PRINCIPAL));
    }

    private static boolean has(Authentication authentication, String group) {
        return authentication.getAuthorities().stream().anyMatch(a -> ("GROUP_" + group).equals(a.getAuthority()));
    }

    /** The office and the principal see every group's records. */
    boolean schoolWide() {
        return office || principal;
    }
}
