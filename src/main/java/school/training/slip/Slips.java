package school.training.slip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.externalstudy.ExternalStudyProcess;
import school.training.forms.DeployedForms;
import school.training.forms.FormComponent;
import school.training.forms.FormSchema;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;
import school.training.records.RequestOverview;
import school.training.records.RequestOverviews;
import school.training.records.RequestRecord;
import school.training.records.RequestRecords;
import school.training.records.StepRecord;
import school.training.records.TaskHandover;
import school.training.reporting.Reimbursement;
import school.training.reporting.ReimbursementStatement;
import school.training.reporting.ReportingProcess;
import school.training.tasklist.RequestSummary;
import school.training.tasklist.Requests;
import school.training.tasklist.TimelineEntry;

/**
 * Puts a slip together from the request's records: the facts its steps recorded (process variables only
 * for what no record holds, e.g. a request older than the records), every step record and hand-over in
 * the order they happened, and the read model's approval number and teaching group.
 */
@Service
class Slips {

    private final Requests requests;
    private final RequestRecords records;
    private final RequestOverviews overviews;
    private final Directory directory;
    private final Attachments attachments;
    private final HistoryService historyService;
    private final Reimbursement reimbursement;
    private final MessageSource messages;
    private final DeployedForms forms;

    Slips(Requests requests, RequestRecords records, RequestOverviews overviews, Directory directory,
            Attachments attachments, HistoryService historyService, Reimbursement reimbursement,
            MessageSource messages, DeployedForms forms) {
        this.messages = messages;
        this.forms = forms;
        this.requests = requests;
        this.records = records;
        this.overviews = overviews;
        this.directory = directory;
        this.attachments = attachments;
        this.historyService = historyService;
        this.reimbursement = reimbursement;
    }

    Slip slip(RequestSummary request, Locale locale) {
        String id = request.id();
        Optional<RequestOverview> overview = overviews.get(id);
        Map<String, Object> values = new HashMap<>(requests.variables(id));
        values.putAll(records.facts(id));
        List<FormSchema> documents = requests.documents(id);
        documents.forEach(form -> addFileNames(form, values));
        List<TimelineEntry> timeline = requests.timeline(id);
        String number = overview.map(RequestOverview::getApprovalNumber)
                .orElse(values.get("approvalNumber") == null ? null : values.get("approvalNumber").toString());
        Date submitted = records.request(id).map(RequestRecord::getStartedAt).map(Date::from)
                .orElse(request.started());
        return new Slip(request, request.applicantName(), groupName(overview, request.applicant(), locale), number,
                submitted, sections(documents, values, locale), entries(request, timeline),
                timeline.stream().filter(TimelineEntry::waiting).toList(),
                reimbursementOf(request).map(ReimbursementStatement::reportBackId).orElse(null));
    }

