package school.training.observations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.ledger.Term;
import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;
import school.training.people.TeachingGroup;
import school.training.research.ActivityTally;
import school.training.research.ResearchActivities;
import school.training.web.LocalisedText;

/**
 * What the observation pages do, and who may: the observer records and edits their own observations; the
 * observed teacher reads what was said about her lessons; a person's group leader, the principal and the
 * office read anyone's (leaders only their group's). Everyone else gets "not found", whatever the id.
 */
@Service
class ObservationRecords {

    static final String ARCHIVE_SOURCE = "lessonObservation";
    /** Names in the order a Chinese school lists them (by pinyin), not by code point. */
    private static final Comparator<Person> BY_NAME = Comparator.comparing(Person::getName,
            java.text.Collator.getInstance(java.util.Locale.CHINA));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final LessonObservationRepository observations;
    private final ObservationQuotas quotas;
    private final Directory directory;
    private final ProfessionalArchive archive;
    private final Notifications notifications;
    private final ResearchActivities research;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ObservationRecords(LessonObservationRepository observations, ObservationQuotas quotas, Directory directory,
            ProfessionalArchive archive, Notifications notifications, ResearchActivities research, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.observations = observations;
        this.quotas = quotas;
        this.directory = directory;
        this.archive = archive;
        this.notifications = notifications;
        this.research = research;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Term currentTerm() {
        return Term.containing(today());
    }

    /** The first day a lesson may be recorded for: the previous term's first day. */
    LocalDate earliest() {
        return currentTerm().previous().start();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such observation for you");
    }

    // ---- recording -------------------------------------------------------------------------------

    /** What saving gave: the record, or the errors to show beside the fields (field → message code). */
    record Saved(LessonObservation observation, Map<String, String> errors) {
    }

    Saved record(Viewer viewer, ObservationForm form, String token) {
        Map<String, String> errors = new LinkedHashMap<>();
        ObservationForm.Checked checked = form.check(viewer.id(), today(), earliest(), directory::find, errors);
        if (checked == null) {
            return new Saved(null, errors);
        }
        String cleanToken = token == null || token.isBlank() || token.length() > 64 ? null : token;
        if (cleanToken != null) {
            Optional<LessonObservation> same = observations.findBySubmissionToken(cleanToken);
            if (same.isPresent() && same.get().getObserverId().equals(viewer.id())) {
                return new Saved(same.get(), Map.of());
            }
        }
        LessonObservation saved;
        try {
            saved = observations.saveAndFlush(new LessonObservation(viewer.id(), checked, clock.instant(), cleanToken));
        } catch (DataIntegrityViolationException sameClickTwice) {
            // the same form sent twice at once: the first one saved it
            LessonObservation first = observations.findBySubmissionToken(cleanToken)
                    .filter(o -> o.getObserverId().equals(viewer.id())).orElseThrow(() -> sameClickTwice);
            return new Saved(first, Map.of());
        }
        recordInArchive(saved);
        if (saved.getObservedId() != null) {
            notifications.notify(saved.getObservedId(), "observations.notify.observed", "/observations/about-me",
                    directory.nameOf(viewer.id()), saved.getLessonDate().format(DAY), saved.getClassName(),
                    saved.getSubject());
        }
        return new Saved(saved, Map.of());
    }

    /** The observer's archive gets one entry per observation (written once, whatever happens later). */
    void recordInArchive(LessonObservation o) {
        String observed = observedName(o);
        String title = LocalisedText.of("archive.observation.title", o.getLessonDate().format(DAY), o.getClassName(),
                o.getSubject());
        String summary = o.getTopic() == null ? LocalisedText.of("archive.observation.summary", observed)
                : LocalisedText.of("archive.observation.summaryWithTopic", observed, o.getTopic());
        archive.record(o.getObserverId(), o.getLessonDate(), ArchiveKind.OBSERVATION_RECORD, title, summary,
                ARCHIVE_SOURCE, String.valueOf(o.getId()));
    }

    /** The observer changes their record; another person's id is "not found", a stale page an error. */
    Saved edit(Viewer viewer, Long id, ObservationForm form) {
        LessonObservation existing = own(viewer, id);
        Map<String, String> errors = new LinkedHashMap<>();
        ObservationForm.Checked checked = form.check(viewer.id(), today(), earliest(), directory::find, errors);
        if (checked == null) {
            return new Saved(existing, errors);
        }
        try {
            LessonObservation changed = transaction.execute(status -> {
                LessonObservation o = observations.findById(id).orElseThrow(ObservationRecords::notFound);
                if (form.getVersion() == null || form.getVersion() != o.getVersion()) {
                    throw new ObjectOptimisticLockingFailureException(LessonObservation.class, id);
                }
                o.change(checked);
                return observations.saveAndFlush(o);
            });
            return new Saved(changed, Map.of());
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            return new Saved(existing, Map.of("form", "observations.error.changed"));
        }
    }

    /** The viewer's own record, for editing. */
    LessonObservation own(Viewer viewer, Long id) {
        return observations.findById(id).filter(o -> o.getObserverId().equals(viewer.id()))
                .orElseThrow(ObservationRecords::notFound);
    }

    /** A record the viewer may read: theirs, about their lesson, or of someone they oversee. */
    LessonObservation visible(Viewer viewer, Long id) {
        return observations.findById(id).filter(o -> mayRead(viewer, o)).orElseThrow(ObservationRecords::notFound);
    }

    boolean mayRead(Viewer viewer, LessonObservation o) {
        return viewer.id().equals(o.getObserverId()) || viewer.id().equals(o.getObservedId())
                || oversees(viewer, o.getObserverId()) || oversees(viewer, o.getObservedId());
    }

    /** The office and the principal oversee everyone; a leader the members of their group. */
    boolean oversees(Viewer viewer, String personId) {
        if (personId == null) {
            return false;
        }
        return viewer.schoolWide() || directory.isLeaderOf(viewer.id(), personId);
    }

    // ---- reading -----------------------------------------------------------------------------------

    List<LessonObservation> observedBy(String observer, Term term) {
        return observations.findByObserverIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(observer, term.start(),
                term.end());
    }

    List<LessonObservation> about(String observed, Term term) {
        return observations.findByObservedIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(observed, term.start(),
                term.end());
    }

    /** Names for the people these records mention (observers and observed), in one query. */
    Map<String, String> names(Collection<LessonObservation> records) {
        List<String> ids = records.stream().flatMap(o -> java.util.stream.Stream.of(o.getObserverId(), o.getObservedId()))
                .filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        directory.findAll(ids).forEach(p -> names.put(p.getId(), p.getName()));
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    String observedName(LessonObservation o) {
        return o.getObservedId() == null ? o.getObservedName() : directory.nameOf(o.getObservedId());
    }

    /** Counts against quotas: this period (week, month or term) and the whole term. */
    record Progress(ObservationSettings.Period period, int thisPeriod, int perPeriod, int term, int termQuota,
            int termSoFar, int quotaSoFar) {
    }

    Progress progress(String observer, Term term, List<LessonObservation> ofTerm) {
        Person person = directory.find(observer).orElse(null);
        LocalDate today = today();
        LocalDate[] unit = quotas.unitAround(today);
        int thisPeriod = (int) ofTerm.stream()
                .filter(o -> !o.getLessonDate().isBefore(unit[0]) && !o.getLessonDate().isAfter(unit[1])).count();
        LocalDate soFar = today.isBefore(term.end()) ? today : term.end();
        int countSoFar = (int) ofTerm.stream().filter(o -> !o.getLessonDate().isAfter(soFar)).count();
        return new Progress(quotas.period(), term.contains(today) ? thisPeriod : 0, quotas.perUnit(person),
                ofTerm.size(), quotas.quota(person, term.start(), term.end()), countSoFar,
                quotas.quota(person, term.start(), soFar));
    }

    /** The teachers of the observed teacher's choice list: groups in order, the observer's own group first. */
    record GroupChoice(TeachingGroup group, List<Person> people) {
    }

    List<GroupChoice> choices(String observer) {
        Optional<TeachingGroup> own = directory.find(observer).map(Person::getTeachingGroup);
        Map<String, List<Person>> byGroup = directory.everyone().stream()
                .filter(p -> p.getTeachingGroup() != null && !p.getId().equals(observer))
                .collect(Collectors.groupingBy(p -> p.getTeachingGroup().getId()));
        List<GroupChoice> choices = new ArrayList<>();
        List<TeachingGroup> groups = new ArrayList<>(directory.teachingGroups());
        own.ifPresent(g -> {
            groups.removeIf(other -> other.getId().equals(g.getId()));
            groups.add(0, g);
        });
        for (TeachingGroup group : groups) {
            List<Person> members = byGroup.getOrDefault(group.getId(), List.of()).stream()
                    .sorted(BY_NAME).toList();
            if (!members.isEmpty()) {
                choices.add(new GroupChoice(group, members));
            }
        }
        return choices;
    }

    // ---- the overview for leaders, the principal and the office ------------------------------------

    /** One person's term so far. */
    record Row(Person person, int observed, int quota, int attended, int required) {
        int shortfall() {
            return Math.max(0, quota - observed);
        }
    }

    /** One group's research activities held in the term so far. */
    record GroupRow(TeachingGroup group, int held, int required) {
    }

    record Overview(Term term, LocalDate to, List<Row> rows, List<GroupRow> groups) {
    }

    /** The groups the viewer may look at: a leader their own; the office and the principal all. */
    List<TeachingGroup> overseenGroups(Viewer viewer) {
        List<TeachingGroup> all = directory.teachingGroups();
        if (viewer.schoolWide()) {
            return all;
        }
        return all.stream().filter(g -> viewer.id().equals(g.getLeaderId())).toList();
    }

    /**
     * The term so far for one group, or (school-wide viewers, no group) everyone who works here but the
     * administrator. A few queries whatever the number of people.
     */
    Overview overview(Viewer viewer, String groupId, Term term) {
        List<TeachingGroup> groups = overseenGroups(viewer);
        if (groups.isEmpty() && !viewer.schoolWide()) {
            throw notFound();
        }
        List<TeachingGroup> shown = groupId == null || groupId.isBlank()
                ? (viewer.schoolWide() ? groups : groups.subList(0, 1))
                : groups.stream().filter(g -> g.getId().equals(groupId)).toList();
        if (shown.isEmpty()) {
            throw notFound();
        }
        boolean everyone = viewer.schoolWide() && (groupId == null || groupId.isBlank());
        Map<String, Integer> order = new HashMap<>();
        shown.forEach(g -> order.put(g.getId(), g.getSortOrder()));
        List<Person> people = directory.everyone().stream().filter(p -> p.getRole() != Role.ADMIN)
                .filter(p -> everyone || p.getTeachingGroup() != null && order.containsKey(p.getTeachingGroup().getId()))
                .sorted(Comparator.comparing((Person p) -> p.getTeachingGroup() == null ? Integer.MAX_VALUE
                        : p.getTeachingGroup().getSortOrder()).thenComparing(BY_NAME))
                .toList();
        LocalDate to = today().isBefore(term.end()) ? today() : term.end();
        List<String> ids = people.stream().map(Person::getId).toList();
        Map<String, Long> counts = counts(ids, term.start(), to);
        Map<String, ActivityTally> attended = research.tally(ids, term.start(), to);
        List<Row> rows = new ArrayList<>();
        for (Person p : people) {
            ActivityTally a = attended.getOrDefault(p.getId(), new ActivityTally(0, 0));
            rows.add(new Row(p, counts.getOrDefault(p.getId(), 0L).intValue(), quotas.quota(p, term.start(), to),
                    a.attended(), a.required()));
        }
        Map<String, Integer> held = research.held(shown.stream().map(TeachingGroup::getId).toList(), term.start(), to);
        int required = research.requiredPerTerm();
        List<GroupRow> groupRows = shown.stream()
                .map(g -> new GroupRow(g, held.getOrDefault(g.getId(), 0), required)).toList();
        return new Overview(term, to, rows, groupRows);
    }

    /** A person the viewer oversees, for reading their records; anyone else is "not found". */
    Person overseen(Viewer viewer, String personId) {
        Person person = directory.find(personId).orElseThrow(ObservationRecords::notFound);
        if (!oversees(viewer, personId)) {
            throw notFound();
        }
        return person;
    }

    Map<String, Long> counts(Collection<String> observers, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new HashMap<>();
        if (observers.isEmpty()) {
            return counts;
        }
        for (Object[] row : observations.countByObserver(observers, from, to)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    Function<String, Optional<Person>> people() {
        return directory::find;
    }
}
