package school.training.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.engine.AsTheApp;

/**
 * The directory facade: who is who, who leads which group, and every change the office makes to it.
 * Each change writes our record, the Camunda account (name, e-mail, groups, password) and a line of
 * {@link DirectoryChange} history in one transaction, so the three never drift apart. When a change
 * takes someone's approvals away from them (they left, the group has a new leader) it publishes
 * {@link ApproverChanged} in the same transaction, and the tasklist moves their open tasks.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    /** Who made a change the app made by itself (demo data, first start). */
    public static final String SYSTEM = "system";

    private final PersonRepository people;
    private final TeachingGroupRepository groups;
    private final DirectoryChangeRepository changes;
    private final IdentityService identityService;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entityManager;

    Directory(PersonRepository people, TeachingGroupRepository groups, DirectoryChangeRepository changes,
            IdentityService identityService, ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.groups = groups;
        this.changes = changes;
        this.identityService = identityService;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Person> find(String userId) {
        return userId == null ? Optional.empty() : people.findById(userId);
    }

    public Person get(String userId) {
        return find(userId).orElseThrow(() -> new IllegalArgumentException("Unknown person: " + userId));
    }

    /** A name for pages and timelines; falls back to the id for accounts outside the directory (e.g. admin). */
    public String nameOf(String userId) {
        return find(userId).map(Person::getName).orElse(userId);
    }

    /**
     * These people (those who left included), in one query: for pages and tallies naming many at once. Hibernate's
     * multi-load takes whoever this transaction has read already (the signed-in person, a request's applicant) from
     * its session and the rest in one statement; a query of our own would read them all again.
     */
    public List<Person> findAll(java.util.Collection<String> userIds) {
        return userIds.isEmpty() ? List.of() : entityManager.unwrap(Session.class).byMultipleIds(Person.class)
                .enableSessionCheck(true).enableOrderedReturn(false).multiLoad(List.copyOf(userIds)).stream()
                .filter(Objects::nonNull).toList();
    }

    /** Names of these people in one query (the rows of one page); an id outside the directory stands for itself. */
    public java.util.Map<String, String> namesOf(java.util.Collection<String> userIds) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<String> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            findAll(ids).forEach(person -> names.put(person.getId(), person.getName()));
            ids.forEach(id -> names.putIfAbsent(id, id));
        }
        return names;
    }

    public List<TeachingGroup> teachingGroups() {
        return groups.findAllByOrderBySortOrder();
    }

    public Optional<TeachingGroup> teachingGroup(String id) {
        return groups.findById(id);
    }

    public List<Person> membersOf(String teachingGroupId) {
        return people.findByTeachingGroupIdOrderByName(teachingGroupId);
    }

    public long count() {
        return people.count();
    }

    /** The leader of the person's teaching group, if the group has one. */
    public Optional<String> leaderOf(String userId) {
        return find(userId).map(Person::getTeachingGroup).map(TeachingGroup::getLeaderId);
    }

    public boolean isLeaderOf(String leaderId, String memberId) {
        return leaderId != null && leaderOf(memberId).filter(leaderId::equals).isPresent();
    }

    /** Records a person's new highest degree (e.g. after a verified certificate). */
    @Transactional
    public void changeDegree(String userId, Degree degree) {
        people.findById(userId).filter(person -> person.getDegree() != degree).ifPresent(person -> {
            record(SYSTEM, userId, "degree", name(person.getDegree()), name(degree));
            person.setDegree(degree);
        });
    }

    /**
     * Everyone who works here now if they are at most {@code most}, or empty: too many for a page to list. One
     * query that reads at most one person more than that, not a count and then everyone.
     */
    public Optional<List<Person>> everyoneIfAtMost(int most) {
        List<Person> found = people.findByLeftOnIsNull(Limit.of(most + 1));
        return found.size() > most ? Optional.empty() : Optional.of(found);
    }

    /** Who works here now under exactly this name (two colleagues may share one). */
    public List<Person> named(String name) {
        return name == null || name.isBlank() ? List.of() : people.findByNameAndLeftOnIsNull(name.strip());
    }

    /** Up to {@code limit} people working here whose id or name holds the text, by name. */
    public List<Person> suggest(String text, int limit) {
        return text == null || text.isBlank() ? List.of()
                : people.suggest("%" + text.strip().toLowerCase() + "%", Limit.of(limit));
    }

    /** Everyone who works at the school now (not those who left), for reviews, statistics and choices. */
    public List<Person> everyone() {
        return people.findByLeftOnIsNull();
    }

    /** Who teaches here now (teachers and group leaders), of one teaching group when given, paged. */
    public Page<Person> teaching(String teachingGroupId, Pageable page) {
        return people.teaching(blankToNull(teachingGroupId), List.of(Role.TEACHER, Role.GROUP_LEADER), page);
    }

    /** Everyone ever recorded, those who left included: for naming people in past records. */
    public List<Person> everyoneEver() {
        return people.findAll();
    }

    @Transactional
    public TeachingGroup createTeachingGroup(String id, String name, String nameEn, int sortOrder) {
        return groups.save(new TeachingGroup(id, name, nameEn, sortOrder));
    }

    /**
     * Adds a person with a known password (demo data and tests): a Camunda account in the groups of their
     * role; a leader also becomes their group's leader.
     */
    @Transactional
    public Person register(String userId, String name, Role role, String teachingGroupId, String subject,
            String password) {
        TeachingGroup group = teachingGroupId == null ? null : groups.findById(teachingGroupId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown teaching group: " + teachingGroupId));
        Person person = people.save(new Person(userId, name, role, group, subject));
        if (role == Role.GROUP_LEADER && group != null) {
            group.setLeaderId(userId);
        }
        AsTheApp.run(identityService, () -> {
            User user = identityService.newUser(userId);
            // Camunda's webapps show "first last"; a Chinese name reads family name first, so keep it whole
            user.setFirstName(name);
            user.setLastName("");
            user.setPassword(password);
            identityService.saveUser(user);
            joinGroupsOf(role, userId);
        });
        record(SYSTEM, userId, "created", null, describe(StaffDetails.of(person)));
        return person;
    }

    // --- the office's changes --------------------------------------------------------------------------

    /** The office's list of people, filtered in the database and paged. */
    public Page<Person> search(String text, String groupId, Role role, Degree degree, Boolean active, Pageable page) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%";
        return people.search(like, blankToNull(groupId), role, degree, active, page);
    }

    /** The problems these details would have, without writing anything (the roster preview uses it too). */
    public List<Problem> check(StaffDetails details) {
        return StaffRules.check(details, find(details.id()), details.teachingGroupId() == null ? Optional.empty()
                : groups.findById(details.teachingGroupId()));
    }

    /** Whether a Camunda account has this id, with or without a directory record (the admin has none). */
    public boolean accountExists(String userId) {
        return userId != null && (people.existsById(userId)
                || identityService.createUserQuery().userId(userId).count() > 0);
    }

    /**
     * Adds a person: a Camunda account with a random password, good for one login (they must set their
     * own then), returned so the office can hand it over once.
     *
     * @throws DirectoryProblems when the details break a rule or the id is taken; nothing is written
     */
    @Transactional
    public String add(StaffDetails details, String changedBy) {
        List<Problem> problems = new ArrayList<>(check(details));
        if (accountExists(details.id())) {
            problems.add(0, Problem.of("id", "people.problem.idTaken", details.id()));
        }
        if (!problems.isEmpty()) {
            throw new DirectoryProblems(problems);
        }
        TeachingGroup group = details.teachingGroupId() == null ? null : groups.getReferenceById(details.teachingGroupId());
        Person person = new Person(details.id(), details.name(), details.role(), group, details.subject());
        copy(details, person);
        String password = TemporaryPasswords.next();
        person.setPasswordResetAt(clock.instant());
        people.save(person);
        if (details.role() == Role.GROUP_LEADER) {
            group.setLeaderId(person.getId());
        }
        AsTheApp.run(identityService, () -> {
            User user = identityService.newUser(details.id());
            user.setFirstName(details.name());
            user.setLastName("");
            user.setEmail(details.email());
            user.setPassword(password);
            identityService.saveUser(user);
            joinGroupsOf(details.role(), details.id());
        });
        record(changedBy, details.id(), "created", null, describe(details));
        return password;
    }

    /**
     * Changes what is recorded about a person: each changed field is a line of history; a new role changes
     * their Camunda groups; a move to another group or a new role hands their open approvals on.
     *
     * @return whether anything changed
     * @throws DirectoryProblems when the change breaks a rule; nothing is written
     */
    @Transactional
    public boolean update(StaffDetails details, String changedBy) {
        Person person = find(details.id()).orElseThrow(
                () -> new DirectoryProblems(Problem.of("id", "people.problem.unknown", details.id())));
        notTheAdministrator(person);
        List<Problem> problems = check(details);
        if (!problems.isEmpty()) {
            throw new DirectoryProblems(problems);
        }
        StaffDetails before = StaffDetails.of(person);
        if (before.equals(details)) {
            return false;
        }
        String oldLeader = person.getTeachingGroup() == null ? null : person.getTeachingGroup().getLeaderId();
        for (String[] field : new String[][] { { "name", before.name(), details.name() },
                { "role", name(before.role()), name(details.role()) },
                { "teachingGroup", before.teachingGroupId(), details.teachingGroupId() },
                { "subject", before.subject(), details.subject() }, { "title", before.title(), details.title() },
                { "post", before.post(), details.post() },
                { "employment", name(before.employment()), name(details.employment()) },
                { "degree", name(before.degree()), name(details.degree()) },
                { "email", before.email(), details.email() }, { "phone", before.phone(), details.phone() } }) {
            if (!Objects.equals(field[1], field[2])) {
                record(changedBy, person.getId(), field[0], field[1], field[2]);
            }
        }
        person.setName(details.name());
        person.setRole(details.role());
        person.setTeachingGroup(details.teachingGroupId() == null ? null
                : groups.getReferenceById(details.teachingGroupId()));
        copy(details, person);
        if (details.role() == Role.GROUP_LEADER) {
            groups.getReferenceById(details.teachingGroupId()).setLeaderId(person.getId());
        }
        AsTheApp.run(identityService, () -> {
            User user = identityService.createUserQuery().userId(person.getId()).singleResult();
            if (user != null) {
                user.setFirstName(details.name());
                user.setEmail(details.email());
                identityService.saveUser(user);
            }
            if (before.role() != details.role() && person.isActive()) {
                leaveGroupsOf(before.role(), person.getId());
                joinGroupsOf(details.role(), person.getId());
            }
        });
        if (before.role() != details.role()) {
            events.publishEvent(new ApproverChanged(person.getId(), "handover.roleChanged", changedBy));
        }
        if (!Objects.equals(before.teachingGroupId(), details.teachingGroupId()) && oldLeader != null
                && !oldLeader.equals(person.getId())) {
            // the old group's leader holds this teacher's open leader steps; they now belong to the new leader
            events.publishEvent(new ApproverChanged(oldLeader, "handover.moved", changedBy));
        }
        return true;
    }

    /**
     * A person leaves (离校/停用): they can no longer log in, keep all their history, and their open
     * approvals go to whoever now holds the role. A group's leader must be replaced first.
     */
    @Transactional
    public void deactivate(String userId, String changedBy) {
        Person person = get(userId);
        notTheAdministrator(person);
        if (!person.isActive()) {
            return;
        }
        if (person.leads(person.getTeachingGroup())) {
            throw new DirectoryProblems(Problem.of("role", "people.problem.stillLeads",
                    person.getTeachingGroup().getName()));
        }
        if (person.getId().equals(changedBy)) {
            throw new DirectoryProblems(Problem.of("id", "people.problem.notYourself"));
        }
        person.setLeftOn(LocalDate.now(clock));
        AsTheApp.run(identityService, () -> {
            leaveGroupsOf(person.getRole(), userId);
        });
        record(changedBy, userId, "left", null, person.getLeftOn().toString());
        events.publishEvent(new ApproverChanged(userId, "handover.left", changedBy));
    }

    /** Someone who left comes back: they log in again with the groups of their recorded role. */
    @Transactional
    public void reactivate(String userId, String changedBy) {
        Person person = get(userId);
        if (person.isActive()) {
            return;
        }
        List<Problem> problems = check(StaffDetails.of(person));
        if (!problems.isEmpty()) {
            throw new DirectoryProblems(problems);
        }
        record(changedBy, userId, "returned", person.getLeftOn().toString(), null);
        person.setLeftOn(null);
        if (person.getRole() == Role.GROUP_LEADER) {
            person.getTeachingGroup().setLeaderId(userId);
        }
        AsTheApp.run(identityService, () -> {
            joinGroupsOf(person.getRole(), userId);
        });
    }

    /** A new random password, good for one login; returned once for the office to hand over. */
    @Transactional
    public String resetPassword(String userId, String changedBy) {
        Person person = get(userId);
        notTheAdministrator(person);
        String password = TemporaryPasswords.next();
        AsTheApp.run(identityService, () -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            user.setPassword(password);
            identityService.saveUser(user);
            // a reset also clears the engine's own lock after wrong passwords
            identityService.unlockUser(userId);
        });
        person.setPasswordResetAt(clock.instant());
        record(changedBy, userId, "passwordReset", null, null);
        return password;
    }

    /** The person chose their own password: no more forced change. */
    @Transactional
    public void passwordChanged(String userId) {
        find(userId).filter(Person::mustChangePassword).ifPresent(person -> {
            person.setPasswordResetAt(null);
            record(userId, userId, "passwordChosen", null, null);
        });
    }

    // --- teaching groups -------------------------------------------------------------------------------


    /** A new teaching group at the end of the list. */
    @Transactional
    public TeachingGroup addTeachingGroup(String id, String name, String nameEn, String changedBy) {
        String cleanId = id == null ? null : id.strip().toLowerCase();
        List<Problem> problems = new ArrayList<>(checkGroupName(null, name));
        if (cleanId == null || !StaffRules.ID.matcher(cleanId).matches()) {
            problems.add(0, Problem.of("id", "groups.problem.idPattern"));
        } else if (groups.existsById(cleanId)) {
            problems.add(0, Problem.of("id", "groups.problem.idTaken", cleanId));
        }
        if (!problems.isEmpty()) {
            throw new DirectoryProblems(problems);
        }
        int last = groups.findAllByOrderBySortOrder().stream().mapToInt(TeachingGroup::getSortOrder).max().orElse(0);
        TeachingGroup group = groups.save(new TeachingGroup(cleanId, name.strip(), blankToNull(nameEn), last + 1));
        record(changedBy, "group:" + cleanId, "created", null, group.getName());
        return group;
    }

    @Transactional
    public void renameTeachingGroup(String id, String name, String nameEn, String changedBy) {
        TeachingGroup group = groupOrProblem(id);
        List<Problem> problems = checkGroupName(id, name);
        if (!problems.isEmpty()) {
            throw new DirectoryProblems(problems);
        }
        if (!group.getName().equals(name.strip())) {
            record(changedBy, "group:" + id, "name", group.getName(), name.strip());
            group.setName(name.strip());
        }
        if (!Objects.equals(group.getNameEn(), blankToNull(nameEn))) {
            record(changedBy, "group:" + id, "nameEn", group.getNameEn(), blankToNull(nameEn));
            group.setNameEn(blankToNull(nameEn));
        }
    }

    /** Moves a group one place up (-1) or down (+1) in every list of groups. */
    @Transactional
    public void moveTeachingGroup(String id, int direction, String changedBy) {
        List<TeachingGroup> ordered = new ArrayList<>(groups.findAllByOrderBySortOrder());
        int at = ordered.indexOf(groupOrProblem(id));
        int to = at + Integer.signum(direction);
        if (to < 0 || to >= ordered.size()) {
            return;
        }
        ordered.add(to, ordered.remove(at));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setSortOrder(i + 1);
        }
        record(changedBy, "group:" + id, "order", String.valueOf(at + 1), String.valueOf(to + 1));
    }

    /**
     * Gives a teaching group a new leader (换组长). The new leader is an active teacher (moved into the group
     * if they were in another one, unless they lead that one); the old leader stays in the group as a
     * teacher; the old leader's open leader tasks for the group move to the new one.
     */
    @Transactional
    public void changeLeader(String groupId, String newLeaderId, String changedBy) {
        TeachingGroup group = groupOrProblem(groupId);
        Person leader = find(newLeaderId).orElseThrow(
                () -> new DirectoryProblems(Problem.of("leaderId", "people.problem.unknown", newLeaderId)));
        String oldLeaderId = group.getLeaderId();
        if (leader.getId().equals(oldLeaderId)) {
            return;
        }
        if (!leader.isActive()) {
            throw new DirectoryProblems(Problem.of("leaderId", "groups.problem.leaderLeft", leader.getName()));
        }
        if (leader.getRole() != Role.TEACHER && leader.getRole() != Role.GROUP_LEADER) {
            throw new DirectoryProblems(Problem.of("leaderId", "groups.problem.leaderRole", leader.getName()));
        }
        if (leader.getTeachingGroup() != null && !leader.getTeachingGroup().getId().equals(groupId)
                && leader.leads(leader.getTeachingGroup())) {
            throw new DirectoryProblems(Problem.of("leaderId", "people.problem.stillLeads",
                    leader.getTeachingGroup().getName()));
        }
        Optional<Person> oldLeader = find(oldLeaderId);
        oldLeader.ifPresent(old -> {
            old.setRole(Role.TEACHER);
            AsTheApp.run(identityService, () -> {
                leaveGroupsOf(Role.GROUP_LEADER, old.getId());
                joinGroupsOf(Role.TEACHER, old.getId());
            });
            record(changedBy, old.getId(), "role", Role.GROUP_LEADER.name(), Role.TEACHER.name());
        });
        if (leader.getTeachingGroup() == null || !leader.getTeachingGroup().getId().equals(groupId)) {
            record(changedBy, leader.getId(), "teachingGroup",
                    leader.getTeachingGroup() == null ? null : leader.getTeachingGroup().getId(), groupId);
            leader.setTeachingGroup(group);
        }
        if (leader.getRole() != Role.GROUP_LEADER) {
            Role before = leader.getRole();
            leader.setRole(Role.GROUP_LEADER);
            AsTheApp.run(identityService, () -> {
                leaveGroupsOf(before, leader.getId());
                joinGroupsOf(Role.GROUP_LEADER, leader.getId());
            });
            record(changedBy, leader.getId(), "role", before.name(), Role.GROUP_LEADER.name());
        }
        group.setLeaderId(leader.getId());
        record(changedBy, "group:" + groupId, "leader", oldLeaderId, leader.getId());
        if (oldLeaderId != null) {
            events.publishEvent(new ApproverChanged(oldLeaderId, "handover.newLeader", changedBy));
        }
    }

    // --- history ---------------------------------------------------------------------------------------

    public Page<DirectoryChange> history(String subjectId, Pageable page) {
        return subjectId == null || subjectId.isBlank() ? changes.findAllByOrderByIdDesc(page)
                : changes.findBySubjectIdOrderByIdDesc(subjectId.strip(), page);
    }

    public long activeMembers(String teachingGroupId) {
        return people.countByTeachingGroupIdAndLeftOnIsNull(teachingGroupId);
    }

    /**
     * The administrator's account is IT's, made at first start: the office neither changes nor resets it
     * (a reset would hand the office the administrator's rights).
     */
    private static void notTheAdministrator(Person person) {
        if (person.getRole() == Role.ADMIN) {
            throw new DirectoryProblems(Problem.of("role", "people.problem.administrator"));
        }
    }

    private TeachingGroup groupOrProblem(String id) {
        return groups.findById(id == null ? "" : id)
                .orElseThrow(() -> new DirectoryProblems(Problem.of("id", "people.problem.unknownGroup", id)));
    }

    private List<Problem> checkGroupName(String id, String name) {
        if (name == null || name.isBlank()) {
            return List.of(Problem.of("name", "groups.problem.nameRequired"));
        }
        if (name.strip().length() > StaffRules.MAX_TEXT) {
            return List.of(Problem.of("name", "people.problem.tooLong", StaffRules.MAX_TEXT));
        }
        boolean taken = groups.findAll().stream()
                .anyMatch(g -> g.getName().equals(name.strip()) && !g.getId().equals(id));
        return taken ? List.of(Problem.of("name", "groups.problem.nameTaken", name.strip())) : List.of();
    }

    private void copy(StaffDetails details, Person person) {
        person.setSubject(details.subject());
        person.setTitle(details.title());
        person.setPost(details.post());
        person.setEmployment(details.employment());
        person.setDegree(details.degree());
        person.setEmail(details.email());
        person.setPhone(details.phone());
    }

    private void joinGroupsOf(Role role, String userId) {
        for (String camundaGroup : role.camundaGroups()) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(camundaGroup).count() == 0) {
                identityService.createMembership(userId, camundaGroup);
            }
        }
    }

    private void leaveGroupsOf(Role role, String userId) {
        for (String camundaGroup : role.camundaGroups()) {
            identityService.deleteMembership(userId, camundaGroup);
        }
    }


    private void record(String changedBy, String subjectId, String what, String before, String after) {
        changes.save(new DirectoryChange(Instant.now(clock), changedBy == null ? SYSTEM : changedBy, subjectId, what,
                before, after));
    }

    private static String describe(StaffDetails details) {
        return String.join(" / ", details.name(), name(details.role()),
                Objects.toString(details.teachingGroupId(), "-"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
