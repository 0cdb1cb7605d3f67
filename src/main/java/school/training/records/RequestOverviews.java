package school.training.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import school.training.engine.NewTask;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * The read model of requests ({@link RequestOverview}, table {@code request_summary}): written by the
 * engine's listeners (see {@link RecordEveryStep}) in the step's own transaction, whichever client
 * drove the step, and queried by the home pages and the office dashboard, paged and filtered in the
 * database.
 */
@Component
public class RequestOverviews {

    /**
     * The longest an outside-study trip lasts, for the dashboard's trips under way: they are looked up by their start
     * within this much before today, so the lookup reads this year's trips, not every trip in the school's history.
     */
    static final Period LONGEST_TRIP = Period.ofYears(1);

    /** End events that mean the applicant took the request back, or that it was refused. */
    private static final List<String> WITHDRAWN_ENDS = List.of("requestWithdrawn", "applicationWithdrawn");
    private static final List<String> REJECTED_ENDS = List.of("requestRejected", "applicationRejected",
            "claimRejected");

    private final RequestOverviewRepository overviews;
    private final RequestRecords records;
    private final Directory directory;
    private final EntityManager entityManager;

    RequestOverviews(RequestOverviewRepository overviews, RequestRecords records, Directory directory,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.overviews = overviews;
        this.records = records;
        this.directory = directory;
    }

    // ---- written by the engine -------------------------------------------------------------------

    /** Process start listener (after the start record): applicant, name and group as they are today, the facts. */
    void started(DelegateExecution execution, Map<String, Object> startFacts) {
        String id = execution.getProcessInstanceId();
        String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        // a new instance has no overview yet (as it has no request record: RequestRecords.recordStart), and its
        // facts are those its start recorded: nothing to look for or read back
        RequestOverview overview = new RequestOverview(id, key, now());
        applicant(overview, records.applicant(id).orElse(null));
        facts(overview, startFacts);
        entityManager.persist(overview);
    }

    /** A user task or a wait (the trip's end) opened. */
    void opened(String processInstanceId, String activityId, java.util.Date due) {
        update(processInstanceId, overview -> overview.opened(activityId, now(), local(due)));
    }

