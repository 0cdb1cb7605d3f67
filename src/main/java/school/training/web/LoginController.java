package school.training.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** {@code ?throttled=N}: too many failed logins, try again in N seconds (only a number is shown). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null) {
            long seconds = seconds(throttled);
            model.addAttribute("throttled", true);
            if (seconds > 0) {
                // up to two minutes in seconds, longer in whole minutes (rounded up)
                model.addAttribute(seconds <= 120 ? "throttledSeconds" : "throttledMinutes",
                        seconds <= 120 ? seconds : (seconds + 59) / 60);
            }
        }
        return "login";
    }

    private static long seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 && seconds < 86_400 ? seconds : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
