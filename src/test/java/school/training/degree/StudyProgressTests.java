package school.training.degree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.tasklist.WebFixtures;

/** While he studies, the teacher records semester results on his request; nobody else, and not before or after. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class StudyProgressTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    WebFixtures web;
    DegreeApplications applications;

    @BeforeEach
    void setUp() {
        web = new WebFixtures(identityService);
        applications = new DegreeApplications(identityService, runtimeService, taskService);
    }

    @Test
    void theTeacherRecordsSemesterResultsWhileStudying() throws Exception {
        ProcessInstance studying = applications.studying("zhou.tao", Map.of());

        mvc.perform(record(studying, "2031 年春季学期", "高等数学、教育心理学两门通过").with(web.as("zhou.tao")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "degree.progress.recorded"));

        String page = page(studying, "zhou.tao");
        assertThat(page).contains("id=\"study-progress\"", "2031 年春季学期", "高等数学、教育心理学两门通过",
                "id=\"progress-form\"");
        // his leader reads the progress but gets no form
        assertThat(page(studying, "sun.wei")).contains("高等数学、教育心理学两门通过").doesNotContain("id=\"progress-form\"");
    }

    @Test
    void anEmptyEntryIsRefusedAndWhatWasTypedComesBack() throws Exception {
        ProcessInstance studying = applications.studying("zhou.tao", Map.of());

        mvc.perform(record(studying, "2031 年秋季学期", "").with(web.as("zhou.tao")))
                .andExpect(flash().attribute("progressProblem", "degree.progress.error.results"))
                .andExpect(flash().attribute("progressSemester", "2031 年秋季学期"));
    }

    @Test
    void nobodyElseAndNotBeforeRegistration() throws Exception {
        ProcessInstance studying = applications.studying("zhou.tao", Map.of());
        mvc.perform(record(studying, "2031", "全部通过").with(web.as("li.na"))).andExpect(status().isNotFound());

        ProcessInstance waiting = applications.start("zhou.tao", Map.of());
        mvc.perform(record(waiting, "2031", "全部通过").with(web.as("zhou.tao"))).andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder record(ProcessInstance instance,
            String semester, String results) {
        return post("/degree/" + instance.getId() + "/progress").param("semester", semester).param("results", results)
                .with(csrf());
    }

    private String page(ProcessInstance instance, String user) throws Exception {
        return mvc.perform(get("/requests/" + instance.getId()).with(web.as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
