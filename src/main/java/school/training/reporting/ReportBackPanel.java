package school.training.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import school.training.externalstudy.ExternalStudyProcess;
import school.training.tasklist.RequestPanel;
import school.training.tasklist.Requests;

/** On an outside-study request whose trip is over: a link to its report-back and where that stands. */
@Component
class ReportBackPanel implements RequestPanel {

    private final HistoryService historyService;
    private final Requests requests;
    private final Clock clock;

    ReportBackPanel(HistoryService historyService, Requests requests, Clock clock) {
        this.historyService = historyService;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public boolean appliesTo(String processKey) {
        return ExternalStudyProcess.KEY.equals(processKey);
    }

    @Override
    public String template() {
        return "reporting/panels";
    }

    @Override
    public String fragment() {
        return "reportBack";
    }

    @Override
    public Map<String, Object> model(String processInstanceId, Map<String, Object> variables) {
        if (variables.get("approvalNumber") == null || beforeItsDay(variables.get("reportBackStartsAt"))) {
            // not registered yet, or the trip has not ended (the office's page suggests a number before it
            // registers): no report-back to look for
            return null;
        }
        HistoricProcessInstance reportBack = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReportingProcess.KEY).processInstanceBusinessKey(processInstanceId).singleResult();
        if (reportBack == null) {
            return null;
        }
        return requests.find(reportBack.getId())
                .<Map<String, Object>>map(summary -> Map.of("id", summary.id(), "state", summary.state())).orElse(null);
    }

    /** A report-back starts on the day its trip ends ({@code reportBackStartsAt}, the timer's date): not before. */
    private boolean beforeItsDay(Object startsAt) {
        if (!(startsAt instanceof String text)) {
            return false;
        }
        try {
            return LocalDateTime.parse(text).toLocalDate().isAfter(LocalDate.now(clock));
        } catch (DateTimeParseException e) {
            return false; // a date we cannot read: look for the report-back as before
        }
    }
}
