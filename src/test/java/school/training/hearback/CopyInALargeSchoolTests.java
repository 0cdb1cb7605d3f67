package school.training.hearback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import school.training.externalstudy.ExternalStudyRequests;
import school.training.notifications.Notification;
import school.training.notifications.Notifications;
import school.training.tasklist.WebFixtures;

/**
 * 抄送 where too many work to list them all (here: more than 3, as in a district past 200): the task page
 * has a field for names or staff ids with suggestions instead of a list of everyone, and what is typed is
 * read on the server — a name that matches nobody is said beside the field and nothing is decided.
 */
@SpringBootTest(properties = "training.copy.listed-up-to=3")
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class CopyInALargeSchoolTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Notifications notifications;

    WebFixtures web;
    String id;
    String task;

    @BeforeEach
    void aRequestWaitingForChenJing() {
        web = new WebFixtures(identityService);
        id = new ExternalStudyRequests(identityService, runtimeService).start("li.na", "抄送 " + System.nanoTime());
        task = ExternalStudyRequests.taskAt(taskService, id, "leaderReview");
    }

    @Test
    void theTaskPageAsksForNamesInsteadOfListingEveryone() throws Exception {
        String page = mvc.perform(get("/tasks/" + task).with(web.as("chen.jing"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("name=\"copyTo\" type=\"text\"").contains("data-suggest=\"/tasks/copy-suggestions\"")
                .doesNotContain("<select id=\"copyTo\"").doesNotContain("周涛 (zhou.tao)");
    }

    @Test
    void aNameAndAStaffIdTypedAreBothCopied() throws Exception {
        mvc.perform(decide().param("copyTo", "周涛，wang.haoran")).andExpect(status().is3xxRedirection());

        assertThat(copiedTo("zhou.tao")).hasSize(1);
        assertThat(copiedTo("wang.haoran")).hasSize(1);
        mvc.perform(get("/requests/" + id).with(web.as("zhou.tao"))).andExpect(status().isOk());
    }

    @Test
    void aNameThatMatchesNobodyIsSaidBesideTheFieldAndNothingIsDecided() throws Exception {
        String page = mvc.perform(decide().param("copyTo", "周涛, 查无此人").param("copyOffice", "true"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("找不到这些人，或同名的不止一位（请写工号）：查无此人")
                .contains("value=\"周涛, 查无此人\"").contains("预算请细化");
        assertThat(page).as("抄送办公室 still ticked").containsPattern("id=\"copyOffice\"[^>]*checked");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(copiedTo("zhou.tao")).isEmpty();
    }

    @Test
    void suggestionsAreAFewColleaguesByNameOrIdForSomeoneSignedIn() throws Exception {
        JsonNode byName = suggestions("周", "chen.jing");
        assertThat(byName).extracting(n -> n.get("id").asText()).containsExactly("zhou.tao");
        assertThat(byName.get(0).get("name").asText()).isEqualTo("周涛");
        assertThat(byName.get(0).get("group").asText()).isEqualTo("数学组");
        assertThat(suggestions("CHEN", "chen.jing")).extracting(n -> n.get("id").asText())
                .as("not oneself").doesNotContain("chen.jing");
        assertThat(suggestions("", "chen.jing")).isEmpty();

        mvc.perform(get("/tasks/copy-suggestions").param("q", "周")).andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder decide() {
        return post("/tasks/" + task).with(web.as("chen.jing")).with(csrf()).param("leaderDecision", "revise")
                .param("leaderComment", "预算请细化");
    }

    private JsonNode suggestions(String text, String user) throws Exception {
        return new ObjectMapper().readTree(mvc.perform(get("/tasks/copy-suggestions").param("q", text)
                .with(web.as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<Notification> copiedTo(String user) {
        return notifications.latest(user, 50).stream()
                .filter(n -> n.getLink().equals("/requests/" + id) && n.getMessageKey().equals("hearback.copied"))
                .toList();
    }
}
