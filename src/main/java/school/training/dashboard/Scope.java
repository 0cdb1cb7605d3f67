package school.training.dashboard;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.TeachingGroup;

/**
 * What a reader may see on the dashboard: the office and the principal the whole school (and may narrow
 * it to a group), a group leader only the group they lead whatever the URL asks. Nobody else gets one.
 *
 * @param groupId the teaching group shown, null for the whole school
 * @param choosable whether the reader may choose the group
 */
record Scope(String groupId, boolean choosable) {

    static Optional<Scope> of(Authentication authentication, String requestedGroup, Directory directory) {
        if (has(authentication, CamundaGroups.OFFICE) || has(authentication, CamundaGroups.PRINCIPAL)) {
            String group = requestedGroup == null || requestedGroup.isBlank() ? null
                    : directory.teachingGroup(requestedGroup).map(TeachingGroup::getId).orElse(null);
            return Optional.of(new Scope(group, true));
        }
        if (has(authentication, CamundaGroups.GROUP_LEADERS)) {
            String me = authentication.getName();
            return directory.teachingGroups().stream().filter(g -> me.equals(g.getLeaderId())).findFirst()
                    .map(g -> new Scope(g.getId(), false));
        }
        return Optional.empty();
    }

    private static boolean has(Authentication authentication, String camundaGroup) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("GROUP_" + camundaGroup)::equals);
    }
}
