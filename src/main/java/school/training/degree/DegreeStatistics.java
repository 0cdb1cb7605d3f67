package school.training.degree;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Employment;
import school.training.people.Person;
import school.training.people.Role;
import school.training.people.TeachingGroup;
import school.training.records.RequestOverview;
import school.training.records.RequestOverviews;
import school.training.records.RequestRecords;
import school.training.records.StepRecord;

/**
 * School-wide degree statistics (学历统计), live from the directory and the engine: per teaching group and
 * for the whole school, how many full-time teachers (role teacher or group leader; the principal, the
 * office and admins are not counted) hold which degree, the share with a bachelor's degree or higher
 * against the target ({@code training.degree.bachelor-target-percent}, seed 98%), and who is studying
 * (a degree upgrade registered by the office, waiting for completion or for the certificate check) and
 * when they are due. Read-only; "today" is the app's clock, which follows the engine's.
 */
@Service
public class DegreeStatistics {

    /** The row of teachers without a teaching group, shown only when there are any. */
    public static final String NO_GROUP = "none";
    /** The whole-school row's id (in pages: {@code data-group="school"}). */
    public static final String SCHOOL = "school";

    private static final Set<Role> FULL_TIME_TEACHERS = Set.of(Role.TEACHER, Role.GROUP_LEADER);
    private static final List<String> STUDYING_STEPS = List.of(DegreeProcess.SUBMIT_COMPLETION,
            DegreeProcess.VERIFY_CERTIFICATE);

    private final Directory directory;
    private final RequestOverviews overviews;
    private final RequestRecords records;
    private final Clock clock;
    private final BigDecimal targetPercent;

    DegreeStatistics(Directory directory, RequestOverviews overviews, RequestRecords records, Clock clock,
            @Value("${training.degree.bachelor-target-percent:98}") BigDecimal targetPercent) {
        this.directory = directory;
        this.overviews = overviews;
        this.records = records;
        this.clock = clock;
        this.targetPercent = targetPercent;
    }

    /**
     * One row per teaching group (only the requested one when {@code teachingGroupIdOrNull} names a group)
     * and the whole-school row, which is always the whole school so a group can be compared with it.
     */
    public Overview overview(String teachingGroupIdOrNull) {
        Map<String, List<Person>> byGroup = new LinkedHashMap<>();
        Map<String, TeachingGroup> groups = new LinkedHashMap<>();
        for (TeachingGroup group : directory.teachingGroups()) {
            groups.put(group.getId(), group);
            byGroup.put(group.getId(), new ArrayList<>());
        }
        List<Person> school = new ArrayList<>();
        for (Person person : directory.everyone()) {
            // seed 003 §三3 counts full-time teachers: not the principal or the office, not part-time staff
            if (!FULL_TIME_TEACHERS.contains(person.getRole()) || person.getEmployment() != Employment.FULL_TIME) {
                continue;
            }
            school.add(person);
            String groupId = person.getTeachingGroup() == null ? NO_GROUP : person.getTeachingGroup().getId();
            byGroup.computeIfAbsent(groupId, id -> new ArrayList<>()).add(person);
        }
        List<Row> rows = new ArrayList<>();
        byGroup.forEach((groupId, members) -> {
            if (NO_GROUP.equals(groupId) && members.isEmpty()) {
                return;
            }
            if (teachingGroupIdOrNull == null || teachingGroupIdOrNull.equals(groupId)) {
                TeachingGroup group = groups.get(groupId);
                rows.add(row(groupId, group == null ? null : group.getName(), group == null ? null : group.getNameEn(),
                        members));
            }
        });
        return new Overview(List.copyOf(rows), row(SCHOOL, null, null, school), targetPercent);
    }

    private Row row(String id, String name, String nameEn, List<Person> members) {
        Map<Degree, Integer> counts = new EnumMap<>(Degree.class);
        for (Degree degree : Degree.values()) {
            counts.put(degree, 0);
        }
        int unknown = 0;
        int atLeastBachelor = 0;
        for (Person person : members) {
            Degree degree = person.getDegree();
            if (degree == null) {
                unknown++;
            } else {
                counts.merge(degree, 1, Integer::sum);
                if (degree.atLeastBachelor()) {
                    atLeastBachelor++;
                }
            }
        }
        int teachers = members.size();
        BigDecimal share = teachers == 0 ? null
                : BigDecimal.valueOf(atLeastBachelor * 100L).divide(BigDecimal.valueOf(teachers), 1, RoundingMode.HALF_UP);
        // exact comparison, not the rounded share: 97.96% shows as 98.0 but does not meet 98
        boolean met = teachers > 0
                && BigDecimal.valueOf(atLeastBachelor * 100L).compareTo(targetPercent.multiply(BigDecimal.valueOf(teachers))) >= 0;
        return new Row(id, name, nameEn, teachers, Collections.unmodifiableMap(counts), unknown, atLeastBachelor, share,
                met);
    }

