package school.training.termreview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.tasklist.CurrentUser;
import school.training.tasklist.RuleViolation;
import school.training.tasklist.TaskCompletion;
import school.training.trainings.Trainings;

/**
 * The group leader scores the whole group on one page ({@code leaderScoring}): one row per review
 * assigned to her, pre-computed items shown with their points, judged items typed in. Valid rows are
 * completed, rows with mistakes stay with the typed values and the messages beside the fields.
 */
@Controller
class ScoringController {

    static final String URL = "/term-reviews/scoring";

    private final TaskService taskService;
    private final TaskCompletion completion;
    private final RuntimeService runtimeService;
    private final Rubric rubric;
    private final RubricSettings settings;
    private final Trainings trainings;
    private final TermRecords termRecords;
    private final TermReviewCampaignRepository campaigns;

    ScoringController(TaskService taskService, TaskCompletion completion, RuntimeService runtimeService, Rubric rubric,
            RubricSettings settings, Trainings trainings, TermRecords termRecords,
            TermReviewCampaignRepository campaigns) {
        this.campaigns = campaigns;
        this.trainings = trainings;
        this.termRecords = termRecords;
        this.taskService = taskService;
        this.completion = completion;
        this.runtimeService = runtimeService;
        this.rubric = rubric;
        this.settings = settings;
    }

    @GetMapping(URL)
    String page(Authentication authentication, Model model) {
        return page(rows(authentication.getName()), model);
    }

    @PostMapping(URL)
    String score(Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        String me = authentication.getName();
        Map<String, String[]> params = request.getParameterMap();
        List<ScoringRow> left = new ArrayList<>();
        boolean errors = false;
        int scored = 0;
        // only reviews assigned to me now: a task id of someone else's posted here is simply not among them
        for (ScoringRow row : rows(me)) {
            if (!row.read(params)) {
                left.add(row);
                continue;
            }
            Map<String, Object> variables = row.validate(settings);
            if (variables == null) {
                errors = true;
                left.add(row);
                continue;
            }
            try {
                completion.complete(row.getTaskId(), CurrentUser.of(authentication), variables);
                scored++;
            } catch (RuleViolation e) {
                // the engine's rules, the same as for Camunda's Tasklist and the REST API
                e.errors().forEach((field, error) -> row.reject(field, error.code(), error.args()));
                errors = true;
                left.add(row);
            } catch (ProcessEngineException e) {
                // completed or reassigned meanwhile: nothing to do here any more
            }
        }
        if (errors) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("scored", scored);
            return page(left, model);
        }
        redirect.addFlashAttribute("scored", scored);
        return "redirect:" + URL;
    }

    private List<ScoringRow> rows(String me) {
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(TermReviewProcess.KEY)
                .taskDefinitionKey(TermReviewProcess.LEADER_SCORING).taskAssignee(me).orderByTaskCreateTime().asc()
                .list();
        List<ScoringRow> rows = new ArrayList<>();
        // the term records of the whole group are read at once, per term (a group is normally scored for one)
        Map<Object, Optional<TermReviewCampaign>> campaignsById = new HashMap<>();
        Map<TermReviewCampaign, List<ScoringRow>> byCampaign = new LinkedHashMap<>();
        for (Task task : tasks) {
            Map<String, Object> variables = runtimeService.getVariables(task.getProcessInstanceId());
            ScoringRow row = new ScoringRow(task.getId(), task.getProcessInstanceId(), variables, rubric);
            campaignsById.computeIfAbsent(variables.get("campaignId"), campaigns::ofReview).ifPresent(campaign -> {
                row.trainings(trainings.termRecord(row.getTeacherId(), campaign.getTermStart(), campaign.getTermEnd()),
                        rubric);
                byCampaign.computeIfAbsent(campaign, c -> new ArrayList<>()).add(row);
            });
            rows.add(row);
        }
        byCampaign.forEach((campaign, termRows) -> {
            Map<String, TermRecords.Items> items = termRecords.forTeachers(
                    termRows.stream().map(ScoringRow::getTeacherId).distinct().toList(), campaign.getTermStart(),
                    campaign.getTermEnd());
            termRows.forEach(row -> row.records(items.get(row.getTeacherId())));
        });
        return rows;
    }

    private String page(List<ScoringRow> rows, Model model) {
        model.addAttribute("rows", rows);
        model.addAttribute("rubric", settings);
        model.addAttribute("lessonPlanMax", settings.lessonPlanPoints() / settings.lessonPlanDeduction());
        return "termreview/scoring";
    }
}
