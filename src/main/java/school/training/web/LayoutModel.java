package school.training.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import school.training.people.Directory;

/** What the layout shows on every page: the signed-in person's name. */
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
