package school.training.people;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows on every page: the signed-in person's name. It lives with the directory, not with
 * the web basics, so the people pages may use those basics (CSV) without a cycle.
 */
@ControllerAdvice
class LayoutModel {

    private final Directory directory;

    LayoutModel(Directory directory) {
        this.directory = directory;
    }

    @ModelAttribute("myName")
    String myName(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null
                : SignedInPerson.of(request, directory).map(Person::getName).orElse(principal.getName());
    }
}
