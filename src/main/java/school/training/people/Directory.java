package school.training.people;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory facade: who is who, who leads which group, and registering people.
 * Registering writes our record and the Camunda account in one go, so the two never drift apart.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final PersonRepository people;
    private final TeachingGroupRepository groups;
    private final IdentityService identityService;

    Directory(PersonRepository people, TeachingGroupRepository groups, IdentityService identityService) {
        this.people = people;
        this.groups = groups;
        this.identityService = identityService;
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
        people.findById(userId).ifPresent(person -> person.setDegree(degree));
    }

    /** Everyone in the directory, for school-wide statistics. */
    public List<Person> everyone() {
        return people.findAll();
    }

    @Transactional
    public TeachingGroup createTeachingGroup(String id, String name, String nameEn, int sortOrder) {
        return groups.save(new TeachingGroup(id, name, nameEn, sortOrder));
    }

    /** Adds a person with a Camunda account in the groups of their role; a leader also becomes their group's leader. */
    @Transactional
    public Person register(String userId, String name, Role role, String teachingGroupId, String subject,
            String password) {
        TeachingGroup group = teachingGroupId == null ? null : groups.findById(teachingGroupId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown teaching group: " + teachingGroupId));
        Person person = people.save(new Person(userId, name, role, group, subject));
        if (role == Role.GROUP_LEADER && group != null) {
            group.setLeaderId(userId);
        }
        User user = identityService.newUser(userId);
        // Camunda's webapps show "first last"; a Chinese name reads family name first, so keep it whole
        user.setFirstName(name);
        user.setLastName("");
        user.setPassword(password);
        identityService.saveUser(user);
        for (String camundaGroup : role.camundaGroups()) {
            identityService.createMembership(userId, camundaGroup);
        }
        return person;
    }
}
