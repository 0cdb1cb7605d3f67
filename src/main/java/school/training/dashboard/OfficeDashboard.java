package school.training.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.externalstudy.ExternalStudyProcess;
import school.training.people.Directory;
import school.training.people.TeachingGroup;
import school.training.records.OverviewChanges;
import school.training.records.RequestOverview;
import school.training.records.RequestOverviews;
import school.training.records.WaitingByAge;
import school.training.reporting.ReportingProcess;
import school.training.tasklist.Inbox;
import school.training.web.CountedPage;

/**
 * The dashboard's queries. Each section is one paged query of the request read model
 * ({@link RequestOverviews}), filtered and sorted in the database by process, waiting step, teaching
 * group, trip dates and due date; for the rows of a page, one query of their open tasks ({@link Inbox#openTasksOf})
 * (who holds the task, since when) and one query for those people's names. No process variable is read:
 * what a page shows was recorded by the request's own steps. "Today" and "now" are the app's clock,
 * which follows the engine's.
 */
@Service
class OfficeDashboard {

    /** The wait state of an approved, registered trip until its end date. */
    static final String TRIP_ENDS = "tripEnds";
    /** Rows on one page of a section. */
    static final int PAGE_SIZE = 50;
    /** Rows per query when a CSV streams a whole section. */
    static final int EXPORT_CHUNK = 500;

    private static final List<String> APPROVAL_STEPS = List.of(ExternalStudyProcess.LEADER_REVIEW,
            ExternalStudyProcess.PRINCIPAL_APPROVAL, ExternalStudyProcess.OFFICE_REGISTRATION);

    private final RequestOverviews overviews;
    private final Inbox inbox;
    private final Directory directory;
    private final Clock clock;
    private final Duration countsFreshFor;
    /** The approvals' ages by scope ("" the school, else a group's id), as last counted. */
    private final Map<String, Counted> ages = new ConcurrentHashMap<>();

    OfficeDashboard(RequestOverviews overviews, Inbox inbox, Directory directory, Clock clock,
            @Value("${training.dashboard.counts-fresh-for:10s}") Duration countsFreshFor) {
        this.overviews = overviews;
        this.inbox = inbox;
        this.directory = directory;
        this.clock = clock;
        this.countsFreshFor = countsFreshFor;
    }

    /** A count, with when and at which state of the read model ({@link OverviewChanges}) it was made. */
    private record Counted(WaitingByAge ages, Instant at, long changes) {

        boolean stillTrue(Instant now, long changesNow, Duration freshFor) {
            return changes == changesNow && !now.isBefore(at) && now.isBefore(at.plus(freshFor));
        }
    }

    /** One page of a section: its rows, and how many there are in all. */
    record Slice(Section section, List<DashboardRow> rows, long total, int page, int size) implements CountedPage {
    }

    /**
     * Every section's page, the approvals by how long they have waited (which also counts them), and the school's
     * teaching groups as read for the rows (the page's group filter lists them).
     */
    record Board(List<Slice> slices, WaitingByAge approvalAges, List<TeachingGroup> groups) {
    }

