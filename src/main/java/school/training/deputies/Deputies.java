package school.training.deputies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;

/**
 * The deputies facade: naming a deputy for a period, cancelling, and who acts for whom on a day.
 * Group leaders, the principal and the office name deputies for themselves; the office and the
 * admin also for one of them (the principal phoned in sick).
 */
@Service
public class Deputies {

    /** Whose tasks matter enough to need a deputy: the approvers. */
    static final Set<Role> MAY_HAVE_DEPUTY = Set.of(Role.GROUP_LEADER, Role.PRINCIPAL, Role.OFFICE);
    static final Set<String> NAME_FOR_THEMSELVES = Set.of(CamundaGroups.GROUP_LEADERS, CamundaGroups.PRINCIPAL,
            CamundaGroups.OFFICE);
    static final Set<String> NAME_FOR_OTHERS = Set.of(CamundaGroups.OFFICE, CamundaGroups.ADMIN);

    private final DeputyshipRepository deputyships;
    private final TaskHandOver handOver;
    private final Directory directory;
    private final Clock clock;

    Deputies(DeputyshipRepository deputyships, TaskHandOver handOver, Directory directory, Clock clock) {
        this.deputyships = deputyships;
        this.handOver = handOver;
        this.directory = directory;
        this.clock = clock;
    }

    /** What someone asks for on the page; {@code personId} null or blank means themselves. */
    public record Request(String personId, String deputyId, LocalDate firstDay, LocalDate lastDay,
            boolean includeExisting) {
    }

