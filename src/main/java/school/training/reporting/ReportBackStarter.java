package school.training.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import school.training.externalstudy.TripEnded;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.records.RequestRecords;

/**
 * When an approved trip reaches its end date, the report-back starts for the same teacher, in the
 * same transaction as the trip's timer: it carries what the report needs from the request (approved
 * budget lines, dates, approval number) and the check-in deadline, 23:59 of the day of return.
 */
@Component
class ReportBackStarter {

    /** Recorded by the request's steps (the latest round of the request form, the office's registration). */
    private static final List<String> CARRIED_OVER = List.of("title", "approvalNumber", "startDate", "endDate",
            "kind", "level", "location", "budgetTransport", "budgetLodging", "budgetFees", "budgetOther");

    private final RuntimeService runtimeService;
    private final Directory directory;
    private final ReportingSettings settings;

    private final RequestRecords records;

    ReportBackStarter(RuntimeService runtimeService, Directory directory, ReportingSettings settings,
            RequestRecords records) {
        this.runtimeService = runtimeService;
        this.records = records;
        this.directory = directory;
        this.settings = settings;
    }

    @EventListener
    void tripEnded(TripEnded trip) {
        // what was approved, from the request's records; nothing a later variable change could alter
        Map<String, Object> variables = new HashMap<>(records.facts(trip.externalStudyInstanceId(), CARRIED_OVER));
        if (variables.isEmpty()) {
            // a request approved before the app kept records
            variables.putAll(runtimeService.getVariables(trip.externalStudyInstanceId(), CARRIED_OVER));
        }
        String applicant = records.applicant(trip.externalStudyInstanceId()).orElse(trip.applicant());
        LocalDate start = LocalDate.parse((String) variables.get("startDate"));
        LocalDate day = LocalDate.parse((String) variables.get("endDate"));
        variables.put("tripDays", (int) ChronoUnit.DAYS.between(start, day) + 1);
        variables.put("budgetTotal", Stream.of("budgetTransport", "budgetLodging", "budgetFees", "budgetOther")
                .map(line -> Reimbursement.yuan(variables.get(line))).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
        Person person = directory.find(applicant).orElse(null);
        variables.put("applicantName", person == null ? applicant : person.getName());
        variables.put("teachingGroupName",
                person == null || person.getTeachingGroup() == null ? "—" : person.getTeachingGroup().getName());
        variables.put("applicant", applicant);
        variables.put("externalStudyId", trip.externalStudyInstanceId());
        variables.put("teachingGroup", directory.find(applicant).map(Person::getTeachingGroup)
                .map(group -> group.getId()).orElse(null));
        variables.put("checkInDue", day.atTime(LocalTime.of(23, 59)).toString());
        variables.put("checkInReminderAt", day.atTime(settings.checkInReminderTime()).toString());
        runtimeService.startProcessInstanceByKey(ReportingProcess.KEY, trip.externalStudyInstanceId(), variables);
    }
}
