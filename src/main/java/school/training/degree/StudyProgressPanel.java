package school.training.degree;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import school.training.tasklist.RequestPanel;

/** The semester results on a degree request, with the form to add one while the teacher studies. */
@Component
class StudyProgressPanel implements RequestPanel {

    private final RuntimeService runtimeService;
    private final StudyProgressRepository progress;

    StudyProgressPanel(RuntimeService runtimeService, StudyProgressRepository progress) {
        this.runtimeService = runtimeService;
        this.progress = progress;
    }

    @Override
    public boolean appliesTo(String processKey) {
        return DegreeProcess.KEY.equals(processKey);
    }

    @Override
    public String template() {
        return "degree/progress";
    }

    @Override
    public String fragment() {
        return "progress";
    }

    @Override
    public Map<String, Object> model(String processInstanceId, Map<String, Object> variables) {
        var entries = progress.findByProcessInstanceIdOrderByIdAsc(processInstanceId);
        boolean studying = studying(runtimeService, processInstanceId);
        if (entries.isEmpty() && !studying) {
            return null;
        }
        return Map.of("id", processInstanceId, "entries", entries, "studying", studying, "applicant",
                String.valueOf(variables.get("applicant")));
    }

    /** Registered by the office and not yet completed: waiting for the teacher's completion. */
    static boolean studying(RuntimeService runtimeService, String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processDefinitionKey(DegreeProcess.KEY).activityIdIn(DegreeProcess.SUBMIT_COMPLETION).count() > 0;
    }
}
