package school.training.termreview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;

import school.training.archive.ProfessionalArchive;
import school.training.ledger.TrainingLedger;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * Service task {@code prefillFacts}: what the school already knows about the teacher's term, each
 * figure traceable to its records — hours in the ledger, report-backs whose report went overdue
 * (the escalation the report-back process raised), archive entries written this term. A campaign
 * works the facts out for all its teachers at once ({@link #forTeachers}) and starts each review with
 * them; a review started without them works out its own.
 */
@Component("termReviewFacts")
class TermFacts implements JavaDelegate {

    static final String REPORT_ESCALATED = "reportEscalated";

    private final TrainingLedger ledger;
    private final ProfessionalArchive archive;
    private final HistoryService historyService;
    private final Directory directory;
    private final RubricSettings settings;
    private final TermReviewCampaignRepository campaigns;

    TermFacts(TrainingLedger ledger, ProfessionalArchive archive, HistoryService historyService, Directory directory,
            RubricSettings settings, TermReviewCampaignRepository campaigns) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.archive = archive;
        this.historyService = historyService;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String teacher = (String) execution.getVariable("applicant");
        Person person = directory.find(teacher).orElse(null);
        execution.setVariable("applicantName", person == null ? teacher : person.getName());
        execution.setVariable("teachingGroupName",
                person == null || person.getTeachingGroup() == null ? "—" : person.getTeachingGroup().getName());
        execution.setVariable("teachingGroup",
                person == null || person.getTeachingGroup() == null ? null : person.getTeachingGroup().getId());
        if (!execution.hasVariable("termHours")) {
            TermReviewCampaign campaign = campaigns.ofReview(execution.getVariable("campaignId")).orElseThrow(
                    () -> new IllegalStateException("term review " + execution.getProcessInstanceId() + " has no campaign"));
            execution.setVariables(forTeachers(List.of(teacher), campaign.getTermStart(), campaign.getTermEnd())
                    .get(teacher));
        }
    }

    /** The pre-filled facts of each teacher's term, with three queries whatever the number of teachers. */
    Map<String, Map<String, Object>> forTeachers(Collection<String> teachers, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> hours = ledger.hours(teachers, from, to);
        Map<String, Long> archived = archive.countsBetween(teachers, from, to);
        Map<String, List<String>> overdue = overdueReportBacks(teachers, from, to);
        Map<String, Map<String, Object>> facts = new HashMap<>();
        for (String teacher : teachers) {
            List<String> reports = overdue.getOrDefault(teacher, List.of());
            Map<String, Object> variables = new HashMap<>();
            variables.put("termHours", hours.getOrDefault(teacher, BigDecimal.ZERO).doubleValue());
            variables.put("requiredHours", settings.requiredHours());
            variables.put("overdueReports", reports.size());
            variables.put("overdueReportIds", String.join(",", reports));
            variables.put("archiveEntries", archived.getOrDefault(teacher, 0L).intValue());
            facts.put(teacher, variables);
        }
        return facts;
    }

    /** Report-backs whose study report went overdue during the term, by teacher. */
    private Map<String, List<String>> overdueReportBacks(Collection<String> teachers, LocalDate from, LocalDate to) {
        Date start = Date.from(from.atStartOfDay(ZoneId.systemDefault()).toInstant());
        Date end = Date.from(to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
        String[] escalated = historyService.createHistoricActivityInstanceQuery().activityId(REPORT_ESCALATED)
                .startedAfter(start).startedBefore(end).list().stream()
                .map(HistoricActivityInstance::getProcessInstanceId).distinct().toArray(String[]::new);
        if (escalated.length == 0) {
            return Map.of();
        }
        Set<String> wanted = Set.copyOf(teachers);
        return historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(escalated)
                .variableName("applicant").list().stream()
                .filter(v -> v.getTaskId() == null && wanted.contains(v.getValue()))
                .collect(Collectors.groupingBy(v -> (String) v.getValue(),
                        Collectors.mapping(v -> v.getProcessInstanceId(), Collectors.toCollection(ArrayList::new))));
    }
}
