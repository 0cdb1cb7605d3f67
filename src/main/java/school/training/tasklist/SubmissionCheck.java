package school.training.tasklist;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import school.training.attachments.Attachments;
import school.training.forms.DeployedForms;
import school.training.forms.FormComponent;
import school.training.forms.FormError;
import school.training.forms.FormSchema;
import school.training.forms.FormSubmission;
import school.training.forms.FormSubmissions;
import school.training.records.RequestRecords;

/**
 * The rules a start or a completion must pass, whoever sends it (run by {@link SubmissionGate}
 * inside the engine): only the fields of this step's form may be set, read-only fields keep their
 * value, each value passes the form's schema and the process's {@link SubmissionRules}, attached
 * files are the sender's own, and nobody decides on their own request.
 */
@Component
class SubmissionCheck {

    static final String NOT_IN_FORM = "form.error.notInForm";
    static final String READ_ONLY = "form.error.readOnly";
    static final String NOT_YOUR_FILE = "form.error.attachment";
    static final String OWN_REQUEST = "request.error.ownRequest";
    static final String APP_STARTED = "request.error.startedByTheApp";
    /** A task assigned with this expression is the applicant's own step (revise, check in, report). */
    private static final String APPLICANTS_OWN_STEP = "${applicant}";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final DeployedForms deployedForms;
    private final FormSubmissions submissions;
    private final List<SubmissionRules> rules;
    private final Attachments attachments;
    private final MessageSource messages;
    private final RequestRecords records;

    SubmissionCheck(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
            DeployedForms deployedForms, FormSubmissions submissions, List<SubmissionRules> rules,
            Attachments attachments, MessageSource messages, RequestRecords records) {
        this.records = records;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.deployedForms = deployedForms;
        this.submissions = submissions;
        this.rules = rules;
        this.attachments = attachments;
        this.messages = messages;
    }

    void completion(Authentication user, String taskId, Map<String, Object> sent) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
            // Camunda lets a candidate complete a task a colleague has claimed (her group's grant still
            // holds), and a former assignee complete a task handed on to someone else (the grant Camunda
            // made when it was hers is never taken back); as on our pages, it is the other person's now
            throw new TaskAlreadyClaimedException(task.getId(), task.getAssignee());
        }
        if (task == null || !engineLetsWork(task)) {
            return; // the engine itself answers "not found" or "not allowed"
        }
        FormSchema form = deployedForms.taskForm(task);
        Map<String, Object> current = runtimeService.getVariables(task.getProcessInstanceId());
        Map<String, FormError> errors = new LinkedHashMap<>();
        // the applicant fixed when the request started, not whatever a variable says now
        Object applicant = records.applicant(task.getProcessInstanceId()).orElse((String) current.get("applicant"));
        if (!isApplicantsOwnStep(task) && user.getUserId().equals(applicant)) {
            errors.put(RuleViolation.REQUEST, new FormError(OWN_REQUEST));
        }
        check(form, current, sent, task.getProcessInstanceId(), user.getUserId(), errors);
    }

    void start(Authentication user, String definitionId, String definitionKey, Map<String, Object> sent) {
        ProcessDefinition definition = definitionId != null
                ? repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
                : repositoryService.createProcessDefinitionQuery().processDefinitionKey(definitionKey)
                        .latestVersion().singleResult();
        if (definition == null) {
            return; // the engine answers "not found"
        }
        // a report-back starts when a trip ends, a term review when the office opens it
        FormSchema form = deployedForms.startFormOf(definition.getId())
                .orElseThrow(() -> new AuthorizationException(message(APP_STARTED, definition.getKey())));
        check(form, Map.of(), sent == null ? Map.of() : sent, null, user.getUserId(), new LinkedHashMap<>());
    }

    private void check(FormSchema form, Map<String, Object> current, Map<String, Object> sent,
            String processInstanceId, String userId, Map<String, FormError> errors) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        sent.forEach((key, value) -> {
            Optional<FormComponent> field = form.field(key);
            if (field.isEmpty()) {
                errors.putIfAbsent(key, new FormError(NOT_IN_FORM));
            } else if (field.get().isEditable()) {
                merged.put(key, value);
            } else if (!FormComponent.EXPRESSION.equals(field.get().getType()) && !same(value, current.get(key))) {
                errors.putIfAbsent(key, new FormError(READ_ONLY));
            }
        });
        FormSubmission submission = submissions.readVariables(form, merged);
        for (FormComponent field : form.fields()) {
            String key = field.getKey();
            if (FormComponent.EXPRESSION.equals(field.getType()) && sent.containsKey(key)
                    && !same(sent.get(key), submission.values().get(key))) {
                errors.putIfAbsent(key, new FormError(READ_ONLY));
            }
            if (field.isEditable() && FormComponent.FILEPICKER.equals(field.getType()) && merged.get(key) != null
                    && !same(merged.get(key), current.get(key)) && !ownFiles(merged.get(key), userId, processInstanceId)) {
                errors.putIfAbsent(key, new FormError(NOT_YOUR_FILE));
            }
        }
        rules.stream().filter(rule -> rule.appliesTo(form.getId()))
                .forEach(rule -> rule.check(submission, processInstanceId, userId));
        submission.errors().forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new RuleViolation(describe(form, errors), errors);
        }
    }

    /**
     * Whether the engine itself lets the signed-in person work this task: Camunda's own check, so the
     * rules apply to everyone it lets through (assignee, owner, candidate users and groups, any other
     * identity link, a grant kept from an earlier assignment), and a stranger still gets the engine's
     * own "not allowed". Looking only at assignee and candidates missed a candidate whose group may
     * still work a task assigned to someone else, so an office member could register her own request
     * after handing the task to a colleague.
     */
    private static boolean engineLetsWork(Task task) {
        CommandContext context = Context.getCommandContext();
        context.enableAuthorizationCheck();
        try {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork((TaskEntity) task);
            }
            return true;
        } catch (AuthorizationException e) {
            return false;
        } finally {
            context.disableAuthorizationCheck();
        }
    }

    private static boolean isApplicantsOwnStep(Task task) {
        if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
            return false;
        }
        Expression assignee = entity.getTaskDefinition().getAssigneeExpression();
        return assignee != null && APPLICANTS_OWN_STEP.equals(assignee.getExpressionText());
    }

    private boolean ownFiles(Object ids, String userId, String processInstanceId) {
        return Arrays.stream(ids.toString().split(",")).map(String::strip).allMatch(id -> attachments.find(id)
                .filter(file -> userId.equals(file.getUploadedBy()))
                .filter(file -> file.getProcessInstanceId() == null
                        || file.getProcessInstanceId().equals(processInstanceId))
                .isPresent());
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(FormSubmissions.asInput(a), FormSubmissions.asInput(b));
    }

    private String describe(FormSchema form, Map<String, FormError> errors) {
        return errors.entrySet().stream().map(error -> {
            String label = form.field(error.getKey()).map(FormComponent::getLabel).orElse(null);
            String where = error.getKey().equals(RuleViolation.REQUEST) ? ""
                    : (label == null ? error.getKey() : label + " (" + error.getKey() + ")") + ": ";
            return where + message(error.getValue().code(), error.getValue().args());
        }).collect(Collectors.joining("; "));
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, Locale.SIMPLIFIED_CHINESE);
    }
}
