package school.training.trainings;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.people.Directory;
import school.training.people.Role;

/** A teaching group of its own per test (leader and three teachers), a second one, and planning through the page. */
class TrainingFixtures {

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String group = "g" + suffix;
    final String leader = "lead." + suffix;
    final String teacher = "teach." + suffix;
    final String second = "second." + suffix;
    final String third = "third." + suffix;
    final String otherGroup = "o" + suffix;
    final String otherLeader = "olead." + suffix;
    final String outsider = "out." + suffix;

    TrainingFixtures(Directory directory) {
        directory.createTeachingGroup(group, "培训组" + suffix, "Training " + suffix, 90);
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(second, "二号" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(third, "三号" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.createTeachingGroup(otherGroup, "别组" + suffix, "Other " + suffix, 91);
        directory.register(otherLeader, "别组长" + suffix, Role.GROUP_LEADER, otherGroup, "数学", "demo");
        directory.register(outsider, "别组教师" + suffix, Role.TEACHER, otherGroup, "数学", "demo");
    }

    List<String> group() {
        return List.of(leader, teacher, second, third);
    }

    /** A two-session plan for this group: 2 hours on {@code first} 14:00–16:00, 3 hours on the day after. */
    MockHttpServletRequestBuilder plan(String title, LocalDate first) {
        return plan(title, first, Map.of());
    }

    /** The same plan with some fields sent differently. */
    MockHttpServletRequestBuilder plan(String title, LocalDate first, Map<String, String> changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("planToken", UUID.randomUUID().toString());
        fields.put("title", title);
        fields.put("category", "CENTRALIZED");
        fields.put("audience", "GROUPS");
        fields.put("groups", group);
        fields.put("sessions[0].date", first.toString());
        fields.put("sessions[0].start", "14:00");
        fields.put("sessions[0].end", "16:00");
        fields.put("sessions[0].place", "报告厅");
        fields.put("sessions[0].hours", "2");
        fields.put("sessions[1].date", first.plusDays(1).toString());
        fields.put("sessions[1].start", "09:00");
        fields.put("sessions[1].end", "12:00");
        fields.put("sessions[1].place", "多媒体教室");
        fields.put("sessions[1].hours", "3");
        fields.putAll(changed);
        MockHttpServletRequestBuilder request = post("/trainings/new").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    /** Plans as this person and answers the new project's id. */
    static Long planned(MockMvc mvc, MockHttpServletRequestBuilder plan, RequestPostProcessor as) throws Exception {
        MvcResult result = mvc.perform(plan.with(as)).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || !location.startsWith("/trainings/")) {
            throw new AssertionError("not planned: " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        return Long.valueOf(location.substring("/trainings/".length()));
    }
}
