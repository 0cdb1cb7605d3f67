package school.training.degree;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.records.RequestRecords;
import school.training.tasklist.RequestPanel;

/**
 * The school's support on a degree request: what the teacher asked for and, once the office has
 * registered it, what was granted with the registration number. Read from the request's records, so
 * the teacher's later pages (progress, graduation) and the office's check show the support granted,
 * not only the support asked for.
 */
@Component
class DegreeSupportPanel implements RequestPanel {

    private final RequestRecords records;

    DegreeSupportPanel(RequestRecords records) {
        this.records = records;
    }

    @Override
    public boolean appliesTo(String processKey) {
        return DegreeProcess.KEY.equals(processKey);
    }

    @Override
    public String template() {
        return "degree/support";
    }

    @Override
    public String fragment() {
        return "support";
    }

    @Override
    public Map<String, Object> model(String processInstanceId, Map<String, Object> variables) {
        Map<String, Object> facts = records.facts(processInstanceId);
        if (facts.isEmpty()) {
            return null; // a request from before the records (none in a school that started with them)
        }
        Map<String, Object> model = new HashMap<>();
        model.put("askedTuitionShare", whole(facts.get("requestedTuitionShare")));
        model.put("askedExamLeaveDays", whole(facts.get("requestedExamLeaveDays")));
        model.put("supportNote", facts.get("supportNote"));
        boolean granted = facts.containsKey("grantedTuitionShare") || facts.containsKey("grantedExamLeaveDays");
        model.put("granted", granted);
        model.put("grantedTuitionShare", granted ? whole(facts.get("grantedTuitionShare")) : null);
        model.put("grantedExamLeaveDays", granted ? whole(facts.get("grantedExamLeaveDays")) : null);
        model.put("approvalNumber", facts.get("approvalNumber"));
        model.put("officeNotes", facts.get("officeNotes"));
        return model;
    }

    private static Integer whole(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
