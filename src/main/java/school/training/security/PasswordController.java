package school.training.security;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

import school.training.engine.AsTheApp;
import school.training.people.Directory;

/**
 * 修改密码 {@code /account/password}: the signed-in person changes their own password, and only theirs (the
 * account is the login's, never a parameter). The current password is checked first; a wrong one counts as
 * a failed login for {@link LoginThrottle} and changes nothing. The new password follows {@link PasswordRules}.
 * The change is saved by the app, not as the person: Camunda's authorizations need not grant anyone UPDATE
 * on their own user.
 */
@Controller
class PasswordController {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final Directory directory;

    PasswordController(IdentityService identityService, LoginThrottle throttle, Directory directory) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.directory = directory;
    }

    @GetMapping("/account/password")
    String form(Principal principal, Model model) {
        model.addAttribute("required", directory.find(principal.getName()).filter(p -> p.mustChangePassword())
                .isPresent());
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String current, @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeated, Principal principal, HttpServletRequest request,
            Model model) {
        String userId = principal.getName();
        String client = request.getRemoteAddr();
        List<String> problems = new ArrayList<>();
        if (throttle.refusal(userId, client).isPresent()) {
            problems.add("password.throttled");
        } else if (current == null || current.isEmpty() || !identityService.checkPassword(userId, current)) {
            throttle.failed(userId, client);
            problems.add("password.currentWrong");
        } else {
            problems.addAll(PasswordRules.problems(userId, password, repeated));
            if (problems.isEmpty() && password.equals(current)) {
                problems.add("password.rule.unchanged");
            }
        }
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return "account/password";
        }
        throttle.succeeded(userId);
        saveAsTheApp(userId, password);
        directory.passwordChanged(userId);
        model.addAttribute("changed", true);
        return "account/password";
    }

    private void saveAsTheApp(String userId, String password) {
        AsTheApp.run(identityService, () -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            user.setPassword(password);
            identityService.saveUser(user);
        });
    }
}