    /**
     * Who is studying (the whole school, or one teaching group), the earliest due first: the requests
     * waiting in a studying step from the request read model (filtered by group in the database), their
     * facts from the step records in one query — never process variables a later task could change.
     */
    public List<Studying> studying(String teachingGroupIdOrNull) {
        LocalDate today = LocalDate.now(clock);
        List<RequestOverview> waiting = new ArrayList<>();
        for (int page = 0;; page++) {
            var found = overviews.waitingIn(DegreeProcess.KEY, STUDYING_STEPS, teachingGroupIdOrNull, null, null,
                    PageRequest.of(page, 500, Sort.by("processInstanceId")));
            waiting.addAll(found.getContent());
            if (!found.hasNext()) {
                break;
            }
        }
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<String, List<Map<String, Object>>> rounds = new HashMap<>();
        for (StepRecord step : records.steps(waiting.stream().map(RequestOverview::getProcessInstanceId).toList())) {
            rounds.computeIfAbsent(step.getProcessInstanceId(), id -> new ArrayList<>()).add(records.values(step));
        }
        Map<String, TeachingGroup> groups = new HashMap<>();
        directory.teachingGroups().forEach(g -> groups.put(g.getId(), g));
        List<Studying> studying = new ArrayList<>();
        for (RequestOverview request : waiting) {
            String instanceId = request.getProcessInstanceId();
            String step = request.getStep();
            Map<String, Object> v = new HashMap<>();
            Object expected = null;
            for (Map<String, Object> round : rounds.getOrDefault(instanceId, List.of())) {
                v.putAll(round);
                if (round.containsKey("expectedCompletion")) {
                    expected = round.get("expectedCompletion");
                }
                // an extension (extendStudy) makes the new date the due one
                if ("extend".equals(round.get("completionStatus")) && round.get("newExpectedCompletion") != null) {
                    expected = round.get("newExpectedCompletion");
                }
            }
            String applicant = request.getApplicant();
            String groupId = request.getTeachingGroupId();
            TeachingGroup group = groupId == null ? null : groups.get(groupId);
            LocalDate due = date(expected);
            boolean overdue = DegreeProcess.SUBMIT_COMPLETION.equals(step) && due != null && due.isBefore(today);
            String name = request.getApplicantName() != null ? request.getApplicantName() : directory.nameOf(applicant);
            studying.add(new Studying(instanceId, applicant, name, groupId, group == null ? null : group.getName(),
                    group == null ? null : group.getNameEn(), Degree.of(v.get("targetDegree")), text(v.get("route")),
                    text(v.get("institution")), text(v.get("major")), due, overdue, step));
        }
        studying.sort(Comparator.comparing(Studying::expectedCompletion, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Studying::teacherName, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(studying);
    }

    public BigDecimal targetPercent() {
        return targetPercent;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param groups one row per teaching group (and one for teachers without a group, if any)
     * @param school the whole school
     * @param targetPercent the target share with a bachelor's degree or higher
     */
    public record Overview(List<Row> groups, Row school, BigDecimal targetPercent) {
    }

    /**
     * One line of the distribution.
     *
     * @param groupId a teaching group's id, {@link #NO_GROUP} or {@link #SCHOOL}
     * @param bachelorShare percent with a bachelor's degree or higher, one decimal; null without teachers
     * @param targetMet whether that share (unrounded) reaches the target
     */
    public record Row(String groupId, String groupName, String groupNameEn, int teachers, Map<Degree, Integer> counts,
            int unknown, int atLeastBachelor, BigDecimal bachelorShare, boolean targetMet) {

        public int count(Degree degree) {
            return counts.getOrDefault(degree, 0);
        }

        public boolean isSchool() {
            return SCHOOL.equals(groupId);
        }
    }

    /**
     * A teacher studying for a degree.
     *
     * @param overdue still waiting for completion while the expected completion date is before today
     * @param step {@code submitCompletion} (studying) or {@code verifyCertificate} (certificate handed in)
     */
    public record Studying(String processInstanceId, String teacherId, String teacherName, String groupId,
            String groupName, String groupNameEn, Degree targetDegree, String route, String institution, String major,
            LocalDate expectedCompletion, boolean overdue, String step) {
    }
}
