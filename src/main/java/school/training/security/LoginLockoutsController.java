package school.training.security;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 登录限制 ({@code /security/lockouts}, office and admin only, see {@link SecurityConfig}): the accounts and
 * clients with recent failed logins, which are refused now and until when, and a button to clear each.
 * Clearing an account also clears the engine's own failure count for it.
 */
@Controller
class LoginLockoutsController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LoginThrottle throttle;
    private final IdentityService identityService;
    private final Clock clock;

    LoginLockoutsController(LoginThrottle throttle, IdentityService identityService, Clock clock) {
        this.throttle = throttle;
        this.identityService = identityService;
        this.clock = clock;
    }

    @GetMapping("/security/lockouts")
    String list(Model model) {
        model.addAttribute("accounts", rows(throttle.accounts()));
        model.addAttribute("clients", rows(throttle.clients()));
        return "security/lockouts";
    }

    @PostMapping("/security/lockouts/account")
    String unlockAccount(@RequestParam String account, RedirectAttributes redirect) {
        String id = account.trim();
        if (!id.isEmpty()) {
            throttle.unlockAccount(id);
            identityService.unlockUser(id);
            redirect.addFlashAttribute("unlocked", id);
        }
        return "redirect:/security/lockouts";
    }

    @PostMapping("/security/lockouts/client")
    String unlockClient(@RequestParam String client, RedirectAttributes redirect) {
        if (throttle.unlockClient(client.trim())) {
            redirect.addFlashAttribute("unlocked", client.trim());
        }
        return "redirect:/security/lockouts";
    }

    private List<Row> rows(List<LoginThrottle.Throttled> throttled) {
        return throttled.stream().map(t -> new Row(t.key(), t.failures(), format(t.lastFailure()),
                t.refusedUntil() == null ? null : format(t.refusedUntil()))).toList();
    }

    private String format(Instant instant) {
        return WHEN.format(instant.atZone(clock.getZone()));
    }

    record Row(String key, int failures, String lastFailure, String refusedUntil) {
    }
}
