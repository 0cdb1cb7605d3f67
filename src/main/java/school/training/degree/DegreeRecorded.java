package school.training.degree;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.records.RequestRecords;
import school.training.web.LocalisedText;

/**
 * Service task {@code recordNewDegree}, once the office has verified the certificate: the teacher's
 * recorded degree rises to the target (a second degree leaves the level as it is), and the degree
 * with the support granted goes into the professional archive. Never lowers a degree; the archive
 * entry is keyed by this request, so running it again changes nothing.
 */
@Component("degreeRecorded")
class DegreeRecorded implements JavaDelegate {

    private final Directory directory;
    private final ProfessionalArchive archive;
    private final Clock clock;
    private final RequestRecords records;

    DegreeRecorded(Directory directory, ProfessionalArchive archive, Clock clock, RequestRecords records) {
        this.directory = directory;
        this.archive = archive;
        this.clock = clock;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the degree as approved and the support as granted, from the request's records
        String instance = execution.getProcessInstanceId();
        Map<String, Object> facts = records.facts(instance);
        String teacher = records.applicant(instance).orElse((String) execution.getVariable("applicant"));
        Degree target = Degree.of(facts.get("targetDegree"));
        Degree recorded = directory.find(teacher).map(p -> p.getDegree()).orElse(null);
        if (target != null && (recorded == null || target.compareTo(recorded) > 0)) {
            directory.changeDegree(teacher, target);
        }
        Object graduated = facts.get("graduationDate");
        LocalDate date = graduated == null ? LocalDate.now(clock) : LocalDate.parse(graduated.toString());
        String summary = LocalisedText.of("archive.degree.summary", LocalisedText.of("degreestats.route." + facts.get("route")),
                facts.get("institution"), facts.get("major"),
                number(facts.get("grantedTuitionShare")), number(facts.get("grantedExamLeaveDays")));
        archive.record(teacher, date, ArchiveKind.DEGREE, (String) execution.getVariable("title"), summary,
                DegreeProcess.KEY, execution.getProcessInstanceId());
    }

    private static String number(Object value) {
        return value instanceof Number n ? String.valueOf(n.intValue()) : "0";
    }
}
