package school.training.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.people.CamundaGroups;

/** Makes sure the Camunda groups of DOMAIN.md and their authorizations exist, on every start. */
@Component
@Order(2)
class IdentityBootstrap implements ApplicationRunner {

    private static final String[][] GROUP_NAMES = {
            { CamundaGroups.TEACHERS, "教师 Teachers" },
            { CamundaGroups.GROUP_LEADERS, "教研组长 Group leaders" },
            { CamundaGroups.PRINCIPAL, "校长 Principal" },
            { CamundaGroups.OFFICE, "办公室 Office" },
            { CamundaGroups.ADMIN, "管理员 Administrators" } };

    private final IdentityService identityService;
    private final CamundaGrants grants;

    IdentityBootstrap(IdentityService identityService, CamundaGrants grants) {
        this.identityService = identityService;
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String[] idAndName : GROUP_NAMES) {
            if (identityService.createGroupQuery().groupId(idAndName[0]).count() == 0) {
                Group group = identityService.newGroup(idAndName[0]);
                group.setName(idAndName[1]);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
        grants.grantSchoolDefaults();
    }
}
