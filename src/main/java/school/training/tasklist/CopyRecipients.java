package school.training.tasklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import school.training.forms.FormError;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * Whom a decision is copied to (抄送). A school's page lists everyone to pick from; past
 * {@code training.copy.listed-up-to} people (a district) the page has a field for names or staff ids
 * instead, with suggestions as one types, so a task page stays small however many work there. Either way
 * what is posted is read here: staff ids, or names that belong to exactly one person working here.
 */
@Component
class CopyRecipients {

    static final String FIELD = "copyTo";
    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");
    private static final int SUGGESTED = 12;

    private final Directory directory;
    private final int listedUpTo;

    CopyRecipients(Directory directory, @Value("${training.copy.listed-up-to:200}") int listedUpTo) {
        this.directory = directory;
        this.listedUpTo = listedUpTo;
    }

    /** The people to list on the page (all but the approver and the applicant), or empty: too many, type. */
    Optional<List<Person>> listed(String approver, Object applicant) {
        return directory.everyoneIfAtMost(listedUpTo).map(everyone -> everyone.stream()
                .filter(p -> !p.getId().equals(approver) && !p.getId().equals(applicant)).toList());
    }

    /** A few who work here matching what is being typed, the approver left out. */
    List<Person> suggest(String text, String approver) {
        return directory.suggest(text, SUGGESTED + 1).stream().filter(p -> !p.getId().equals(approver))
                .limit(SUGGESTED).toList();
    }

    /** What was posted, read: the people found, and what matched nobody (or more than one person). */
    Chosen read(String[] posted) {
        String text = posted == null ? "" : String.join(", ", posted).strip();
        Set<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        if (posted != null) {
            Arrays.stream(posted).flatMap(SEPARATORS::splitAsStream).filter(t -> !t.isBlank()).distinct()
                    .forEach(token -> resolve(token).ifPresentOrElse(ids::add, () -> unknown.add(token)));
        }
        return new Chosen(List.copyOf(ids), unknown, text);
    }

    private Optional<String> resolve(String token) {
        Optional<Person> byId = directory.find(token).filter(Person::isActive);
        if (byId.isPresent()) {
            return byId.map(Person::getId);
        }
        List<Person> named = directory.named(token);
        return named.size() == 1 ? Optional.of(named.get(0).getId()) : Optional.empty();
    }

    /** The people a decision is copied to, what matched nobody, and the text as posted (to show it again). */
    record Chosen(List<String> ids, List<String> unknown, String text) {

        Optional<FormError> problem() {
            return unknown.isEmpty() ? Optional.empty()
                    : Optional.of(new FormError("hearback.copy.unknown", String.join("、", unknown)));
        }
    }
}
