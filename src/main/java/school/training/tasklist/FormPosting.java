package school.training.tasklist;

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
        FormSubmission submission = submissions.read(schema, params, files, existing);
        rules.stream().filter(rule -> rule.appliesTo(schema.getId()))
                .forEach(rule -> rule.check(submission, processInstanceId, userId));
        return submission;
    }

    Map<String, Object> initialValues(FormSchema schema) {
        return submissions.initialValues(schema);
    }

    /**
     * The submission's values with each uploaded file stored and replaced by its attachment id
     * (several files of one field: ids separated by commas). A field left empty keeps its old file.
     */
    Map<String, Object> variables(FormSubmission submission, String userId, List<String> storedIds) {
        Map<String, Object> variables = new HashMap<>(submission.values());
        submission.files().forEach((key, files) -> {
            List<String> ids = files.stream().filter(file -> !file.isEmpty())
                    .map(file -> attachments.store(file, userId).getId()).toList();
            if (!ids.isEmpty()) {
                variables.put(key, String.join(",", ids));
                storedIds.addAll(ids);
            }
        });
        return variables;
    }

    void link(List<String> attachmentIds, String processInstanceId) {
        attachmentIds.forEach(id -> attachments.linkTo(id, processInstanceId));
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
