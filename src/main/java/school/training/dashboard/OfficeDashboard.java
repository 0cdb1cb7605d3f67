package school.training.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

import school.training.externalstudy.ExternalStudyProcess;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;
import school.training.reporting.ReportingProcess;

/**
 * The dashboard's queries. Each list is one engine query narrowed by process, step, due date and (for
 * the report-back, which carries {@code teachingGroup}) the teaching group, then one variable query
 * for all its instances together; who belongs to which group comes from the directory once per call.
 * "Today" and "now" are the app's clock, which follows the engine's.
 */
@Service
class OfficeDashboard {

    /** The wait state of an approved, registered trip until its end date. */
    static final String TRIP_ENDS = "tripEnds";

    private static final List<String> VARIABLES = List.of("applicant", "applicantName", "title", "startDate",
            "endDate", "reimbursableTotal");
    private static final int CHUNK = 500;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Directory directory;
    private final Clock clock;

    OfficeDashboard(RuntimeService runtimeService, TaskService taskService, Directory directory, Clock clock) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.directory = directory;
        this.clock = clock;
    }

    /** Every section for the whole school ({@code groupId} null) or one teaching group. */
    Map<Section, List<DashboardRow>> board(String groupId) {
        Map<String, TeachingGroup> groups = groupsByPerson();
        Map<Section, List<DashboardRow>> board = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            board.put(section, rows(section, groupId, groups));
        }
        return board;
    }

    List<DashboardRow> rows(Section section, String groupId) {
        return rows(section, groupId, groupsByPerson());
    }

    private List<DashboardRow> rows(Section section, String groupId, Map<String, TeachingGroup> groups) {
        LocalDate today = LocalDate.now(clock);
        String day = today.toString();
        return switch (section) {
            case UNDER_WAY -> trips(tripsWaiting().variableValueLessThanOrEqual("startDate", day)
                    .variableValueGreaterThanOrEqual("endDate", day), groupId, groups);
            case RETURNING_TODAY -> trips(tripsWaiting().variableValueEquals("endDate", day), groupId, groups);
            case CHECK_INS_TODAY -> tasks(reportBackTasks(groupId, ReportingProcess.RETURN_CHECK_IN)
                    .dueAfter(date(today.atStartOfDay().minusSeconds(1)))
                    .dueBefore(date(today.plusDays(1).atStartOfDay())).orderByDueDate().asc(), groupId, groups,
                    Days.NONE);
            case OVERDUE -> tasks(reportBackTasks(groupId, ReportingProcess.RETURN_CHECK_IN,
                    ReportingProcess.SUBMIT_REPORT).dueBefore(Date.from(clock.instant())).orderByDueDate().asc(),
                    groupId, groups, Days.OVERDUE);
            case REVIEWS -> tasks(reportBackTasks(groupId, ReportingProcess.REVIEW_REPORT).orderByTaskCreateTime()
                    .asc(), groupId, groups, Days.WAITING);
            case REIMBURSEMENTS -> tasks(reportBackTasks(groupId, ReportingProcess.SETTLE_REIMBURSEMENT)
                    .orderByTaskCreateTime().asc(), groupId, groups, Days.NONE);
            case APPROVALS -> tasks(taskService.createTaskQuery().processDefinitionKey(ExternalStudyProcess.KEY)
                    .taskDefinitionKeyIn(ExternalStudyProcess.LEADER_REVIEW, ExternalStudyProcess.PRINCIPAL_APPROVAL,
                            ExternalStudyProcess.OFFICE_REGISTRATION)
                    .orderByTaskCreateTime().asc(), groupId, groups, Days.WAITING);
        };
    }

    private enum Days {
        NONE, OVERDUE, WAITING
    }

    private ProcessInstanceQuery tripsWaiting() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ExternalStudyProcess.KEY)
                .activityIdIn(TRIP_ENDS);
    }

    /** The report-back carries its teaching group, so the engine filters by group. */
    private TaskQuery reportBackTasks(String groupId, String... steps) {
        TaskQuery query = taskService.createTaskQuery().processDefinitionKey(ReportingProcess.KEY)
                .taskDefinitionKeyIn(steps);
        return groupId == null ? query : query.processVariableValueEquals("teachingGroup", groupId);
    }

    private List<DashboardRow> trips(ProcessInstanceQuery query, String groupId, Map<String, TeachingGroup> groups) {
        List<ProcessInstance> instances = query.list();
        Map<String, Map<String, Object>> variables = variables(
                instances.stream().map(ProcessInstance::getId).toList());
        List<DashboardRow> rows = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            DashboardRow row = row(instance.getId(), variables, groups);
            if (inGroup(groupId).test(row)) {
                rows.add(row);
            }
        }
        rows.sort(java.util.Comparator.comparing(DashboardRow::endDate, java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())).thenComparing(DashboardRow::teacherName,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return rows;
    }

    private List<DashboardRow> tasks(TaskQuery query, String groupId, Map<String, TeachingGroup> groups, Days days) {
        List<Task> tasks = query.list();
        Map<String, Map<String, Object>> variables = variables(
                tasks.stream().map(Task::getProcessInstanceId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, String> names = new HashMap<>();
        List<DashboardRow> rows = new ArrayList<>();
        for (Task task : tasks) {
            DashboardRow row = row(task.getProcessInstanceId(), variables, groups);
            if (!inGroup(groupId).test(row)) {
                continue; // externalStudy has no group variable; the directory decides
            }
            LocalDateTime due = local(task.getDueDate());
            LocalDateTime since = local(task.getCreateTime());
            Long count = switch (days) {
                case OVERDUE -> due == null ? null : Math.max(0, ChronoUnit.DAYS.between(due.toLocalDate(), today));
                case WAITING -> since == null ? null : ChronoUnit.DAYS.between(since, now);
                case NONE -> null;
            };
            Object total = variables.getOrDefault(task.getProcessInstanceId(), Map.of()).get("reimbursableTotal");
            BigDecimal amount = total instanceof Number n
                    ? new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP) : null;
            String assignee = task.getAssignee() == null ? null
                    : names.computeIfAbsent(task.getAssignee(), directory::nameOf);
            rows.add(row.withTask(task.getTaskDefinitionKey(), due, since, count, amount, assignee));
        }
        return rows;
    }

    private DashboardRow row(String instanceId, Map<String, Map<String, Object>> variables,
            Map<String, TeachingGroup> groups) {
        Map<String, Object> values = variables.getOrDefault(instanceId, Map.of());
        String applicant = (String) values.get("applicant");
        Object name = values.get("applicantName");
        return DashboardRow.trip(instanceId, applicant, name == null ? directory.nameOf(applicant) : name.toString(),
                applicant == null ? null : groups.get(applicant), (String) values.get("title"),
                date(values.get("startDate")), date(values.get("endDate")));
    }

    private static Predicate<DashboardRow> inGroup(String groupId) {
        return row -> groupId == null || groupId.equals(row.groupId());
    }

    /** The variables the lists show, for all instances in one query per few hundred instances. */
    private Map<String, Map<String, Object>> variables(List<String> instanceIds) {
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (int from = 0; from < instanceIds.size(); from += CHUNK) {
            String[] ids = instanceIds.subList(from, Math.min(instanceIds.size(), from + CHUNK)).toArray(String[]::new);
            for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
                    .variableNameIn(VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
                // process-level values only: a local variable of the same name on a task or branch is not the request's
                if (v.getTaskId() == null && v.getProcessInstanceId().equals(v.getExecutionId())) {
                    variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(),
                            v.getValue());
                }
            }
        }
        return variables;
    }

    /** Person id → teaching group, for the whole school at once (one query per group, not per row). */
    private Map<String, TeachingGroup> groupsByPerson() {
        Map<String, TeachingGroup> groups = new HashMap<>();
        for (TeachingGroup group : directory.teachingGroups()) {
            for (Person person : directory.membersOf(group.getId())) {
                groups.put(person.getId(), group);
            }
        }
        return groups;
    }

    Set<String> groupIds() {
        return directory.teachingGroups().stream().map(TeachingGroup::getId).collect(Collectors.toSet());
    }

    private LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), zone());
    }

    private Date date(LocalDateTime time) {
        return Date.from(time.atZone(zone()).toInstant());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