    /** The statement of a settled report-back, given it or the trip it reports on. */
    Optional<ReimbursementStatement> reimbursementOf(RequestSummary request) {
        if (ReportingProcess.KEY.equals(request.processKey())) {
            return reimbursement.statement(request.id());
        }
        if (ExternalStudyProcess.KEY.equals(request.processKey())) {
            return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReportingProcess.KEY)
                    .processInstanceBusinessKey(request.id()).list().stream()
                    .max(Comparator.comparing(HistoricProcessInstance::getStartTime))
                    .flatMap(reportBack -> reimbursement.statement(reportBack.getId()));
        }
        return Optional.empty();
    }

    String groupName(Optional<RequestOverview> overview, String applicant, Locale locale) {
        Optional<TeachingGroup> group = overview.map(RequestOverview::getTeachingGroupId)
                .flatMap(directory::teachingGroup);
        if (group.isEmpty() && applicant != null) {
            group = directory.find(applicant).map(Person::getTeachingGroup);
        }
        return group.map(g -> "en".equals(locale.getLanguage()) && g.getNameEn() != null ? g.getNameEn() : g.getName())
                .orElse(null);
    }

    String groupName(String requestId, String applicant, Locale locale) {
        return groupName(overviews.get(requestId), applicant, locale);
    }

    String nameOf(String userId) {
        return userId == null ? null : directory.nameOf(userId);
    }

    /** The start, every recorded step and every hand-over, by when they happened. */
    private List<SlipEntry> entries(RequestSummary request, List<TimelineEntry> timeline) {
        String id = request.id();
        Map<String, String> stepNames = new HashMap<>();
        timeline.stream().filter(e -> e.activityName() != null)
                .forEach(e -> stepNames.putIfAbsent(e.activityId(), e.activityName()));
        Map<String, String> owners = new HashMap<>();
        historyService.createHistoricTaskInstanceQuery().processInstanceId(id).list().stream()
                .filter(task -> task.getOwner() != null).forEach(task -> owners.put(task.getId(), task.getOwner()));
        String applicant = request.applicant();
        List<SlipEntry> entries = new ArrayList<>();
        for (StepRecord step : records.steps(id)) {
            Date at = Date.from(step.getDecidedAt());
            String by = step.getDecidedBy();
            if (StepRecord.START.equals(step.getStep())) {
                if (by == null && applicant != null && startedWithAForm(request.processKey())) {
                    by = applicant; // entered for her without a signed-in caller (the demo's history, an import)
                }
                entries.add(new SlipEntry(SlipEntry.Kind.START, step.getStep(), null, by == null ? null : nameOf(by),
                        null, at, null, by == null ? "startedByTheSchool" : "submitted", null, null, null, null));
                continue;
            }
            String owner = step.getTaskId() == null ? null : owners.get(step.getTaskId());
            String onBehalfOf = owner != null && by != null && !owner.equals(by) ? nameOf(owner) : null;
            String outcome = step.getDecision() != null ? null
                    : Objects.equals(by, applicant) ? "resubmitted" : "done";
            entries.add(new SlipEntry(SlipEntry.Kind.STEP, step.getStep(), stepNames.get(step.getStep()), nameOf(by),
                    onBehalfOf, at, step.getDecision(), outcome, blankToNull(step.getComment()), null, null, null));
        }
        for (TaskHandover handover : records.handovers(id)) {
            entries.add(new SlipEntry(SlipEntry.Kind.HANDOVER, handover.getStep(), stepNames.get(handover.getStep()),
                    nameOf(handover.getFromUser()), null, Date.from(handover.getHandedOverAt()), null, "handedOver",
                    null, nameOf(handover.getToUser()), handover.getToGroup(), handover.getReason()));
        }
        // stable: records of one instant keep the order they were written in
        entries.sort(Comparator.comparing(SlipEntry::at));
        return entries;
    }

    /** Every field of every form once (a later form repeating a field for context does not print it twice). */
    private List<Slip.Section> sections(List<FormSchema> documents, Map<String, Object> values, Locale locale) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Slip.Section> sections = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            FormSchema form = documents.get(i);
            List<Slip.Field> fields = form.fields().stream().filter(field -> seen.add(field.getKey()))
                    .map(field -> field(field, values, locale)).toList();
            if (!fields.isEmpty()) {
                String title = message("document." + form.getId(), locale);
                sections.add(new Slip.Section(title != null ? title
                        : message(i == 0 ? "request.details" : "slip.moreDetails", locale), fields));
            }
        }
        return sections;
    }

    /** As the request page's read-only form shows it (fragments/form.html), as plain text. */
    private Slip.Field field(FormComponent field, Map<String, Object> values, Locale locale) {
        String key = field.getKey();
        String label = Optional.ofNullable(message("field." + key, locale)).orElse(field.getLabel());
        String value = field.inputValue(values);
        String shown = switch (field.getType()) {
            case FormComponent.CHECKBOX -> message(field.isChecked(values) ? "form.yes" : "form.no", locale);
            case FormComponent.SELECT, FormComponent.RADIO -> value.isEmpty() ? "—"
                    : Optional.ofNullable(message("field." + key + "." + value, locale))
                            .orElse(Optional.ofNullable(field.optionLabel(value)).orElse(value));
            case FormComponent.FILEPICKER -> value.isEmpty() ? "—"
                    : Optional.ofNullable(values.get(key + "Name")).map(Object::toString).filter(s -> !s.isEmpty())
                            .orElse(value);
            default -> value.isEmpty() ? "—" : value;
        };
        boolean wide = FormComponent.TEXTAREA.equals(field.getType()) || shown.length() > 24;
        return new Slip.Field(key, label == null ? key : label, shown, wide);
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, null, locale);
    }

    /** A file field's value is attachment ids; the slip names the files. */
    private void addFileNames(FormSchema form, Map<String, Object> values) {
        for (FormComponent field : form.fields()) {
            if (FormComponent.FILEPICKER.equals(field.getType()) && values.get(field.getKey()) instanceof String ids) {
                values.put(field.getKey() + "Name", Arrays.stream(ids.split(",")).map(attachments::find)
                        .flatMap(Optional::stream).map(Attachment::getFileName).collect(Collectors.joining(", ")));
            }
        }
    }

    /** A process a person starts with its start form; the others the app starts itself (a report-back, a review). */
    private boolean startedWithAForm(String processKey) {
        try {
            return forms.startForm(processKey) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