    @Transactional(readOnly = true)
    public Optional<Deputyship> activeFor(String personId, LocalDate day) {
        return handOver.activeFor(personId, day);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public static boolean mayNameForOthers(Collection<String> groups) {
        return groups.stream().anyMatch(NAME_FOR_OTHERS::contains);
    }

    public static boolean mayName(Collection<String> groups) {
        return mayNameForOthers(groups) || groups.stream().anyMatch(NAME_FOR_THEMSELVES::contains);
    }

    /**
     * Names a deputy, or refuses with a message per field and writes nothing. A period starting today
     * with {@code includeExisting} hands the open tasks over at once; a later one at its first day.
     */
    @Transactional
    public Deputyship name(String actorId, Collection<String> actorGroups, Request request) {
        String personId = request.personId() == null || request.personId().isBlank() ? actorId
                : request.personId().strip();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = today();
        if (!personId.equals(actorId) && !mayNameForOthers(actorGroups)) {
            errors.put("personId", "deputy.error.notForOthers");
        } else if (personId.equals(actorId) && !actorGroups.stream().anyMatch(NAME_FOR_THEMSELVES::contains)) {
            errors.put("personId", "deputy.error.personCannotHave");
        } else if (directory.find(personId).map(Person::getRole).filter(MAY_HAVE_DEPUTY::contains).isEmpty()) {
            errors.put("personId", "deputy.error.personCannotHave");
        }
        String deputyId = request.deputyId() == null ? "" : request.deputyId().strip();
        if (deputyId.isEmpty()) {
            errors.put("deputyId", "deputy.error.deputyRequired");
        } else if (directory.find(deputyId).isEmpty()) {
            errors.put("deputyId", "deputy.error.unknownDeputy");
        } else if (deputyId.equals(personId)) {
            errors.put("deputyId", "deputy.error.self");
        }
        LocalDate first = request.firstDay();
        LocalDate last = request.lastDay();
        if (first == null) {
            errors.put("firstDay", "deputy.error.dateRequired");
        } else if (first.isBefore(today)) {
            errors.put("firstDay", "deputy.error.past");
        }
        if (last == null) {
            errors.put("lastDay", "deputy.error.dateRequired");
        } else if (first != null && last.isBefore(first)) {
            errors.put("lastDay", "deputy.error.endBeforeStart");
        }
        if (errors.isEmpty()) {
            checkNoOverlapOrChain(personId, deputyId, first, last, errors);
        }
        if (!errors.isEmpty()) {
            throw new DeputyshipRefused(errors);
        }
        Deputyship deputyship = deputyships.save(new Deputyship(personId, deputyId, first, last,
                request.includeExisting(), actorId, clock.instant()));
        if (deputyship.isIncludeExisting() && deputyship.runsOn(today)) {
            handOver.handOverExisting(deputyship);
            deputyship.handedOver(clock.instant());
        }
        return deputyship;
    }

    /**
     * One deputy per person at a time, and no chains: the deputy is not away with a deputy of their own
     * then, and the person is not someone else's deputy then (their tasks would pass on a second time).
     */
    private void checkNoOverlapOrChain(String personId, String deputyId, LocalDate first, LocalDate last,
            Map<String, String> errors) {
        for (Deputyship other : deputyships.involvingBetween(personId, first, last)) {
            if (other.getPersonId().equals(personId)) {
                errors.putIfAbsent("firstDay", "deputy.error.overlap");
            } else {
                errors.putIfAbsent("personId", "deputy.error.personIsDeputy");
            }
        }
        for (Deputyship other : deputyships.involvingBetween(deputyId, first, last)) {
            if (other.getPersonId().equals(deputyId)) {
                errors.putIfAbsent("deputyId", "deputy.error.deputyAway");
            }
        }
    }

    /**
     * Ends a deputyship now; what the deputy still holds goes back to the person. The person, whoever set
     * it, and the office or admin may cancel; for anyone else it does not exist.
     */
    @Transactional
    public boolean cancel(Long id, String actorId, Collection<String> actorGroups) {
        Optional<Deputyship> found = id == null ? Optional.empty() : deputyships.findById(id);
        if (found.isEmpty() || found.get().getCancelledAt() != null || !mayManage(found.get(), actorId, actorGroups)) {
            return false;
        }
        Deputyship deputyship = found.get();
        deputyship.cancel(actorId, clock.instant());
        handOver.giveBack(deputyship);
        deputyship.returned(clock.instant());
        return true;
    }

    static boolean mayManage(Deputyship deputyship, String actorId, Collection<String> actorGroups) {
        return deputyship.getPersonId().equals(actorId) || deputyship.getCreatedBy().equals(actorId)
                || mayNameForOthers(actorGroups);
    }

    /** For the page: the person's own (as the one away or the deputy), or all of them for the office and admin. */
    @Transactional(readOnly = true)
    public List<Deputyship> currentAndUpcoming(String actorId, Collection<String> actorGroups) {
        return deputyships.currentAndUpcoming(mayNameForOthers(actorGroups) ? null : actorId, today());
    }

    /** Whom the person approves for today, and who approves for them. */
    @Transactional(readOnly = true)
    public List<DeputyNote> notesFor(String userId) {
        LocalDate today = today();
        // both sides in one query (the home page's): the periods she covers for others first, then her own
        List<Deputyship> running = deputyships.involvingBetween(userId, today, today).stream()
                .sorted(java.util.Comparator.comparing(Deputyship::getFirstDay)).toList();
        var acting = running.stream().filter(d -> userId.equals(d.getDeputyId()))
                .map(d -> new DeputyNote(true, directory.nameOf(d.getPersonId()), d.getLastDay()));
        var away = running.stream().filter(d -> userId.equals(d.getPersonId()))
                .map(d -> new DeputyNote(false, directory.nameOf(d.getDeputyId()), d.getLastDay()));
        return java.util.stream.Stream.concat(acting, away).toList();
    }

    /**
     * The scheduled part, idempotent: periods that started hand over their open tasks (when asked), periods
     * that ended give back what the deputy still holds. One deputyship at a time (see {@link DeputyshipCheck}).
     */
    List<Long> pending() {
        LocalDate today = today();
        return java.util.stream.Stream.concat(deputyships.toHandOver(today).stream(),
                deputyships.toReturn(today).stream()).map(Deputyship::getId).distinct().toList();
    }

    @Transactional
    void settle(Long id) {
        LocalDate today = today();
        deputyships.findById(id).ifPresent(deputyship -> {
            if (deputyship.getReturnedAt() == null
                    && (deputyship.getCancelledAt() != null || deputyship.getLastDay().isBefore(today))) {
                // a new period with the same deputy may hold them now; those stay
                boolean stillHeld = activeFor(deputyship.getPersonId(), today)
                        .filter(now -> now.getDeputyId().equals(deputyship.getDeputyId())).isPresent();
                if (!stillHeld) {
                    handOver.giveBack(deputyship);
                }
                deputyship.returned(clock.instant());
            } else if (deputyship.isIncludeExisting() && deputyship.getHandedOverAt() == null
                    && deputyship.runsOn(today)) {
                handOver.handOverExisting(deputyship);
                deputyship.handedOver(clock.instant());
            }
        });
    }
}
