package school.training.degree;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * While he studies, the teacher records each semester's results on his degree request; only he, and
 * only while the request waits for his completion.
 */
@Controller
class StudyProgressController {

    private final RuntimeService runtimeService;
    private final StudyProgressRepository progress;
    private final Clock clock;

    StudyProgressController(RuntimeService runtimeService, StudyProgressRepository progress, Clock clock) {
        this.runtimeService = runtimeService;
        this.progress = progress;
        this.clock = clock;
    }

    @PostMapping("/degree/{id}/progress")
    String record(@PathVariable String id, @RequestParam(defaultValue = "") String semester,
            @RequestParam(defaultValue = "") String results, Authentication authentication,
            RedirectAttributes redirect) {
        if (!StudyProgressPanel.studying(runtimeService, id)
                || !authentication.getName().equals(runtimeService.getVariable(id, "applicant"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No studying request of yours");
        }
        String problem = semester.isBlank() || semester.length() > 40 ? "degree.progress.error.semester"
                : results.strip().length() < 4 || results.length() > 1000 ? "degree.progress.error.results" : null;
        if (problem != null) {
            // back to the page with what was typed, and the reason beside the form
            redirect.addFlashAttribute("progressProblem", problem);
            redirect.addFlashAttribute("progressSemester", semester);
            redirect.addFlashAttribute("progressResults", results);
        } else {
            progress.save(new StudyProgress(id, authentication.getName(), semester.strip(), results.strip(),
                    clock.instant()));
            redirect.addFlashAttribute("notice", "degree.progress.recorded");
        }
        return "redirect:/requests/" + id + "#study-progress";
    }
}
