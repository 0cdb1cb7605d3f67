package school.training.termreview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.people.CamundaGroups;
import school.training.tasklist.CurrentUser;
import school.training.tasklist.TaskCompletion;

/**
 * The principal confirms the scored results of a teaching group in one step ({@code principalConfirmation},
 * decision approve); adjusting one result goes through the task's own page.
 */
@Controller
class ConfirmationController {

    static final String URL = "/term-reviews/confirmation";
    private static final List<String> SHOWN = List.of("applicant", "applicantName", "campaignId", "title",
            "teachingGroup", "teachingGroupName", "scoreArchive", "scoreLessonPlans", "scoreTrainingHours",
            "scoreObservation", "scoreReportBack", "scoreAttendance", "totalScore", "grade", "deductionReason");

    private final TaskService taskService;
    private final TaskCompletion completion;
    private final RuntimeService runtimeService;

    ConfirmationController(TaskService taskService, TaskCompletion completion, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.completion = completion;
        this.runtimeService = runtimeService;
    }

    @GetMapping(URL)
    String page(Authentication authentication, Model model) {
        CurrentUser user = principal(authentication);
        model.addAttribute("groups", groups(user));
        return "termreview/confirmation";
    }

    @PostMapping(URL)
    String confirm(@RequestParam long campaignId, @RequestParam(defaultValue = "") String group,
            Authentication authentication, RedirectAttributes redirect) {
        CurrentUser user = principal(authentication);
        ConfirmationGroup chosen = groups(user).stream()
                .filter(g -> g.campaignId() == campaignId && g.groupId().equals(group)).findFirst().orElse(null);
        int confirmed = 0;
        if (chosen != null) {
            for (ConfirmationGroup.Row row : chosen.rows()) {
                try {
                    Task task = taskService.createTaskQuery().taskId(row.taskId()).singleResult();
                    if (task == null) {
                        continue;
                    }
                    completion.takeAndComplete(task, user, Map.of("principalDecision", "approve"));
                    confirmed++;
                } catch (ProcessEngineException e) {
                    // confirmed or claimed by someone else meanwhile
                }
            }
        }
        redirect.addFlashAttribute("confirmed", confirmed);
        return "redirect:" + URL;
    }

    private static CurrentUser principal(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.inGroup(CamundaGroups.PRINCIPAL)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return user;
    }

    /** Waiting confirmations offered to the principal (or claimed by me), per campaign and teaching group. */
    private List<ConfirmationGroup> groups(CurrentUser user) {
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(TermReviewProcess.KEY)
                .taskDefinitionKey(TermReviewProcess.PRINCIPAL_CONFIRMATION).taskCandidateGroup(CamundaGroups.PRINCIPAL)
                .includeAssignedTasks().orderByTaskCreateTime().asc().list().stream()
                .filter(task -> task.getAssignee() == null || user.id().equals(task.getAssignee())).toList();
        Map<String, List<ConfirmationGroup.Row>> rows = new LinkedHashMap<>();
        Map<String, Map<String, Object>> heads = new LinkedHashMap<>();
        for (Task task : tasks) {
            Map<String, Object> values = runtimeService.getVariables(task.getProcessInstanceId(), SHOWN);
            String key = values.get("campaignId") + "|" + Objects.toString(values.get("teachingGroup"), "");
            heads.putIfAbsent(key, values);
            rows.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new ConfirmationGroup.Row(task.getId(), task.getProcessInstanceId(), values));
        }
        List<ConfirmationGroup> groups = new ArrayList<>();
        heads.forEach((key, head) -> {
            List<ConfirmationGroup.Row> members = rows.get(key);
            members.sort(Comparator.comparing(r -> Objects.toString(r.values().get("applicantName"), "")));
            groups.add(new ConfirmationGroup(((Number) head.get("campaignId")).longValue(),
                    (String) head.get("title"), Objects.toString(head.get("teachingGroup"), ""),
                    Objects.toString(head.get("teachingGroupName"), "—"), members));
        });
        groups.sort(Comparator.comparing(ConfirmationGroup::campaignId).reversed()
                .thenComparing(ConfirmationGroup::groupName));
        return groups;
    }
}
