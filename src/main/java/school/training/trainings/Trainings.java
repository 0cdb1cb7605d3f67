package school.training.trainings;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import school.training.ledger.TrainingLedger;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;


/**
 * The training records' use cases, each checking who may do it. Organizers are the office (any project) and
 * the leader of the group a group-scoped project was planned for; participants see only projects they are in.
 * Anyone else asking for a project gets a 404, as if it did not exist.
 */
@Service
@Transactional(readOnly = true)
public class Trainings {

    /** The ledger source of a project's credits; the source id is the project id. */
    public static final String LEDGER_SOURCE = "trainingProject";

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Wrong sign-in codes a participant may type for one session. Six digits are a million codes: without a
     * limit a script signs anyone in from home. Kept in memory (one node); a restart forgives.
     */
    static final int MAX_WRONG_CODES = 5;
    private final Map<String, AtomicInteger> wrongCodes =
            new ConcurrentHashMap<>();

    private final TrainingProjectRepository projects;
    private final TrainingSessionRepository sessions;
    private final AttendanceRepository attendances;
    private final LeaveRequestRepository leaves;
    private final TrainingResultRepository results;
    private final Directory directory;
    private final TrainingLedger ledger;
    private final TrainingSettings settings;
    private final Clock clock;

    Trainings(TrainingProjectRepository projects, TrainingSessionRepository sessions, AttendanceRepository attendances,
            LeaveRequestRepository leaves, TrainingResultRepository results, Directory directory, TrainingLedger ledger,
            TrainingSettings settings, Clock clock) {
        this.projects = projects;
        this.sessions = sessions;
        this.attendances = attendances;
        this.leaves = leaves;
        this.results = results;
        this.directory = directory;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- the facade other modules use --------------------------------------------------------------

    /** Each project closed with its last session in [from, to] counts once: excellent or failed (pass: neither). */
    public TermTrainingRecord termRecord(String teacherId, LocalDate from, LocalDate to) {
        List<Long> excellent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (Object[] row : results.closedResultsOf(teacherId, from, to)) {
            if (row[1] == Result.EXCELLENT) {
                excellent.add((Long) row[0]);
            } else if (row[1] == Result.FAIL) {
                failed.add((Long) row[0]);
            }
        }
        return new TermTrainingRecord(excellent, failed);
    }

    /** The next sessions of the open projects this teacher takes part in, today's first. */
    public List<UpcomingSession> upcomingFor(String teacherId, int limit) {
        return sessions.upcomingFor(teacherId, LocalDate.now(clock), PageRequest.of(0, limit));
    }

    // ---- who may do what ------------------------------------------------------------------------------

    /** The office plans for anyone; a group leader for their own group; nobody else. */
    boolean mayPlan(Who user) {
        return user.office() || ledGroup(user.id()).isPresent();
    }

    boolean mayOrganize(Who user, TrainingProject project) {
        if (user.office()) {
            return true;
        }
        return project.getGroupId() != null && ledGroup(user.id()).map(TeachingGroup::getId)
                .filter(project.getGroupId()::equals).isPresent();
    }

    /** The group this person leads, if any. */
    Optional<TeachingGroup> ledGroup(String userId) {
        return directory.find(userId).map(Person::getTeachingGroup).filter(group -> userId.equals(group.getLeaderId()));
    }

    /** The project if this person organizes it or takes part; otherwise 404. */
    TrainingProject visible(Who user, Long projectId) {
        TrainingProject project = projects.findById(projectId).orElseThrow(Trainings::notFound);
        if (!mayOrganize(user, project) && !results.existsByProjectIdAndTeacherId(projectId, user.id())) {
            throw notFound();
        }
        return project;
    }

    private TrainingProject organized(Who user, Long projectId) {
        TrainingProject project = projects.findById(projectId).orElseThrow(Trainings::notFound);
        if (!mayOrganize(user, project)) {
            throw notFound();
        }
        return project;
    }

    private TrainingSession sessionOf(TrainingProject project, Long sessionId) {
        return project.getSessions().stream().filter(s -> s.getId().equals(sessionId)).findFirst()
                .orElseThrow(Trainings::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such training for you");
    }

    private static void open(TrainingProject project) {
        if (project.isClosed()) {
            throw new Refused(null, "trainings.error.closed");
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------

    Page<TrainingProject> organizedBy(Who user, Pageable page) {
        if (user.office()) {
            return projects.findAllByOrderByLastSessionDateDescIdDesc(page);
        }
        return ledGroup(user.id()).map(g -> projects.findByGroupIdOrderByLastSessionDateDescIdDesc(g.getId(), page))
                .orElse(Page.empty(page));
    }

    Page<TrainingProject> takenBy(String teacherId, Pageable page) {
        return projects.findOfParticipant(teacherId, page);
    }

    Optional<TrainingProject> plannedWith(String planToken) {
        return projects.findByPlanToken(planToken);
    }

    List<TrainingResult> participants(Long projectId) {
        return results.findByProjectIdOrderByTeacherId(projectId);
    }

    /** Attendance of a project: session id → teacher id → record. */
    Map<Long, Map<String, Attendance>> attendance(TrainingProject project) {
        Map<Long, Map<String, Attendance>> bySession = new HashMap<>();
        List<Long> ids = project.getSessions().stream().map(TrainingSession::getId).toList();
        if (!ids.isEmpty()) {
            attendances.findBySessionIdIn(ids).forEach(a -> bySession
                    .computeIfAbsent(a.getSessionId(), k -> new HashMap<>()).put(a.getTeacherId(), a));
        }
        return bySession;
    }

    List<LeaveRequest> leaves(Long projectId) {
        return leaves.findByProjectIdOrderByAskedAt(projectId);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    String nameOf(String userId) {
        return directory.nameOf(userId);
    }

    // ---- planning -------------------------------------------------------------------------------------

    /** Plans a checked plan (see {@link PlanForm#check}); the participants are fixed now. */
    @Transactional
    TrainingProject plan(Who user, PlanForm.Checked plan, String planToken) {
        if (!mayPlan(user)) {
            throw notFound();
        }
        Optional<TrainingProject> planned = planToken == null ? Optional.empty() : projects.findByPlanToken(planToken);
        if (planned.isPresent()) {
            return planned.get(); // the same page sent twice
        }
        String groupId = user.office() ? null : ledGroup(user.id()).orElseThrow().getId();
        TrainingProject project = new TrainingProject(plan.title(), plan.category(), plan.audience(),
                String.join(",", plan.groups()), groupId, user.id(), planToken);
        for (PlanForm.SessionLine line : plan.sessions()) {
            project.add(new TrainingSession(project, line.date(), line.start(), line.end(), line.place(), line.hours(),
                    "%06d".formatted(RANDOM.nextInt(1_000_000))));
        }
        projects.saveAndFlush(project);
        for (String teacher : plan.participants()) {
            results.save(new TrainingResult(project.getId(), teacher));
        }
        return project;
    }

    /** Who a plan reaches, or null with an error put in {@code errors}; a leader reaches only their group. */
    Set<String> audienceOf(Who user, Audience audience, List<String> groups, String people,
            Map<String, String> errors) {
        boolean office = user.office();
        String own = office ? null : ledGroup(user.id()).map(TeachingGroup::getId).orElse(null);
        Set<String> teachers = new LinkedHashSet<>();
        switch (audience) {
            case SCHOOL -> {
                if (!office) {
                    errors.put("audience", "trainings.error.audience.ownGroup");
                    return null;
                }
                directory.everyone().stream().filter(p -> p.getTeachingGroup() != null)
                        .forEach(p -> teachers.add(p.getId()));
            }
            case GROUPS -> {
                if (groups.isEmpty()) {
                    errors.put("groups", "trainings.error.groups");
                    return null;
                }
                for (String group : groups) {
                    if (directory.teachingGroup(group).isEmpty() || (!office && !group.equals(own))) {
                        errors.put("groups", "trainings.error.audience.ownGroup");
                        return null;
                    }
                    directory.membersOf(group).stream().filter(Person::isActive).forEach(p -> teachers.add(p.getId()));
                }
            }
            case PEOPLE -> {
                for (String id : (people == null ? "" : people).split("[\\s,，、;；]+")) {
                    if (id.isBlank()) {
                        continue;
                    }
                    Optional<Person> person = directory.find(id.strip()).filter(Person::isActive);
                    if (person.isEmpty()) {
                        errors.put("people", "trainings.error.people.unknown");
                        return null;
                    }
                    if (!office && (person.get().getTeachingGroup() == null
                            || !person.get().getTeachingGroup().getId().equals(own))) {
                        errors.put("people", "trainings.error.audience.ownGroup");
                        return null;
                    }
                    teachers.add(person.get().getId());
                }
            }
        }
        if (teachers.isEmpty()) {
            errors.put(audience == Audience.PEOPLE ? "people" : "audience", "trainings.error.audience.empty");
            return null;
        }
        return teachers;
    }

    // ---- attendance -----------------------------------------------------------------------------------

    /**
     * The organizer's roll for one session: a status per participant (missing: present), a reason for each
     * excused one. Checked whole before anything is saved; ids of non-participants are ignored.
     */
    @Transactional
    Map<String, String> takeRoll(Who user, Long projectId, Long sessionId, Map<String, AttendanceStatus> statuses,
            Map<String, String> reasons) {
        TrainingProject project = organized(user, projectId);
        open(project);
        TrainingSession session = sessionOf(project, sessionId);
        Map<String, String> errors = new HashMap<>();
        for (TrainingResult participant : participants(projectId)) {
            String teacher = participant.getTeacherId();
            if (statuses.get(teacher) == AttendanceStatus.EXCUSED && blank(reasons.get(teacher))) {
                errors.put(teacher, "trainings.error.reason");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        for (TrainingResult participant : participants(projectId)) {
            String teacher = participant.getTeacherId();
            AttendanceStatus status = statuses.getOrDefault(teacher, AttendanceStatus.PRESENT);
            String reason = status == AttendanceStatus.EXCUSED ? reasons.get(teacher).strip() : null;
            record(session.getId(), teacher, status, reason, user.id());
        }
        return errors;
    }

    /** A participant signs in with the code shown in the room, from 15 minutes before the start to the end. */
    @Transactional
    AttendanceStatus signIn(Who user, Long projectId, Long sessionId, String code) {
        TrainingProject project = visible(user, projectId);
        open(project);
        TrainingSession session = sessionOf(project, sessionId);
        if (!results.existsByProjectIdAndTeacherId(projectId, user.id())) {
            throw new Refused("code", "trainings.error.signIn.notParticipant");
        }
        LocalDateTime now = now();
        if (!session.signInOpen(now)) {
            throw new Refused("code", "trainings.error.signIn.closed");
        }
        String tries = sessionId + "/" + user.id();
        if (wrongCodes.getOrDefault(tries, new AtomicInteger()).get() >= MAX_WRONG_CODES) {
            throw new Refused("code", "trainings.error.signIn.tooManyTries");
        }
        if (code == null || !session.getSignInCode().equals(code.strip())) {
            wrongCodes.computeIfAbsent(tries, key -> new AtomicInteger()).incrementAndGet();
            throw new Refused("code", "trainings.error.signIn.code");
        }
        Optional<Attendance> existing = attendances.findBySessionIdAndTeacherId(sessionId, user.id());
        if (existing.isPresent() && existing.get().getStatus() != AttendanceStatus.ABSENT) {
            return existing.get().getStatus(); // signed in already, or the roll says so: nothing changes
        }
        // after the start the arrival is late; how late counts is a setting
        AttendanceStatus status = now.isAfter(session.start()) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
        record(sessionId, user.id(), status, null, user.id());
        return status;
    }

    private void record(Long sessionId, String teacher, AttendanceStatus status, String reason, String by) {
        Attendance attendance = attendances.findBySessionIdAndTeacherId(sessionId, teacher)
                .orElseGet(() -> new Attendance(sessionId, teacher));
        attendance.record(status, reason, by, clock.instant());
        try {
            attendances.saveAndFlush(attendance);
        } catch (DataIntegrityViolationException raced) {
            // two saves at once for a person without a record: the unique key keeps one; the page says try again
            throw new Refused(null, "trainings.error.concurrent");
        }
    }

    /** 请假: a participant asks before the session starts, once per session. */
    @Transactional
    void askLeave(Who user, Long projectId, Long sessionId, String reason) {
        TrainingProject project = visible(user, projectId);
        open(project);
        TrainingSession session = sessionOf(project, sessionId);
        if (!results.existsByProjectIdAndTeacherId(projectId, user.id())) {
            throw new Refused("reason", "trainings.error.signIn.notParticipant");
        }
        if (blank(reason)) {
            throw new Refused("reason", "trainings.error.reason");
        }
        if (reason.strip().length() > 500) {
            throw new Refused("reason", "trainings.error.tooLong");
        }
        if (!now().isBefore(session.start())) {
            throw new Refused("reason", "trainings.error.leave.late");
        }
        if (leaves.findBySessionIdAndTeacherId(sessionId, user.id()).isPresent()) {
            throw new Refused("reason", "trainings.error.leave.twice");
        }
        try {
            leaves.saveAndFlush(new LeaveRequest(projectId, sessionId, user.id(), reason.strip(), clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new Refused("reason", "trainings.error.leave.twice");
        }
    }

    /** The organizer approves (the person is excused) or refuses (absent unless the roll says present). */
    @Transactional
    void decideLeave(Who user, Long projectId, Long leaveId, boolean approve) {
        TrainingProject project = organized(user, projectId);
        open(project);
        LeaveRequest leave = leaves.findById(leaveId).filter(l -> l.getProjectId().equals(projectId))
                .orElseThrow(Trainings::notFound);
        if (leave.getStatus() != LeaveRequest.Status.PENDING) {
            throw new Refused(null, "trainings.error.leave.decided");
        }
        leave.decide(approve, user.id());
        if (approve) {
            record(leave.getSessionId(), leave.getTeacherId(), AttendanceStatus.EXCUSED, leave.getReason(), user.id());
        }
    }

    // ---- results and closing --------------------------------------------------------------------------

    @Transactional
    void recordResults(Who user, Long projectId, Map<String, Result> assessed) {
        TrainingProject project = organized(user, projectId);
        open(project);
        for (TrainingResult participant : participants(projectId)) {
            Result result = assessed.get(participant.getTeacherId());
            if (result != null) {
                participant.assess(result);
            }
        }
    }

    /**
     * Closes the project and credits each participant the hours of the sessions they attended, under the
     * project's category, dated the last session. The row lock makes a second close wait and then find it
     * closed; the ledger's unique (source, project id, teacher) makes even a retried credit count once.
     * Answers how many people were credited (0 when it was closed already).
     */
    @Transactional
    int close(Who user, Long projectId) {
        // locked before anything reads it, so this transaction sees the state the lock protects
        TrainingProject project = projects.findForUpdate(projectId).orElseThrow(Trainings::notFound);
        if (!mayOrganize(user, project)) {
            throw notFound();
        }
        if (project.isClosed()) {
            return 0;
        }
        List<TrainingResult> participants = participants(projectId);
        if (participants.stream().anyMatch(p -> p.getResult() == null)) {
            throw new Refused(null, "trainings.error.close.results");
        }
        Map<Long, Map<String, Attendance>> attendance = attendance(project);
        int credited = 0;
        for (TrainingResult participant : participants) {
            BigDecimal hours = attendedHours(project, attendance, participant.getTeacherId());
            if (hours.signum() > 0) {
                ledger.credit(participant.getTeacherId(), project.getLastSessionDate(), project.getCategory(), hours,
                        project.getTitle(), LEDGER_SOURCE, String.valueOf(projectId));
                credited++;
            }
        }
        project.close(user.id(), clock.instant());
        return credited;
    }

    /** Present: the session's hours; late: per the setting; absent, excused or no record: nothing. */
    BigDecimal attendedHours(TrainingProject project, Map<Long, Map<String, Attendance>> attendance, String teacher) {
        BigDecimal hours = BigDecimal.ZERO;
        for (TrainingSession session : project.getSessions()) {
            Attendance a = attendance.getOrDefault(session.getId(), Map.of()).get(teacher);
            if (a == null) {
                continue;
            }
            if (a.getStatus() == AttendanceStatus.PRESENT) {
                hours = hours.add(session.getHours());
            } else if (a.getStatus() == AttendanceStatus.LATE) {
                hours = hours.add(settings.lateCountsAs().of(session.getHours()));
            }
        }
        return hours;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
