package school.training.people;

import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in person, looked up once per request: the password check before every page and the layout's
 * name both need her, and a page request should not ask the database twice for the same row.
 */
public final class SignedInPerson {

    private static final String ATTRIBUTE = SignedInPerson.class.getName();

    private SignedInPerson() {
    }

    /** The person behind this request's principal (none: not signed in, or an account outside the directory). */
    @SuppressWarnings("unchecked")
    public static Optional<Person> of(HttpServletRequest request, Directory directory) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof Optional<?> person) {
            return (Optional<Person>) person;
        }
        Optional<Person> person = directory.find(principal.getName());
        request.setAttribute(ATTRIBUTE, person);
        return person;
    }
}
