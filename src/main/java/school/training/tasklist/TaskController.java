package school.training.tasklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import school.training.forms.DeployedForms;
import school.training.forms.FormError;
import school.training.forms.FormSchema;
import school.training.forms.FormSubmission;
import school.training.people.Directory;

/** Opening, claiming, giving back and completing a task with the form deployed beside its process. */
@Controller
class TaskController {

    private final Inbox inbox;
    private final TaskCompletion completion;
    private final DeployedForms forms;
    private final FormPosting posting;
    private final Requests requests;
    private final List<Withdrawal> withdrawals;
    private final LostRaces races;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final RequestPanels panels;
    private final HandOvers handOvers;
    private final CopyRecipients copies;

    TaskController(Inbox inbox, TaskCompletion completion, DeployedForms forms, FormPosting posting, Requests requests,
            List<Withdrawal> withdrawals, LostRaces races, Directory directory, ApplicationEventPublisher events,
            RequestPanels panels, HandOvers handOvers, CopyRecipients copies) {
        this.copies = copies;
        this.panels = panels;
        this.handOvers = handOvers;
        this.directory = directory;
        this.events = events;
        this.races = races;
        this.withdrawals = withdrawals;
        this.inbox = inbox;
        this.completion = completion;
        this.forms = forms;
        this.posting = posting;
        this.requests = requests;
    }

    @GetMapping("/tasks/{taskId}")
    String showTask(@PathVariable String taskId, Authentication authentication, Model model) {
        Task task = workable(taskId, authentication);
        FormSchema form = forms.taskForm(task);
        Map<String, Object> values = requests.variables(task.getProcessInstanceId());
        return page(task, form, values, new HashMap<>(values), Map.of(), CurrentUser.of(authentication), model);
    }

    @PostMapping("/tasks/{taskId}")
    String completeTask(@PathVariable String taskId, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        Task task = inbox.workable(taskId, user);
        try {
            if (task == null) {
                throw notYours();
            }
            return complete(task, user, request, response, model, redirect);
        } catch (NullValueException | TaskAlreadyClaimedException | OptimisticLockingException e) {
            // someone else finished it first (a colleague in the same group, a second tab)
            return gone(redirect);
        } catch (ProcessEngineException | ResponseStatusException e) {
            // the task ended before or while we worked on it: gone, or its authorizations went with it (403);
            // to someone who never could have done it, the same 404 as for a task that never was
            if (races.lostBy(taskId, user.id(), user.groups())) {
                return gone(redirect);
            }
            throw e;
        }
    }

    private String complete(Task task, CurrentUser user, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        FormSchema form = forms.taskForm(task);
        Map<String, Object> current = requests.variables(task.getProcessInstanceId());
        FormSubmission submission = posting.read(form, request.getParameterMap(), files(request), current,
                task.getProcessInstanceId(), user.id());
        CopyRecipients.Chosen copied = copies.read(request.getParameterValues(CopyRecipients.FIELD));
        model.addAttribute("copied", copied);
        boolean copyOffice = request.getParameter("copyOffice") != null;
        model.addAttribute("copyOffice", copyOffice);
        if (submission.hasErrors() || copied.problem().isPresent()) {
            // a name in 抄送 that matches nobody waits beside the field like any other mistake: nothing decided yet
            Map<String, FormError> errors = new HashMap<>(submission.errors());
            copied.problem().ifPresent(problem -> errors.put(CopyRecipients.FIELD, problem));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(task, form, posting.redisplay(submission, current, user.id(), List.of()), new HashMap<>(current),
                    errors, user, model);
        }
        List<String> stored = new ArrayList<>();
        Map<String, Object> variables = posting.variables(submission, user.id(), stored);
        try {
            completion.takeAndComplete(task, user, variables);
        } catch (RuleViolation e) {
            if (races.lostBy(task.getId(), user.id(), user.groups())) {
                // a colleague finished this very task a moment ago (her number is the one now taken): she did it
                return gone(redirect);
            }
            // a rule only the engine could see (a number taken a moment ago): beside the field, nothing lost
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(task, form, posting.redisplay(submission, current, user.id(), stored), new HashMap<>(current),
                    e.errors(), user, model);
        }
        copy(task, user, copied, copyOffice);
        redirect.addFlashAttribute("notice", "task.completed");
        return "redirect:/";
    }

    /** The optional 抄送 of the decision just made (copyTo: the people read; copyOffice: on). */
    private void copy(Task task, CurrentUser user, CopyRecipients.Chosen copied, boolean office) {
        List<String> ids = copied.ids();
        if (!ids.isEmpty() || office) {
            events.publishEvent(new CopyRequested(task.getProcessInstanceId(), task.getTaskDefinitionKey(), user.id(),
                    ids, office));
        }
    }

