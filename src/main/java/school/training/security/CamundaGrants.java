package school.training.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import school.training.people.CamundaGroups;

/**
 * The Camunda authorizations behind the REST API and Camunda's webapps. Everyone may use Tasklist
 * and start the requests a person makes (outside study, degree upgrade); tasks are visible to their assignee and candidate groups (the engine grants
 * those itself); a request is readable by its applicant and their group leader (granted per
 * instance by {@link RequestGrants}); the principal and the office read every request.
 */
@Component
public class CamundaGrants {

    private static final List<String> SCHOOL_GROUPS = List.of(CamundaGroups.TEACHERS, CamundaGroups.GROUP_LEADERS,
            CamundaGroups.PRINCIPAL, CamundaGroups.OFFICE);
    /** Contract names of DOMAIN.md: the processes a person starts from a start form. */
    private static final List<String> STARTED_BY_PEOPLE = List.of("externalStudy", "degreeUpgrade", "creditRecognition");
    private static final List<String> SCHOOL_WIDE_READERS = List.of(CamundaGroups.PRINCIPAL, CamundaGroups.OFFICE);

    private final AuthorizationService authorizations;

    CamundaGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Idempotent: run at every start so a new school or an upgraded one gets the same grants. */
    public void grantSchoolDefaults() {
        for (String group : SCHOOL_GROUPS) {
            grantGroup(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grantGroup(group, Resources.FILTER, "*", Permissions.READ);
            grantGroup(group, Resources.USER, "*", Permissions.READ);
            grantGroup(group, Resources.GROUP, "*", Permissions.READ);
            grantGroup(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            // a person starts only the requests a person makes; the report-back and the term review
            // start from the app itself (the engine's gate refuses them too, whatever the grants say)
            revokeGroup(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.CREATE_INSTANCE);
            for (String processKey : STARTED_BY_PEOPLE) {
                grantGroup(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
            grantGroup(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            grantGroup(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.CREATE_INSTANCE);
        }
        for (String group : SCHOOL_WIDE_READERS) {
            grantGroup(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
            grantGroup(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grantGroup(group, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        }
    }

    /** Lets one person read one process instance and its history (the applicant, their leader). */
    public void grantInstanceReader(String userId, String processInstanceId) {
        grant(null, userId, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
        grant(null, userId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                HistoricProcessInstancePermissions.READ);
    }

    /**
     * The same for a request that has just started: nobody can hold a grant on its new id yet, so the grants are
     * written without first looking for one (two queries fewer per reader; a term review opens thousands at once).
     */
    public void grantNewInstanceReader(String userId, String processInstanceId) {
        write(authorizations.createNewAuthorization(AUTH_TYPE_GRANT), null, userId, Resources.PROCESS_INSTANCE,
                processInstanceId, ProcessInstancePermissions.READ);
        write(authorizations.createNewAuthorization(AUTH_TYPE_GRANT), null, userId,
                Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }

    /** Takes a permission back from a grant made by an earlier version (schools upgrade in place). */
    private void revokeGroup(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId).groupIdIn(groupId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            existing.removePermission(permission);
            authorizations.saveAuthorization(existing);
        }
    }

    private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grant(groupId, null, resource, resourceId, permissions);
    }

    private void grant(String groupId, String userId, Resource resource, String resourceId,
            Permission... permissions) {
        var query = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId);
        Authorization existing = (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).singleResult();
        write(existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT), groupId, userId,
                resource, resourceId, permissions);
    }

    /** Adds the permissions to this grant (found or new) for this group or user and resource, and saves it. */
    private void write(Authorization authorization, String groupId, String userId, Resource resource,
            String resourceId, Permission... permissions) {
        authorization.setGroupId(groupId);
        authorization.setUserId(userId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
