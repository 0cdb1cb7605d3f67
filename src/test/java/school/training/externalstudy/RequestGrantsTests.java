package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The start listener {@code requestGrants}: the applicant and their own group leader may read the request. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class RequestGrantsTests {

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void applicantAndTheirGroupLeaderMayReadTheRequestButNotAnotherGroupsLeader() {
        // when
        String instanceId = new ExternalStudyRequests(identityService, runtimeService).start("li.na").getId();

        // then
        assertThat(mayRead("li.na", instanceId)).isTrue();
        assertThat(mayRead("chen.jing", instanceId)).isTrue();
        assertThat(mayRead("sun.wei", instanceId)).isFalse();
        assertThat(mayRead("zhou.tao", instanceId)).isFalse();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instanceId).userIdIn("sun.wei").count()).isZero();
    }

    @Test
    void principalAndOfficeReadEveryRequest() {
        // when
        String instanceId = new ExternalStudyRequests(identityService, runtimeService).start("li.na").getId();

        // then
        assertThat(mayRead("liu.hua", instanceId)).isTrue();
        assertThat(mayRead("zhao.min", instanceId)).isTrue();
    }

    private boolean mayRead(String userId, String instanceId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        return authorizationService.isUserAuthorized(userId, groups, Permissions.READ, Resources.PROCESS_INSTANCE,
                instanceId);
    }
}
