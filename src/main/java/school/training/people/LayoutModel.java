package school.training.people;

import java.security.Principal;

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
    String myName(Principal principal) {
        return principal == null ? null : directory.nameOf(principal.getName());
    }
}
