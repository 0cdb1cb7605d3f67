package school.training.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person's record must be, checked the same way for the person page and for every roster row:
 * a login id Camunda accepts, a name, a role the office may give, a teaching group that exists (a teacher
 * or leader needs one), one leader per group, and e-mail and phone that look like them. A group leader
 * keeps their role and group until the group has another leader, so a group is never left without one.
 */
final class StaffRules {

    /** Camunda's user id whitelist is {@code [a-zA-Z0-9._-]+} (application.yml); we keep ids lower-case. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{3,20}");
    static final int MAX_TEXT = 60;

    private StaffRules() {
    }

    /**
     * @param existing the person as recorded now, empty for a new one
     * @param group the teaching group the details name, looked up (empty when unknown or none)
     */
    static List<Problem> check(StaffDetails details, Optional<Person> existing, Optional<TeachingGroup> group) {
        List<Problem> problems = new ArrayList<>();
        if (details.id() == null) {
            problems.add(Problem.of("id", "people.problem.idRequired"));
        } else if (existing.isEmpty() && !ID.matcher(details.id()).matches()) {
            problems.add(Problem.of("id", "people.problem.idPattern"));
        }
        if (details.name() == null) {
            problems.add(Problem.of("name", "people.problem.nameRequired"));
        }
        for (String[] field : new String[][] { { "name", details.name() }, { "subject", details.subject() },
                { "title", details.title() }, { "post", details.post() }, { "email", details.email() } }) {
            if (field[1] != null && field[1].length() > MAX_TEXT) {
                problems.add(Problem.of(field[0], "people.problem.tooLong", MAX_TEXT));
            } else if (field[1] != null && field[1].chars().anyMatch(Character::isISOControl)) {
                problems.add(Problem.of(field[0], "people.problem.controlCharacters"));
            }
        }
        if (details.role() == null) {
            problems.add(Problem.of("role", "people.problem.roleRequired"));
        } else if (details.role() == Role.ADMIN) {
            problems.add(Problem.of("role", "people.problem.roleAdmin"));
        }
        boolean needsGroup = details.role() == Role.TEACHER || details.role() == Role.GROUP_LEADER;
        if (details.teachingGroupId() != null && group.isEmpty()) {
            problems.add(Problem.of("teachingGroupId", "people.problem.unknownGroup", details.teachingGroupId()));
        } else if (needsGroup && details.teachingGroupId() == null) {
            problems.add(Problem.of("teachingGroupId", "people.problem.groupRequired"));
        }
        if (details.role() == Role.GROUP_LEADER && group.isPresent() && group.get().getLeaderId() != null
                && !group.get().getLeaderId().equals(details.id())) {
            problems.add(Problem.of("role", "people.problem.groupHasLeader", group.get().getName(),
                    group.get().getLeaderId()));
        }
        existing.ifPresent(person -> {
            TeachingGroup led = person.getTeachingGroup();
            if (person.leads(led) && (details.role() != Role.GROUP_LEADER
                    || !led.getId().equals(details.teachingGroupId()))) {
                problems.add(Problem.of("role", "people.problem.stillLeads", led.getName()));
            }
        });
        if (details.email() != null && !EMAIL.matcher(details.email()).matches()) {
            problems.add(Problem.of("email", "people.problem.email"));
        }
        if (details.phone() != null && !PHONE.matcher(details.phone()).matches()) {
            problems.add(Problem.of("phone", "people.problem.phone"));
        }
        return problems;
    }
}