    /**
     * Every section's first page (and {@code shown} on page {@code page}) for the school ({@code groupId} null) or a
     * group, read in one transaction: the same moment of the read model for every section.
     */
    @Transactional(readOnly = true)
    Board board(String groupId, Section shown, int page) {
        List<TeachingGroup> teachingGroups = directory.teachingGroups();
        Map<String, TeachingGroup> groups = byId(teachingGroups);
        WaitingByAge ages = approvalAges(groupId);
        Map<Section, Page<RequestOverview>> found = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            found.put(section, found(section, groupId,
                    PageRequest.of(section == shown ? Math.max(0, page) : 0, PAGE_SIZE), ages));
        }
        return new Board(slices(found, groups), ages, teachingGroups);
    }

    /**
     * The approvals section's requests (all of them, not one page) by how long they have waited, in the bands of
     * {@link WaitingByAge}: one aggregate query of the read model, whatever the number of requests. That query
     * still reads every waiting request, so its answer is kept for a few seconds
     * ({@code training.dashboard.counts-fresh-for}) while no request changes on this node: a full office
     * refreshing the dashboard then counts once, and whoever has just decided a request sees it counted at once.
     */
    WaitingByAge approvalAges(String groupId) {
        String scope = groupId == null ? "" : groupId;
        Instant now = clock.instant();
        long changes = OverviewChanges.now();
        Counted last = ages.get(scope);
        if (last != null && last.stillTrue(now, changes, countsFreshFor)) {
            return last.ages();
        }
        // counted once while the others wait for it: when a count goes stale under a full office, every open page
        // would otherwise read all waiting requests at the same moment (a fifth of the page's time at 8 users);
        // a count made meanwhile at this state of the read model will do, even if its clock read came after ours
        return ages.compute(scope, (key, meanwhile) -> meanwhile != null && (meanwhile.stillTrue(now, changes,
                countsFreshFor) || meanwhile != last && meanwhile.changes() == changes) ? meanwhile
                : new Counted(overviews.waitingByAge(ExternalStudyProcess.KEY, APPROVAL_STEPS, groupId, now), now,
                        changes)).ages();
    }

    Slice page(Section section, String groupId, int page) {
        return slice(section, groupId, PageRequest.of(Math.max(0, page), PAGE_SIZE), groups());
    }

    /** Every row of a section, a chunk at a time (for the CSV export). */
    void forEachChunk(Section section, String groupId, Consumer<List<DashboardRow>> chunk) {
        Map<String, TeachingGroup> groups = groups();
        for (int page = 0;; page++) {
            Slice slice = slice(section, groupId, PageRequest.of(page, EXPORT_CHUNK), groups);
            if (!slice.rows().isEmpty()) {
                chunk.accept(slice.rows());
            }
            if (!slice.hasNext()) {
                return;
            }
        }
    }

    /** Every row of a section (tests; the pages use {@link #page}). */
    List<DashboardRow> rows(Section section, String groupId) {
        List<DashboardRow> rows = new ArrayList<>();
        forEachChunk(section, groupId, rows::addAll);
        return rows;
    }

    private Slice slice(Section section, String groupId, Pageable page, Map<String, TeachingGroup> groups) {
        return slices(Map.of(section, found(section, groupId, page, null)), groups).get(0);
    }

    /** One page of a section's requests; the approvals' count comes with their ages when {@code ages} is given. */
    private Page<RequestOverview> found(Section section, String groupId, Pageable page, WaitingByAge ages) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        Sort byTrip = Sort.by("endDate", "applicantName", "processInstanceId");
        Sort byDue = Sort.by("due", "processInstanceId");
        // longest waiting first, in the order of the index request_summary_waiting (its leading columns are fixed by
        // the query), so a page is read off the index instead of sorting every waiting request
        Sort bySince = Sort.by("processKey", "state", "waitingSince", "step", "processInstanceId");
        return switch (section) {
            case UNDER_WAY -> overviews.trips(ExternalStudyProcess.KEY, TRIP_ENDS, ExternalStudyProcess.END_TRIP_ENDED,
                    groupId, today, today,
                    LocalDate.of(9999, 12, 31), sorted(page, byTrip));
            case RETURNING_TODAY -> overviews.trips(ExternalStudyProcess.KEY, TRIP_ENDS, ExternalStudyProcess.END_TRIP_ENDED,
                    groupId, today, today, today,
                    sorted(page, byTrip));
            case CHECK_INS_TODAY -> overviews.waitingIn(ReportingProcess.KEY, List.of(ReportingProcess.RETURN_CHECK_IN),
                    groupId, today.atStartOfDay(), today.plusDays(1).atStartOfDay(), sorted(page, byDue));
            case OVERDUE -> overviews.waitingIn(ReportingProcess.KEY, List.of(ReportingProcess.RETURN_CHECK_IN,
                    ReportingProcess.SUBMIT_REPORT), groupId, null, now, sorted(page, byDue));
            case REVIEWS -> overviews.waitingIn(ReportingProcess.KEY, List.of(ReportingProcess.REVIEW_REPORT), groupId,
                    null, null, sorted(page, bySince));
            case REIMBURSEMENTS -> overviews.waitingIn(ReportingProcess.KEY,
                    List.of(ReportingProcess.SETTLE_REIMBURSEMENT), groupId, null, null, sorted(page, bySince));
            case APPROVALS -> ages != null
                    ? overviews.waitingIn(ExternalStudyProcess.KEY, APPROVAL_STEPS, groupId, sorted(page, bySince),
                            ages.all())
                    : overviews.waitingIn(ExternalStudyProcess.KEY, APPROVAL_STEPS, groupId, null, null,
                            sorted(page, bySince));
        };
    }

    /**
     * The rows of these pages of requests: the open tasks of all of them in one query, and whoever holds those
     * named in one more, whatever the number of sections.
     */
    private List<Slice> slices(Map<Section, Page<RequestOverview>> found, Map<String, TeachingGroup> groups) {
        List<String> waiting = found.entrySet().stream().filter(e -> days(e.getKey()) != null)
                .flatMap(e -> e.getValue().getContent().stream()).map(RequestOverview::getProcessInstanceId)
                .distinct().toList();
        Map<String, Task> taskOf = new HashMap<>();
        for (Task task : inbox.openTasksOf(waiting)) {
            taskOf.merge(task.getProcessInstanceId(), task, (a, b) -> a.getCreateTime().after(b.getCreateTime()) ? a : b);
        }
        Map<String, String> names = directory.namesOf(taskOf.values().stream().map(Task::getAssignee)
                .filter(a -> a != null).collect(Collectors.toSet()));
        List<Slice> slices = new ArrayList<>();
        found.forEach((section, page) -> {
            Days days = days(section);
            List<DashboardRow> rows = days == null
                    ? page.getContent().stream().map(o -> trip(o, groups)).toList()
                    : tasks(page.getContent(), groups, days, taskOf, names);
            slices.add(new Slice(section, rows, page.getTotalElements(), page.getNumber(), page.getSize()));
        });
        return slices;
    }

    private static Pageable sorted(Pageable page, Sort sort) {
        return PageRequest.of(page.getPageNumber(), page.getPageSize(), sort);
    }

    private enum Days {
        NONE, OVERDUE, WAITING
    }

    /** What a section's "days" column counts; null for the trips, which show no waiting step. */
    private static Days days(Section section) {
        return switch (section) {
            case UNDER_WAY, RETURNING_TODAY -> null;
            case CHECK_INS_TODAY, REIMBURSEMENTS -> Days.NONE;
            case OVERDUE -> Days.OVERDUE;
            case REVIEWS, APPROVALS -> Days.WAITING;
        };
    }

    private DashboardRow trip(RequestOverview overview, Map<String, TeachingGroup> groups) {
        return DashboardRow.trip(overview.getProcessInstanceId(), overview.getApplicant(),
                overview.getApplicantName(), overview.getTeachingGroupId() == null ? null
                        : groups.get(overview.getTeachingGroupId()),
                overview.getTitle(), overview.getStartDate(), overview.getEndDate());
    }

    /** The rows of one page of requests waiting in a step, with their tasks and holders' names as read. */
    private List<DashboardRow> tasks(List<RequestOverview> page, Map<String, TeachingGroup> groups, Days days,
            Map<String, Task> taskOf, Map<String, String> names) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        List<DashboardRow> rows = new ArrayList<>();
        for (RequestOverview overview : page) {
            Task task = taskOf.get(overview.getProcessInstanceId());
            LocalDateTime due = task != null ? local(task.getDueDate()) : overview.getDue();
            LocalDateTime since = task != null ? local(task.getCreateTime())
                    : overview.getWaitingSince() == null ? null
                            : LocalDateTime.ofInstant(overview.getWaitingSince(), zone());
            Long count = switch (days) {
                case OVERDUE -> due == null ? null : Math.max(0, ChronoUnit.DAYS.between(due.toLocalDate(), today));
                case WAITING -> since == null ? null : ChronoUnit.DAYS.between(since, now);
                case NONE -> null;
            };
            String assignee = task == null || task.getAssignee() == null ? null : names.get(task.getAssignee());
            rows.add(trip(overview, groups).withTask(overview.getStep(), due, since, count,
                    overview.getReimbursableTotal(), assignee));
        }
        return rows;
    }

    /** Teaching groups by id, once per page. */
    private Map<String, TeachingGroup> groups() {
        return byId(directory.teachingGroups());
    }

    private static Map<String, TeachingGroup> byId(List<TeachingGroup> groups) {
        return groups.stream().collect(Collectors.toMap(TeachingGroup::getId, g -> g));
    }

    Set<String> groupIds() {
        return groups().keySet();
    }

    private LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), zone());
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