    private static String gone(RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "task.gone");
        return "redirect:/";
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, Authentication authentication, RedirectAttributes redirect) {
        Task task = workable(taskId, authentication);
        try {
            inbox.claim(task, CurrentUser.of(authentication));
        } catch (TaskAlreadyClaimedException e) {
            return gone(redirect);
        }
        redirect.addFlashAttribute("notice", "task.claimed");
        return "redirect:/tasks/" + taskId;
    }

    /**
     * 转办: the holder passes the task to another person allowed to do this step, with a reason. A task
     * that was completed or handed over by someone else a moment ago gets "已由他人办理", a refused choice
     * the page again with the message beside the picker and nothing changed.
     */
    @PostMapping("/tasks/{taskId}/hand-over")
    String handOver(@PathVariable String taskId, @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "reason", required = false) String reason, Authentication authentication,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        Task task = inbox.workable(taskId, user);
        if (task == null) {
            if (races.lostBy(taskId, user.id(), user.groups())) {
                return handOverLost(redirect);
            }
            throw notYours();
        }
        try {
            handOvers.handOver(taskId, user, to, reason);
        } catch (HandOvers.Refused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("handOverError", e.messageKey());
            model.addAttribute("handOverErrorArgs", new Object[] { to == null ? "" : directory.nameOf(to),
                    String.valueOf(HandOvers.MAX_REASON) });
            model.addAttribute("handOverTo", to);
            model.addAttribute("handOverReason", reason);
            FormSchema form = forms.taskForm(task);
            Map<String, Object> values = requests.variables(task.getProcessInstanceId());
            return page(task, form, values, new HashMap<>(values), Map.of(), user, model);
        } catch (NullValueException | TaskAlreadyClaimedException | OptimisticLockingException
                | org.camunda.bpm.engine.AuthorizationException e) {
            // completed, handed over or taken by someone else (or her other tab) between the page and the click
            return handOverLost(redirect);
        }
        redirect.addFlashAttribute("notice", "handover.done");
        return "redirect:/";
    }

    private static String handOverLost(RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "handover.gone");
        return "redirect:/";
    }

    @PostMapping("/tasks/{taskId}/give-back")
    String giveBack(@PathVariable String taskId, Authentication authentication, RedirectAttributes redirect) {
        if (!inbox.giveBack(taskId, CurrentUser.of(authentication))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such task of yours to give back");
        }
        redirect.addFlashAttribute("notice", "task.givenBack");
        return "redirect:/";
    }

    private Task workable(String taskId, Authentication authentication) {
        Task task = inbox.workable(taskId, CurrentUser.of(authentication));
        if (task == null) {
            throw notYours();
        }
        return task;
    }

    private static ResponseStatusException notYours() {
        // same answer for "does not exist" and "not yours": nobody learns about other people's tasks
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such task for you");
    }

    /** {@code requestValues}: the request's variables, read once by the caller (a copy this page may add to). */
    private String page(Task task, FormSchema form, Map<String, Object> values, Map<String, Object> requestValues,
            Map<String, ?> errors, CurrentUser user, Model model) {
        RequestSummary summary = requests.find(task.getProcessInstanceId(), task.getProcessDefinitionId()).orElseThrow();
        // what the request consists of so far, minus the form being edited right now (a revision)
        // its tasks in history once, for the documents its applicant filled and the timeline's owners
        List<HistoricTaskInstance> tasks = requests.tasksOf(task.getProcessInstanceId());
        List<FormSchema> documents = requests.documents(task.getProcessInstanceId(), task.getProcessDefinitionId(),
                summary.applicant(), tasks).stream()
                .filter(document -> !document.getId().equals(form.getId())).toList();
        documents.forEach(document -> posting.addFileNames(document, requestValues));
        Map<String, Object> formValues = new HashMap<>(values);
        posting.addFileNames(form, formValues);
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("values", formValues);
        model.addAttribute("errors", errors);
        model.addAttribute("request", summary);
        model.addAttribute("documents", documents);
        model.addAttribute("requestValues", requestValues);
        // what the decision is about beyond the form: amounts, scores, support granted (the modules' panels)
        model.addAttribute("panels", panels.shown(summary.processKey(), task.getProcessInstanceId(), requestValues));
        // the applicant's own step (check in, write the report, revise) versus someone deciding on it
        model.addAttribute("applicantTask", user.id().equals(requestValues.get("applicant")));
        // whom a decision may be copied to (抄送): the school's people but the approver and the applicant, listed;
        // null where too many work there to list (a district): the page has a field with suggestions instead
        model.addAttribute("copyCandidates", user.id().equals(requestValues.get("applicant")) ? List.of()
                : copies.listed(user.id(), requestValues.get("applicant")).orElse(null));
        model.addAttribute("canWithdraw", Withdrawal.offered(withdrawals, summary, user));
        List<TimelineEntry> timeline = requests.timeline(task.getProcessInstanceId(), tasks);
        model.addAttribute("timeline", timeline);
        // a request sent back shows why at the top, not only at the end of the timeline
        model.addAttribute("lastReturn", timeline.stream().filter(step -> "revise".equals(step.decision()))
                .reduce((first, second) -> second).orElse(null));
        HandOvers.Offer offer = handOvers.offer(task, user);
        // only a task offered to a group can go back to it; a leader's own review cannot
        model.addAttribute("canGiveBack", offer.giveBack());
        // 转办: exactly the people allowed to do this step, but the holder
        model.addAttribute("handOverChoices", offer.handOverTo());
        return "tasklist/task";
    }

    static MultiValueMap<String, MultipartFile> files(HttpServletRequest request) {
        // the multipart request may sit under wrappers (Spring Security's, any filter's): look through them
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        return multipart != null ? multipart.getMultiFileMap() : new LinkedMultiValueMap<>();
    }
}
