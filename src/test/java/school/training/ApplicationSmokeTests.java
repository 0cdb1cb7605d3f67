package school.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
        // other tests in this shared context add people of their own; the demo school is at least these 46
        assertThat(directory.count()).isGreaterThanOrEqualTo(46);
        assertThat(directory.teachingGroups().stream().filter(g -> List.of("chinese", "math", "english", "science",
                "humanities", "arts").contains(g.getId())).mapToInt(g -> directory.membersOf(g.getId()).size()).sum())
                .isGreaterThanOrEqualTo(44);
        assertThat(directory.leaderOf("li.na")).contains("chen.jing");
        assertThat(directory.leaderOf("zhou.tao")).contains("sun.wei");
        assertThat(identityService.checkPassword("li.na", "demo")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup("group-leaders").count()).isGreaterThanOrEqualTo(6);
        assertThat(directory.teachingGroups()).extracting(group -> group.getId())
                .contains("chinese", "math", "english", "science", "humanities", "arts");
        assertThat(List.of("chinese", "math", "english", "science", "humanities", "arts"))
                .allSatisfy(id -> assertThat(directory.teachingGroup(id).orElseThrow().getLeaderId()).isNotNull());
    }
}
