package school.training.register;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * Whose requests a reader finds in the register, as {@code /requests/{id}} decides who may open them: the
 * office and the principal everyone's; a group leader her own and those of the people in the groups she
 * leads; anyone else (a teacher, an administrator) only their own.
 *
 * @param applicants whose requests; null for everyone's
 * @param groups the teaching groups the reader may choose in the group filter
 * @param school whether the reader sees the whole school (and the upcoming trips)
 */
record Viewer(String id, Set<String> applicants, List<TeachingGroup> groups, boolean school) {

    static Viewer of(Authentication authentication, Directory directory) {
        String me = authentication.getName();
        if (has(authentication, CamundaGroups.OFFICE) || has(authentication, CamundaGroups.PRINCIPAL)) {
            return new Viewer(me, null, directory.teachingGroups(), true);
        }
        Set<String> applicants = new HashSet<>(Set.of(me));
        List<TeachingGroup> led = has(authentication, CamundaGroups.GROUP_LEADERS) ? directory.teachingGroups()
                .stream().filter(g -> me.equals(g.getLeaderId())).toList() : List.of();
        for (TeachingGroup group : led) {
            directory.membersOf(group.getId()).stream().map(Person::getId).forEach(applicants::add);
        }
        return new Viewer(me, applicants, led, false);
    }

    /** Whether the reader may look for other people's requests (by teacher and group). */
    public boolean seesOthers() {
        return applicants == null || applicants.size() > 1 || !groups.isEmpty();
    }

    private static boolean has(Authentication authentication, String camundaGroup) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("GROUP_" + camundaGroup)::equals);
    }
}