    /**
     * Task create. The reimbursable total is read here, the moment the task arrives: the engine's
     * {@code computeReimbursement} set it from the records just before, in this same transaction, so
     * no client has had a chance to change it.
     */
    void taskCreated(DelegateTask task) {
        Object total = NewTask.variable(task, "reimbursableTotal");
        Object title = NewTask.variable(task, "title");
        update(task.getProcessInstanceId(), overview -> {
            if (overview.getTitle() == null && title != null) {
                // a title the process itself composed after its start (a degree application, a term
                // review): taken as it stands when the engine creates the first task, before any client acts
                overview.facts(title.toString(), overview.getStartDate(), overview.getEndDate(),
                        null);
            }
            overview.opened(task.getTaskDefinitionKey(), now(), local(task.getDueDate()));
            if (total instanceof Number amount) {
                overview.reimbursableTotal(new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP));
            }
        });
    }

    /** Task complete (after its step record) or a wait left: the step closes, the facts may have changed. */
    void closed(String processInstanceId, String activityId, boolean factsChanged) {
        update(processInstanceId, overview -> {
            overview.closed(activityId, now());
            if (factsChanged) {
                facts(overview, records.facts(processInstanceId));
            }
        });
    }

    /** An end event was reached (the process may go on: a reminder's end in an event subprocess). */
    void reachedEnd(String processInstanceId, String endActivityId) {
        update(processInstanceId, overview -> overview.reachedEnd(endActivityId));
    }

    /** Process end listener: how it ended, by the last end event reached; none when it was deleted. */
    void ended(String processInstanceId, boolean deleted) {
        update(processInstanceId, overview -> {
            String end = deleted ? null : overview.getEndActivityId();
            overview.ended(stateOf(end), end, now());
        });
    }

    /** Changes the row in the engine's transaction; a request older than the read model is left to the backfill. */
    private void update(String processInstanceId, java.util.function.Consumer<RequestOverview> change) {
        overviews.findById(processInstanceId).ifPresent(overview -> {
            change.accept(overview);
            overviews.save(overview);
        });
    }

    static RequestOverview.State stateOf(String endActivityId) {
        if (endActivityId == null || WITHDRAWN_ENDS.contains(endActivityId)) {
            return RequestOverview.State.WITHDRAWN; // deleted (cancelled) counts as taken back
        }
        return REJECTED_ENDS.contains(endActivityId) ? RequestOverview.State.REJECTED
                : RequestOverview.State.COMPLETED;
    }

    void applicant(RequestOverview overview, String applicant) {
        if (applicant == null) {
            return;
        }
        Optional<Person> person = directory.find(applicant);
        overview.applicant(applicant, person.map(Person::getName).orElse(applicant),
                person.map(Person::getTeachingGroup).map(TeachingGroup::getId).orElse(null));
    }

    static void facts(RequestOverview overview, Map<String, Object> facts) {
        // a fact not recorded (yet) keeps what the row has, e.g. a title the process composed itself
        String title = text(facts.get("title"));
        LocalDate start = date(facts.get("startDate"));
        LocalDate end = date(facts.get("endDate"));
        overview.facts(title != null ? title : overview.getTitle(), start != null ? start : overview.getStartDate(),
                end != null ? end : overview.getEndDate(), text(facts.get("approvalNumber")));
    }

    void save(RequestOverview overview) {
        overviews.save(overview);
    }

    boolean exists(String processInstanceId) {
        return overviews.existsById(processInstanceId);
    }

    List<String> existing(Collection<String> ids) {
        return overviews.byIds(ids).stream().map(RequestOverview::getProcessInstanceId).toList();
    }

    // ---- read by the pages -----------------------------------------------------------------------

    /** A person's requests, newest first, including those the school started for them. */
    @Transactional(readOnly = true)
    public Page<RequestOverview> ofApplicant(String userId, Pageable page) {
        return overviews.findByApplicant(userId, withSort(page, Sort.by(Sort.Direction.DESC, "startedAt")
                .and(Sort.by("processInstanceId"))));
    }

    @Transactional(readOnly = true)
    public Optional<RequestOverview> get(String processInstanceId) {
        return overviews.findById(processInstanceId);
    }

    /** The overviews of these requests, by id (one query; the rows of one page). */
    @Transactional(readOnly = true)
    public Map<String, RequestOverview> byIds(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, RequestOverview> byId = new java.util.HashMap<>();
        overviews.byIds(processInstanceIds).forEach(o -> byId.put(o.getProcessInstanceId(), o));
        return byId;
    }

    /**
     * The title and applicant of these requests, by id (one query for the rows of an inbox page): two columns
     * rather than whole entities, which were a tenth of a group leader's home page at 10,000 open tasks.
     */
    @Transactional(readOnly = true)
    public Map<String, RequestLabel> labelsOf(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, RequestLabel> byId = new java.util.HashMap<>();
        overviews.labelsOf(processInstanceIds).forEach(label -> byId.put(label.processInstanceId(), label));
        return byId;
    }

    /**
     * Running requests of a process waiting in one of {@code steps}, of one teaching group (null: all),
     * with an optional window on the task's due date ({@code dueFrom} inclusive, {@code dueBefore} exclusive).
     */
    @Transactional(readOnly = true)
    public Page<RequestOverview> waitingIn(String processKey, Collection<String> steps, String teachingGroupId,
            LocalDateTime dueFrom, LocalDateTime dueBefore, Pageable page) {
        return rowsOf(overviews.waitingIn(processKey, steps, teachingGroupId, dueFrom, dueBefore, page));
    }

    /** As {@link #waitingIn}, with no due window, when the caller has counted them ({@link WaitingByAge#all()}). */
    @Transactional(readOnly = true)
    public Page<RequestOverview> waitingIn(String processKey, Collection<String> steps, String teachingGroupId,
            Pageable page, long counted) {
        return rowsOf(new PageImpl<>(overviews.waitingInUncounted(processKey, steps, teachingGroupId, null, null,
                page), page, counted));
    }

    /**
     * How long the running requests of a process waiting in one of {@code steps} (of one teaching group, null:
     * all) have waited at {@code now}, counted by whole days as the dashboard's "days waiting" column counts:
     * 0, 1–2, 3–7, 8 or more. One aggregate query of the read model.
     */
    @Transactional(readOnly = true)
    public WaitingByAge waitingByAge(String processKey, Collection<String> steps, String teachingGroupId,
            Instant now) {
        Duration day = Duration.ofDays(1);
        return overviews.waitingByAge(processKey, steps, teachingGroupId, now.minus(day), now.minus(day.multipliedBy(3)),
                now.minus(day.multipliedBy(8)));
    }

    /**
     * Trips whose dates overlap: started by {@code lastStart}, ending in the window — those waiting in {@code step}
     * and those already ended at {@code endedAt} (the trip-end timer fires at the start of the last day, so a trip
     * coming back today has usually ended its approval already).
     */
    @Transactional(readOnly = true)
    public Page<RequestOverview> trips(String processKey, String step, String endedAt, String teachingGroupId,
            LocalDate lastStart, LocalDate firstEnd, LocalDate lastEnd, Pageable page) {
        return rowsOf(overviews.tripsIn(processKey, step, endedAt, teachingGroupId,
                lastStart.minus(LONGEST_TRIP), lastStart, firstEnd, lastEnd, page));
    }

    /** The rows of a page of ids, in the page's order (one query by primary key). */
    private Page<RequestOverview> rowsOf(Page<String> ids) {
        Map<String, RequestOverview> byId = byIds(ids.getContent());
        return new PageImpl<>(ids.getContent().stream().map(byId::get)
                .filter(Objects::nonNull).toList(), ids.getPageable(), ids.getTotalElements());
    }

    /**
     * The register's search: every criterion of {@code search} as a condition of one query, paged and
     * sorted as {@code page} says (the caller adds a unique last sort key so pages do not overlap).
     */
    @Transactional(readOnly = true)
    public Page<RequestOverview> search(RequestSearch search, Pageable page) {
        return overviews.findAll(RequestSearches.of(search), page);
    }

    private static Pageable withSort(Pageable page, Sort sort) {
        return page.getSort().isSorted() ? page
                : org.springframework.data.domain.PageRequest.of(page.getPageNumber(), page.getPageSize(), sort);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static LocalDateTime local(java.util.Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
