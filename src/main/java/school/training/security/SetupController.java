package school.training.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 首次设置 {@code /setup}: open to anyone, but only while {@link FirstAdministrator#open()}; afterwards 404.
 * While it is open the login page sends people here ({@link SecurityConfig}).
 */
@Controller
class SetupController {

    private final FirstAdministrator firstAdministrator;

    SetupController(FirstAdministrator firstAdministrator) {
        this.firstAdministrator = firstAdministrator;
    }

    @GetMapping("/setup")
    String form(Model model) {
        requireOpen();
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "account/setup";
    }

    @PostMapping("/setup")
    String create(@RequestParam(required = false) String userId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
            Model model) {
        requireOpen();
        List<String> problems = firstAdministrator.create(userId, name, password, repeated);
        if (problems.contains("setup.closed")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("userId", userId);
            model.addAttribute("name", name);
            model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
            return "account/setup";
        }
        return "redirect:/login?setup";
    }

    private void requireOpen() {
        if (!firstAdministrator.open()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
