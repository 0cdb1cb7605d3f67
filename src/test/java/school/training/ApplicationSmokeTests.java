package school.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.people.Directory;

/** The whole app starts with the demo school and our processes, decisions and forms deployed together. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class ApplicationSmokeTests {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;

    @Test
    void deploysProcessDecisionAndFormsInOneDeployment() {
        var process = repositoryService.createProcessDefinitionQuery().processDefinitionKey("externalStudy")
                .latestVersion().singleResult();
        assertThat(process).isNotNull();
        assertThat(repositoryService.getDeploymentResourceNames(process.getDeploymentId())).contains(
                "processes/externalstudy/externalStudy.bpmn", "processes/externalstudy/externalStudyRoute.dmn",
                "forms/externalstudy/request.form", "forms/externalstudy/leaderReview.form");
    }

    @Test
    void demoSchoolHasTheSixNamedPeopleAndFortyMoreTeachers() {
        assertThat(directory.count()).isEqualTo(46);
        assertThat(directory.leaderOf("li.na")).contains("chen.jing");
        assertThat(directory.leaderOf("zhou.tao")).contains("sun.wei");
        assertThat(identityService.checkPassword("li.na", "demo")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup("group-leaders").count()).isEqualTo(6);
        assertThat(directory.teachingGroups()).hasSize(6)
                .allSatisfy(group -> assertThat(group.getLeaderId()).isNotNull());
    }
}
