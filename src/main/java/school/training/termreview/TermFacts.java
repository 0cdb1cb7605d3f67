package school.training.termreview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import school.training.archive.ProfessionalArchive;
import school.training.ledger.TrainingLedger;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * Service task {@code prefillFacts}: what the school already knows about the teacher's term, each
 * figure traceable to its records — hours in the ledger, report-backs whose report went overdue
 * (the escalation the report-back process raised), archive entries written this term.
 */
@Component("termReviewFacts")
class TermFacts implements JavaDelegate {

    static final String REPORT_ESCALATED = "reportEscalated";

    private final TrainingLedger ledger;
    private final ProfessionalArchive archive;
    private final HistoryService historyService;
    private final Directory directory;
    private final RubricSettings settings;

    TermFacts(TrainingLedger ledger, ProfessionalArchive archive, HistoryService historyService, Directory directory,
            RubricSettings settings) {
        this.ledger = ledger;
        this.archive = archive;
        this.historyService = historyService;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String teacher = (String) execution.getVariable("applicant");
        LocalDate from = LocalDate.parse((String) execution.getVariable("termStart"));
        LocalDate to = LocalDate.parse((String) execution.getVariable("termEnd"));
        Person person = directory.find(teacher).orElse(null);
        execution.setVariable("applicantName", person == null ? teacher : person.getName());
        execution.setVariable("teachingGroupName",
                person == null || person.getTeachingGroup() == null ? "—" : person.getTeachingGroup().getName());
        execution.setVariable("teachingGroup",
                person == null || person.getTeachingGroup() == null ? null : person.getTeachingGroup().getId());
        BigDecimal hours = ledger.hours(teacher, from, to);
        execution.setVariable("termHours", hours.doubleValue());
        execution.setVariable("requiredHours", settings.requiredHours());
        List<String> overdue = overdueReportBacks(teacher, from, to);
        execution.setVariable("overdueReports", overdue.size());
        execution.setVariable("overdueReportIds", String.join(",", overdue));
        execution.setVariable("archiveEntries", (int) archive.entriesOf(teacher).stream()
                .filter(entry -> !entry.getDate().isBefore(from) && !entry.getDate().isAfter(to)).count());
    }

    /** Report-backs of this teacher whose study report went overdue during the term. */
    List<String> overdueReportBacks(String teacher, LocalDate from, LocalDate to) {
        Date start = Date.from(from.atStartOfDay(ZoneId.systemDefault()).toInstant());
        Date end = Date.from(to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
        List<String> reportBacks = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey("postStudyReport").variableValueEquals("applicant", teacher).list().stream()
                .map(HistoricProcessInstance::getId).toList();
        return reportBacks.stream().filter(id -> historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(id).activityId(REPORT_ESCALATED).startedAfter(start).startedBefore(end).count() > 0)
                .toList();
    }
}
