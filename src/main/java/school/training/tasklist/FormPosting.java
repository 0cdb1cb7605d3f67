package school.training.tasklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.forms.FormComponent;
import school.training.forms.FormSchema;
import school.training.forms.FormSubmission;
import school.training.forms.FormSubmissions;

/**
 * Reads a posted form against its deployed schema plus the process module's own rules, and turns a
 * valid submission into process variables (uploaded files become attachment ids).
 */
@Component
class FormPosting {

    private static final String FILE_TYPE = "filepicker";
    /** Suffix of the hidden field that carries a refused submission's stored files to the next attempt. */
    static final String KEPT = "__kept";

    private final FormSubmissions submissions;
    private final List<SubmissionRules> rules;
    private final Attachments attachments;

    FormPosting(FormSubmissions submissions, List<SubmissionRules> rules, Attachments attachments) {
        this.submissions = submissions;
        this.rules = rules;
        this.attachments = attachments;
    }

    FormSubmission read(FormSchema schema, Map<String, String[]> params, MultiValueMap<String, MultipartFile> files,
            Map<String, Object> existing, String processInstanceId, String userId) {
        Map<String, String> carried = carried(schema, params, existing, processInstanceId, userId);
        Map<String, Object> withCarried = new HashMap<>(existing);
        withCarried.putAll(carried);
        FormSubmission submission = submissions.read(schema, params, files, withCarried);
        // files carried over count as attached (a required picker is satisfied, rules see them) until a new upload
        submission.values().putAll(carried);
        rules.stream().filter(rule -> rule.appliesTo(schema.getId()))
                .forEach(rule -> rule.check(submission, processInstanceId, userId));
        return submission;
    }

    /**
     * Per file field, the attachment ids this submission brings without uploading them again: the files of an
     * earlier, refused submission of the same form ({@value #KEPT} fields, only the person's own files not yet
     * part of another request — an id typed into the field by hand gets nothing), and for a field of several
     * files the ones already on the request, so a new upload adds to them instead of replacing them.
     */
    private Map<String, String> carried(FormSchema schema, Map<String, String[]> params, Map<String, Object> existing,
            String processInstanceId, String userId) {
        Map<String, String> carried = new HashMap<>();
        for (FormComponent field : schema.fields()) {
            if (!FILE_TYPE.equals(field.getType()) || !field.isEditable()) {
                continue;
            }
            java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
            if (field.isMultiple() && existing.get(field.getKey()) instanceof String previous) {
                ids.addAll(split(previous));
            }
            String[] kept = params == null ? null : params.get(field.getKey() + KEPT);
            if (kept != null && kept.length > 0) {
                split(kept[0]).stream().filter(id -> ownFile(id, userId, processInstanceId)).forEach(ids::add);
            }
            if (!ids.isEmpty()) {
                carried.put(field.getKey(), String.join(",", ids));
            }
        }
        return carried;
    }

    private boolean ownFile(String id, String userId, String processInstanceId) {
        return attachments.find(id).filter(file -> userId.equals(file.getUploadedBy()))
                .filter(file -> file.getProcessInstanceId() == null
                        || file.getProcessInstanceId().equals(processInstanceId))
                .isPresent();
    }

    private static List<String> split(String ids) {
        return Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /**
     * Values to show a refused submission again without losing its files: every file it uploaded is stored now
     * (not yet part of the request) and offered back with its name, carried in a hidden {@value #KEPT} field,
     * so the person need not choose it again. {@code storedIds}: files this submission already stored.
     */
    Map<String, Object> redisplay(FormSubmission submission, Map<String, ?> existing, String userId,
            List<String> storedIds) {
        Map<String, Object> values = submission.redisplay(existing);
        Map<String, Object> withFiles = storedIds.isEmpty() ? variables(submission, userId, new ArrayList<>())
                : variables(submission, userId, storedIds, false);
        for (FormComponent field : submission.schema().fields()) {
            if (FILE_TYPE.equals(field.getType()) && field.isEditable()
                    && withFiles.get(field.getKey()) instanceof String ids && !ids.isBlank()) {
                values.put(field.getKey(), ids);
                values.put(field.getKey() + KEPT, ids);
            }
        }
        addFileNames(submission.schema(), values);
        return values;
    }

    Map<String, Object> initialValues(FormSchema schema) {
        return submissions.initialValues(schema);
    }

    /**
     * The submission's values with each uploaded file stored and replaced by its attachment id
     * (several files of one field: ids separated by commas). A field left empty keeps its old file.
     */
    Map<String, Object> variables(FormSubmission submission, String userId, List<String> storedIds) {
        return variables(submission, userId, storedIds, true);
    }

    /**
     * @param store false when {@code storedIds} already hold this submission's files (the engine refused it
     *        after they were stored): they are offered back instead of being stored twice
     */
    private Map<String, Object> variables(FormSubmission submission, String userId, List<String> storedIds,
            boolean store) {
        Map<String, Object> variables = new HashMap<>(submission.values());
        java.util.Iterator<String> already = List.copyOf(storedIds).iterator();
        submission.files().forEach((key, files) -> {
            List<String> ids = files.stream().filter(file -> !file.isEmpty())
                    .map(file -> store ? attachments.store(file, userId).getId() : already.next()).toList();
            if (!ids.isEmpty()) {
                boolean several = submission.schema().field(key).map(FormComponent::isMultiple).orElse(false);
                List<String> all = new ArrayList<>();
                if (several && variables.get(key) instanceof String carried) {
                    all.addAll(split(carried)); // a new upload adds to the files already there
                }
                all.addAll(ids);
                variables.put(key, String.join(",", all));
                if (store) {
                    storedIds.addAll(ids);
                }
            }
        });
        // files carried over from a refused submission become part of the request like new ones
        submission.schema().fields().stream().filter(field -> FILE_TYPE.equals(field.getType()))
                .map(field -> variables.get(field.getKey())).filter(String.class::isInstance)
                .flatMap(ids -> split((String) ids).stream()).filter(id -> !storedIds.contains(id))
                .forEach(storedIds::add);
        return variables;
    }

    /** Adds "&lt;key&gt;Name" for every file field, so pages can show the file's name beside its link. */
    void addFileNames(FormSchema schema, Map<String, Object> values) {
        for (FormComponent field : schema.fields()) {
            if (FILE_TYPE.equals(field.getType()) && values.get(field.getKey()) instanceof String ids) {
                String names = Arrays.stream(ids.split(",")).map(attachments::find).flatMap(Optional::stream)
                        .map(Attachment::getFileName).collect(Collectors.joining(", "));
                values.put(field.getKey() + "Name", names);
            }
        }
    }
}
