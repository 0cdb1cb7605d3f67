package school.training.lessonplans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.ledger.SchoolCalendar;
import school.training.ledger.Term;
import school.training.notifications.Notifications;
import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * The monthly plans' use cases, each checking who may do it. A teacher hands in their own plans; the leader of the
 * teacher's group checks them, the principal checks a leader's own plan (and may check anyone's), nobody checks
 * their own; the office reads every group. Anyone else asking for a plan gets a 404, as if it did not exist.
 */
@Service
@Transactional(readOnly = true)
class MonthlyPlans {

    /** The archive's source of entries written when a plan is accepted; the source id is the plan id. */
    static final String ARCHIVE_SOURCE = "monthlyLessonPlan";
    static final int MAX_FILES = 5;

    private final MonthlyLessonPlanRepository plans;
    private final LessonPlanReminderRepository reminders;
    private final Directory directory;
    private final Attachments attachments;
    private final Notifications notifications;
    private final ProfessionalArchive archive;
    private final SchoolCalendar calendar;
    private final LessonPlanSettings settings;
    private final Clock clock;

    MonthlyPlans(MonthlyLessonPlanRepository plans, LessonPlanReminderRepository reminders, Directory directory,
            Attachments attachments, Notifications notifications, ProfessionalArchive archive, SchoolCalendar calendar,
            LessonPlanSettings settings, Clock clock) {
        this.plans = plans;
        this.reminders = reminders;
        this.directory = directory;
        this.attachments = attachments;
        this.notifications = notifications;
        this.archive = archive;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a teacher typed: the month (yyyy-MM), title, texts and the files already stored for them. */
    record Draft(String month, String title, String planText, String reflection, List<String> attachmentIds) {
    }

    /** A teaching month of a term with its plan (if any) and how it stands; days left for the current month. */
    record MonthCell(YearMonth month, MonthState state, MonthlyLessonPlan plan, long daysLeft) {
    }

    /** A teacher's row of the group grid. */
    record Row(Person teacher, List<MonthCell> months, long submitted, long accepted, long missing) {

        static Row of(Person teacher, List<MonthCell> months) {
            Map<String, Long> counts = counts(months);
            return new Row(teacher, months, counts.get("submitted"), counts.get("accepted"), counts.get("missing"));
        }
    }

    // ---- time ----------------------------------------------------------------------------------------

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Term currentTerm() {
        return Term.containing(today());
    }

    List<YearMonth> teachingMonths(Term term) {
        return calendar.teachingMonths(term.start(), term.end());
    }

    LessonPlanSettings settings() {
        return settings;
    }

    // ---- who may do what -----------------------------------------------------------------------------

    /** The leader of the teacher's group checks, unless that is the teacher; the principal may check anyone else. */
    boolean mayCheck(Viewer user, String teacherId) {
        if (user.id().equals(teacherId)) {
            return false;
        }
        return user.principal() || directory.leaderOf(teacherId).filter(user.id()::equals).isPresent();
    }

    boolean mayView(Viewer user, MonthlyLessonPlan plan) {
        return user.id().equals(plan.getTeacherId()) || user.office() || mayCheck(user, plan.getTeacherId());
    }

    MonthlyLessonPlan visible(Viewer user, Long id) {
        MonthlyLessonPlan plan = plans.findById(id).orElseThrow(MonthlyPlans::notFound);
        if (!mayView(user, plan)) {
            throw notFound();
        }
        return plan;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such lesson plan for you");
    }

    /** The groups whose grid this person may read: the office and the principal any, a leader their own. */
    List<TeachingGroup> groupsFor(Viewer user) {
        if (user.office() || user.principal()) {
            return directory.teachingGroups();
        }
        return ledGroup(user.id()).map(List::of).orElse(List.of());
    }

    /** The group's active members, by name. */
    List<Person> activeMembers(String groupId) {
        return directory.membersOf(groupId).stream().filter(Person::isActive).toList();
    }

    Optional<String> groupOfTeacher(String teacherId) {
        return directory.find(teacherId).map(Person::getTeachingGroup).map(TeachingGroup::getId);
    }

    Optional<TeachingGroup> ledGroup(String userId) {
        return directory.find(userId).map(Person::getTeachingGroup).filter(g -> userId.equals(g.getLeaderId()));
    }

    /** The group asked for (or the first one this person may read); 404 for a group not theirs. */
    TeachingGroup groupFor(Viewer user, String groupId) {
        List<TeachingGroup> groups = groupsFor(user);
        if (groupId == null || groupId.isBlank()) {
            return groups.stream().findFirst().orElseThrow(MonthlyPlans::notFound);
        }
        return groups.stream().filter(g -> g.getId().equals(groupId)).findFirst().orElseThrow(MonthlyPlans::notFound);
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The term's teaching months for one teacher, each with its state. */
    List<MonthCell> months(String teacherId, Term term) {
        Map<YearMonth, MonthlyLessonPlan> byMonth = new HashMap<>();
        plans.findByTeacherIdAndMonthStartBetweenOrderByMonthStart(teacherId, term.start(), term.end())
                .forEach(p -> byMonth.put(p.getMonth(), p));
        return cells(byMonth, term);
    }

    /** The group's grid: its active members (by name) × the term's teaching months, with two queries. */
    List<Row> grid(TeachingGroup group, Term term) {
        List<Person> members = activeMembers(group.getId());
        Map<String, Map<YearMonth, MonthlyLessonPlan>> byTeacher = new HashMap<>();
        if (!members.isEmpty()) {
            plans.findByTeacherIdInAndMonthStartBetween(members.stream().map(Person::getId).toList(), term.start(),
                    term.end()).forEach(p -> byTeacher.computeIfAbsent(p.getTeacherId(), t -> new HashMap<>())
                            .put(p.getMonth(), p));
        }
        return members.stream().map(p -> Row.of(p, cells(byTeacher.getOrDefault(p.getId(), Map.of()), term)))
                .toList();
    }

    private List<MonthCell> cells(Map<YearMonth, MonthlyLessonPlan> byMonth, Term term) {
        LocalDate today = today();
        YearMonth current = YearMonth.from(today);
        List<MonthCell> cells = new ArrayList<>();
        for (YearMonth month : teachingMonths(term)) {
            MonthlyLessonPlan plan = byMonth.get(month);
            cells.add(new MonthCell(month, MonthState.of(plan, month, current), plan,
                    ChronoUnit.DAYS.between(today, month.atEndOfMonth())));
        }
        return cells;
    }

    /** Counts for the top of a teacher's page: handed in, accepted, and missing (month over, not accepted). */
    static Map<String, Long> counts(List<MonthCell> months) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("submitted", months.stream().filter(m -> m.plan() != null).count());
        counts.put("accepted", months.stream().filter(m -> m.state() == MonthState.ACCEPTED).count());
        counts.put("missing", months.stream().filter(m -> m.daysLeft() < 0 && m.state() != MonthState.ACCEPTED).count());
        return counts;
    }

    /** The months a teacher may hand in now: this term's teaching months up to this one, not accepted or waiting. */
    List<YearMonth> openMonths(String teacherId) {
        return months(teacherId, currentTerm()).stream()
                .filter(m -> !m.month().isAfter(YearMonth.from(today())))
                .filter(m -> m.plan() == null || m.plan().getStatus() == PlanStatus.RETURNED)
                .map(MonthCell::month).toList();
    }

    Optional<MonthlyLessonPlan> planOf(String teacherId, YearMonth month) {
        return plans.findByTeacherIdAndMonthStart(teacherId, month.atDay(1));
    }

    /** The files of these ids the person may keep on their form: their own uploads, in the order given. */
    List<Attachment> ownFiles(Viewer user, Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(seen::add).map(attachments::find).flatMap(Optional::stream)
                .filter(a -> user.id().equals(a.getUploadedBy())).toList();
    }

    List<Attachment> files(MonthlyLessonPlan plan) {
        return plan.getAttachmentIds().stream().map(attachments::find).flatMap(Optional::stream).toList();
    }

    String nameOf(String userId) {
        return directory.nameOf(userId);
    }

    // ---- handing in ----------------------------------------------------------------------------------

    /**
     * Hands in the teacher's plan for a month of the current term up to this one (late months count once accepted),
     * or redoes a returned one in the same record. Answers the errors per field (empty: saved).
     */
    @Transactional
    Map<String, String> submit(Viewer user, Draft draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth month = month(draft.month());
        Term term = currentTerm();
        if (month == null || !teachingMonths(term).contains(month)) {
            errors.put("month", "lessonplans.error.month");
        } else if (month.isAfter(YearMonth.from(today()))) {
            errors.put("month", "lessonplans.error.future");
        }
        String title = strip(draft.title());
        String planText = strip(draft.planText());
        String reflection = strip(draft.reflection());
        List<String> files = ownFiles(user, draft.attachmentIds()).stream().map(Attachment::getId).toList();
        if (title == null) {
            errors.put("title", "lessonplans.error.title");
        } else if (title.length() > MonthlyLessonPlan.TITLE_LENGTH) {
            errors.put("title", "lessonplans.error.tooLong");
        }
        if (planText != null && planText.length() > MonthlyLessonPlan.PLAN_LENGTH) {
            errors.put("planText", "lessonplans.error.tooLong");
        } else if (planText == null && files.isEmpty()) {
            errors.put("planText", "lessonplans.error.planOrFile");
        }
        if (reflection != null && reflection.length() > MonthlyLessonPlan.REFLECTION_LENGTH) {
            errors.put("reflection", "lessonplans.error.tooLong");
        }
        if (files.size() > MAX_FILES) {
            errors.put("files", "lessonplans.error.tooManyFiles");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        MonthlyLessonPlan plan = plans.findByTeacherIdAndMonthStart(user.id(), month.atDay(1))
                .orElseGet(() -> new MonthlyLessonPlan(user.id(), month));
        if (plan.getStatus() == PlanStatus.ACCEPTED) {
            return Map.of("month", "lessonplans.error.accepted");
        }
        if (plan.getStatus() == PlanStatus.SUBMITTED) {
            return Map.of("month", "lessonplans.error.waiting");
        }
        plan.submit(title, planText, reflection, files, clock.instant());
        try {
            plans.saveAndFlush(plan);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
            // the same form sent twice at once, or the leader acting meanwhile: one wins, the page says what happened
            throw new Refused("month", "lessonplans.error.concurrent");
        }
        notifyChecker(plan);
        return Map.of();
    }

    /** Tells whoever checks the plan: the group's leader, or the principal for a leader's (or group-less) plan. */
    private void notifyChecker(MonthlyLessonPlan plan) {
        String teacher = plan.getTeacherId();
        String link = "/lesson-plans/plans/" + plan.getId();
        String name = directory.nameOf(teacher);
        Optional<String> leader = directory.leaderOf(teacher).filter(l -> !l.equals(teacher));
        if (leader.isPresent()) {
            notifications.notify(leader.get(), "lessonplans.notify.submitted", link, name, plan.getMonth().toString());
        } else {
            notifications.notifyGroup(CamundaGroups.PRINCIPAL, "lessonplans.notify.submitted", link, name,
                    plan.getMonth().toString());
        }
    }

    // ---- checking ------------------------------------------------------------------------------------

    /**
     * Accepts a waiting plan and writes it to the teacher's archive (an excellent lesson plan, and the reflection
     * when there is one), once per plan. {@code version} is what the checker saw: a plan changed since is refused.
     */
    @Transactional
    void accept(Viewer user, Long id, Long version) {
        MonthlyLessonPlan plan = checkable(user, id, version);
        plan.accept(user.id(), clock.instant());
        flush(plan);
        LocalDate date = today();
        String source = String.valueOf(plan.getId());
        archive.record(plan.getTeacherId(), date, ArchiveKind.EXCELLENT_LESSON_PLAN, plan.getTitle(),
                summary(plan.getMonth(), plan.getPlanText()), ARCHIVE_SOURCE, source);
        if (plan.getReflection() != null) {
            archive.record(plan.getTeacherId(), date, ArchiveKind.REFLECTION, plan.getTitle(),
                    summary(plan.getMonth(), plan.getReflection()), ARCHIVE_SOURCE, source);
        }
        notifications.notify(plan.getTeacherId(), "lessonplans.notify.accepted", "/lesson-plans/plans/" + plan.getId(),
                plan.getMonth().toString(), plan.getTitle());
    }

    /** Returns a waiting plan with a comment and the day it is to be redone by (today or later). */
    @Transactional
    Map<String, String> giveBack(Viewer user, Long id, Long version, String comment, String redoBy) {
        MonthlyLessonPlan plan = checkable(user, id, version);
        Map<String, String> errors = new LinkedHashMap<>();
        String text = strip(comment);
        if (text == null) {
            errors.put("comment", "lessonplans.error.comment");
        } else if (text.length() > MonthlyLessonPlan.COMMENT_LENGTH) {
            errors.put("comment", "lessonplans.error.tooLong");
        }
        LocalDate by = null;
        try {
            by = redoBy == null || redoBy.isBlank() ? null : LocalDate.parse(redoBy.strip());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (by == null) {
            errors.put("redoBy", "lessonplans.error.redoBy");
        } else if (by.isBefore(today())) {
            errors.put("redoBy", "lessonplans.error.redoByPast");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        plan.giveBack(user.id(), clock.instant(), text, by);
        flush(plan);
        notifications.notify(plan.getTeacherId(), "lessonplans.notify.returned", "/lesson-plans/plans/" + plan.getId(),
                plan.getMonth().toString(), text, by.toString());
        return Map.of();
    }

    private MonthlyLessonPlan checkable(Viewer user, Long id, Long version) {
        MonthlyLessonPlan plan = plans.findById(id).orElseThrow(MonthlyPlans::notFound);
        if (!mayCheck(user, plan.getTeacherId())) {
            // the teacher, the office or a stranger: reading is not checking
            throw mayView(user, plan) ? new ResponseStatusException(HttpStatus.FORBIDDEN, "Not yours to check")
                    : notFound();
        }
        if (plan.getStatus() != PlanStatus.SUBMITTED || (version != null && version != plan.getVersion())) {
            throw new Refused(null, "lessonplans.error.checkedMeanwhile");
        }
        return plan;
    }

    private void flush(MonthlyLessonPlan plan) {
        try {
            plans.saveAndFlush(plan);
        } catch (ConcurrencyFailureException raced) {
            throw new Refused(null, "lessonplans.error.checkedMeanwhile");
        }
    }

    private static String summary(YearMonth month, String text) {
        String body = text == null ? "" : text;
        String summary = month + (body.isEmpty() ? "" : " · " + body);
        return summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
    }

    // ---- reminding -----------------------------------------------------------------------------------

    /**
     * Reminds every active teacher (teachers and group leaders) without a waiting or accepted plan for the current
     * teaching month, from {@code remind-days-before-month-end} days before it ends; once per teacher and month,
     * recorded, so a restart or a second run the same day reminds nobody twice. Answers how many were reminded.
     */
    @Transactional
    int remind() {
        LocalDate today = today();
        YearMonth month = YearMonth.from(today);
        if (calendar.teachingMonths(today, today).isEmpty()
                || ChronoUnit.DAYS.between(today, month.atEndOfMonth()) > settings.remindDaysBeforeMonthEnd()) {
            return 0;
        }
        LocalDate start = month.atDay(1);
        Set<String> skip = new HashSet<>(plans.handedIn(start, PlanStatus.RETURNED));
        skip.addAll(reminders.remindedIn(start));
        int reminded = 0;
        for (Person teacher : directory.teaching(null, org.springframework.data.domain.Pageable.unpaged())) {
            if (!teacher.isActive() || skip.contains(teacher.getId())) {
                continue;
            }
            reminders.save(new LessonPlanReminder(teacher.getId(), start, clock.instant()));
            notifications.notify(teacher.getId(), "lessonplans.notify.reminder", "/lesson-plans", month.toString(),
                    month.atEndOfMonth().toString());
            reminded++;
        }
        return reminded;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    static YearMonth month(String text) {
        try {
            return text == null || text.isBlank() ? null : YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
