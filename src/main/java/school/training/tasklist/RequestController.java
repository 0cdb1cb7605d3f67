package school.training.tasklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.attachments.Attachment;
import school.training.attachments.AttachmentReaders;
import school.training.attachments.Attachments;
import school.training.forms.DeployedForms;
import school.training.forms.FormSchema;
import school.training.forms.FormSubmission;

/** Starting a request with its process's start form, reading it with its timeline, withdrawing it. */
@Controller
class RequestController {

    private final DeployedForms forms;
    private final FormPosting posting;
    private final Requests requests;
    private final RequestAccess access;
    private final RequestStarter starter;
    private final Attachments attachments;
    private final List<Withdrawal> withdrawals;
    private final RequestPanels panels;
    private final List<StartFormDefaults> defaults;
    private final List<AttachmentReaders> readers;

    RequestController(DeployedForms forms, FormPosting posting, Requests requests, RequestAccess access,
            RequestStarter starter, Attachments attachments, List<Withdrawal> withdrawals, RequestPanels panels,
            List<StartFormDefaults> defaults, List<AttachmentReaders> readers) {
        this.defaults = defaults;
        this.readers = readers;
        this.forms = forms;
        this.posting = posting;
        this.requests = requests;
        this.access = access;
        this.starter = starter;
        this.attachments = attachments;
        this.withdrawals = withdrawals;
        this.panels = panels;
    }

    @GetMapping("/requests/new/{processKey}")
    String newRequest(@PathVariable String processKey, Authentication authentication, Model model) {
        FormSchema form = startForm(processKey);
        Map<String, Object> values = new HashMap<>(posting.initialValues(form));
        defaults.stream().filter(d -> d.appliesTo(processKey))
                .forEach(d -> values.putAll(d.defaults(authentication.getName())));
        return startPage(processKey, form, values, Map.of(), model);
    }

    @PostMapping("/requests/new/{processKey}")
    String submitRequest(@PathVariable String processKey, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        FormSchema form = startForm(processKey);
        FormSubmission submission = posting.read(form, request.getParameterMap(), TaskController.files(request),
                Map.of(), null, user.id());
        if (submission.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return startPage(processKey, form, posting.redisplay(submission, Map.of(), user.id(), List.of()),
                    submission.errors(), model);
        }
        List<String> stored = new ArrayList<>();
        Map<String, Object> variables = posting.variables(submission, user.id(), stored);
        ProcessInstance instance;
        try {
            instance = starter.startAs(user, processKey, variables);
        } catch (RuleViolation e) {
            // the engine's gate saw what this page could not (it checks every client the same way)
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return startPage(processKey, form, posting.redisplay(submission, Map.of(), user.id(), stored), e.errors(),
                    model);
        }
        redirect.addFlashAttribute("notice", "request.submitted");
        return "redirect:/requests/" + instance.getId();
    }

    @GetMapping("/requests/{id}")
    String showRequest(@PathVariable String id, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        mayView(id, user);
        // its tasks in history once: its process version, the documents its applicant filled, the timeline's
        // owners, the viewer's own step
        List<HistoricTaskInstance> tasks = requests.tasksOf(id);
        // its process version once, for its name and its documents' forms
        String version = requests.versionOf(id, tasks)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RequestSummary summary = requests.find(id, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Object> values = requests.variables(id);
        List<FormSchema> documents = requests.documents(id, version, summary.applicant(), tasks);
        documents.forEach(form -> posting.addFileNames(form, values));
        model.addAttribute("request", summary);
        model.addAttribute("documents", documents);
        model.addAttribute("requestValues", values);
        model.addAttribute("panels", panels.shown(summary.processKey(), id, values));
        model.addAttribute("timeline", requests.timeline(id, tasks));
        model.addAttribute("canWithdraw", Withdrawal.offered(withdrawals, summary, user));
        model.addAttribute("myTask", tasks.stream().filter(task -> task.getEndTime() == null)
                .filter(task -> user.id().equals(task.getAssignee())).findFirst().orElse(null));
        return "tasklist/request";
    }

    @PostMapping("/requests/{id}/withdraw")
    String withdraw(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        RequestSummary summary = viewable(id, user);
        Optional<Withdrawal> withdrawal = withdrawal(summary.processKey());
        if (withdrawal.isEmpty() || !withdrawal.get().canWithdraw(id, user.id())) {
            redirect.addFlashAttribute("problem", "request.cannotWithdraw");
            return "redirect:/requests/" + id;
        }
        withdrawal.get().withdraw(id, user.id());
        redirect.addFlashAttribute("notice", "request.withdrawn");
        return "redirect:/requests/" + id;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, Authentication authentication)
            throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        Attachment attachment = attachments.find(id)
                .filter(a -> user.id().equals(a.getUploadedBy()) || access.canView(user, a.getProcessInstanceId())
                        || readers.stream().anyMatch(r -> r.mayRead(user.id(), user.groups(), a)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file for you"));
        return ResponseEntity.ok()
                // always a download, never rendered by the browser in our origin
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(attachment.getSize())
                .body(new InputStreamResource(attachments.open(attachment)));
    }

    private RequestSummary viewable(String id, CurrentUser user) {
        mayView(id, user);
        return requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void mayView(String id, CurrentUser user) {
        if (!access.canView(user, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request for you");
        }
    }

    private FormSchema startForm(String processKey) {
        try {
            return forms.startForm(processKey);
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such process: " + processKey);
        }
    }

    private Optional<Withdrawal> withdrawal(String processKey) {
        return withdrawals.stream().filter(w -> w.processKey().equals(processKey)).findFirst();
    }

    private String startPage(String processKey, FormSchema form, Map<String, Object> values, Map<String, ?> errors,
            Model model) {
        model.addAttribute("processKey", processKey);
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "tasklist/start";
    }
}
