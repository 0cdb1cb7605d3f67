package school.training.trainings;

import org.springframework.security.core.Authentication;

import school.training.people.CamundaGroups;

/** The signed-in person as the trainings see them: their id, and whether they are the office. */
record Who(String id, boolean office) {

    static Who of(Authentication authentication) {
        boolean office = authentication.getAuthorities().stream()
                .anyMatch(a -> ("GROUP_" + CamundaGroups.OFFICE).equals(a.getAuthority()));
        return new Who(authentication.getName(), office);
    }
}
