package school.training.trainings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.ledger.Category;
import school.training.people.Directory;


/**
 * 校本培训 pages: the list (upcoming sessions by date, my trainings, those I organize), planning, one
 * project (sessions, sign-in, leave, the organizer's actions), the roll of a session, results, closing.
 * Every action goes through {@link Trainings}, which decides who may do it.
 */
@Controller
class TrainingController {

    static final String URL = "/trainings";

    private final Trainings trainings;
    private final Directory directory;

    TrainingController(Trainings trainings, Directory directory) {
        this.trainings = trainings;
        this.directory = directory;
    }

    @GetMapping(URL)
    String list(Authentication authentication, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int organizedPage, Model model) {
        Who user = Who.of(authentication);
        model.addAttribute("upcoming", trainings.upcomingFor(user.id(), 20));
        model.addAttribute("mine", trainings.takenBy(user.id(), PageRequest.of(Math.max(page, 0), 20)));
        model.addAttribute("organized", trainings.organizedBy(user, PageRequest.of(Math.max(organizedPage, 0), 20)));
        model.addAttribute("mayPlan", trainings.mayPlan(user));
        return "trainings/list";
    }

    // ---- planning ----------------------------------------------------------------------------------

    @GetMapping(URL + "/new")
    String planForm(Authentication authentication, Model model) {
        Who user = Who.of(authentication);
        if (!trainings.mayPlan(user)) {
            throw Trainings.notFound();
        }
        PlanForm form = new PlanForm();
        trainings.ledGroup(user.id()).filter(g -> !user.office()).ifPresent(g -> {
            form.setAudience(Audience.GROUPS.name());
            form.getGroups().add(g.getId());
        });
        return planPage(user, form, UUID.randomUUID().toString(), Map.of(), model);
    }

    @PostMapping(URL + "/new")
    String plan(Authentication authentication, @ModelAttribute("form") PlanForm form,
            @RequestParam(required = false) String planToken, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Who user = Who.of(authentication);
        if (!trainings.mayPlan(user)) {
            throw Trainings.notFound();
        }
        form.fill();
        Map<String, String> errors = PlanForm.errors();
        PlanForm.Checked checked = form.check(trainings, user, errors);
        if (checked == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return planPage(user, form, planToken, errors, model);
        }
        TrainingProject project;
        try {
            project = trainings.plan(user, checked, planToken);
        } catch (DataIntegrityViolationException sameClickTwice) {
            project = trainings.plannedWith(planToken).orElseThrow(() -> sameClickTwice);
        }
        redirect.addFlashAttribute("notice", "trainings.planned");
        return "redirect:" + URL + "/" + project.getId();
    }

    private String planPage(Who user, PlanForm form, String planToken, Map<String, String> errors, Model model) {
        boolean office = user.office();
        model.addAttribute("form", form);
        model.addAttribute("planToken", planToken);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", Category.values());
        model.addAttribute("audiences", office ? List.of(Audience.values()) : List.of(Audience.GROUPS, Audience.PEOPLE));
        model.addAttribute("groups", office ? directory.teachingGroups()
                : trainings.ledGroup(user.id()).map(List::of).orElse(List.of()));
        return "trainings/plan";
    }

    // ---- one project -------------------------------------------------------------------------------

    @GetMapping(URL + "/{id}")
    String project(@PathVariable Long id, Authentication authentication, Model model) {
        return projectPage(Who.of(authentication), id, Map.of(), Map.of(), model);
    }

    private String projectPage(Who user, Long id, Map<String, String> errors, Map<String, String> typed,
            Model model) {
        TrainingProject project = trainings.visible(user, id);
        boolean organizer = trainings.mayOrganize(user, project);
        List<TrainingResult> participants = trainings.participants(id);
        model.addAttribute("project", project);
        model.addAttribute("organizer", organizer);
        TrainingResult mine = participants.stream().filter(p -> p.getTeacherId().equals(user.id())).findFirst()
                .orElse(null);
        model.addAttribute("participant", mine != null);
        model.addAttribute("myResult", mine == null ? null : mine.getResult());
        model.addAttribute("me", user.id());
        model.addAttribute("participants", participants);
        model.addAttribute("names", names(participants));
        model.addAttribute("attendance", trainings.attendance(project));
        model.addAttribute("now", trainings.now());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        List<LeaveRequest> leaves = trainings.leaves(id);
        model.addAttribute("leaves", organizer ? leaves
                : leaves.stream().filter(l -> l.getTeacherId().equals(user.id())).toList());
        if (organizer) {
            Map<Long, String> codes = new HashMap<>();
            project.getSessions().forEach(s -> codes.put(s.getId(), s.getSignInCode()));
            model.addAttribute("codes", codes);
        }
        return "trainings/project";
    }

    private Map<String, String> names(List<TrainingResult> participants) {
        Map<String, String> names = new HashMap<>();
        participants.forEach(p -> names.put(p.getTeacherId(), directory.nameOf(p.getTeacherId())));
        return names;
    }

    @PostMapping(URL + "/{id}/sessions/{sessionId}/sign-in")
    String signIn(@PathVariable Long id, @PathVariable Long sessionId, @RequestParam(required = false) String code,
            Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Who user = Who.of(authentication);
        try {
            AttendanceStatus status = trainings.signIn(user, id, sessionId, code);
            redirect.addFlashAttribute("notice", "trainings.signedIn." + status);
            return "redirect:" + URL + "/" + id;
        } catch (Refused refused) {
            return refusedOnProject(user, id, sessionId, refused, code, response, model);
        }
    }

    @PostMapping(URL + "/{id}/sessions/{sessionId}/leave")
    String askLeave(@PathVariable Long id, @PathVariable Long sessionId, @RequestParam(required = false) String reason,
            Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Who user = Who.of(authentication);
        try {
            trainings.askLeave(user, id, sessionId, reason);
            redirect.addFlashAttribute("notice", "trainings.leave.asked");
            return "redirect:" + URL + "/" + id;
        } catch (Refused refused) {
            return refusedOnProject(user, id, sessionId, refused, reason, response, model);
        }
    }

    private String refusedOnProject(Who user, Long id, Long sessionId, Refused refused, String typed,
            HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        String key = sessionId + ":" + (refused.field() == null ? "session" : refused.field());
        return projectPage(user, id, Map.of(key, refused.code()), typed == null ? Map.of() : Map.of(key, typed), model);
    }

    @PostMapping(URL + "/{id}/leaves/{leaveId}")
    String decideLeave(@PathVariable Long id, @PathVariable Long leaveId, @RequestParam String decision,
            Authentication authentication, RedirectAttributes redirect) {
        try {
            trainings.decideLeave(Who.of(authentication), id, leaveId, "approve".equals(decision));
            redirect.addFlashAttribute("notice", "trainings.leave.decided");
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
        }
        return "redirect:" + URL + "/" + id;
    }

    // ---- the roll ----------------------------------------------------------------------------------

    @GetMapping(URL + "/{id}/sessions/{sessionId}/roll")
    String roll(@PathVariable Long id, @PathVariable Long sessionId, Authentication authentication, Model model) {
        return rollPage(Who.of(authentication), id, sessionId, null, null, Map.of(), model);
    }

    @PostMapping(URL + "/{id}/sessions/{sessionId}/roll")
    String takeRoll(@PathVariable Long id, @PathVariable Long sessionId, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Who user = Who.of(authentication);
        Map<String, AttendanceStatus> statuses = new LinkedHashMap<>();
        Map<String, String> reasons = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("status-") && values.length > 0) {
                try {
                    statuses.put(name.substring(7), AttendanceStatus.valueOf(values[0]));
                } catch (IllegalArgumentException e) {
                    // not one of the four: treated as not sent (present)
                }
            } else if (name.startsWith("reason-") && values.length > 0) {
                reasons.put(name.substring(7), values[0]);
            }
        });
        try {
            Map<String, String> errors = trainings.takeRoll(user, id, sessionId, statuses, reasons);
            if (!errors.isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return rollPage(user, id, sessionId, statuses, reasons, errors, model);
            }
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
            return "redirect:" + URL + "/" + id;
        }
        redirect.addFlashAttribute("notice", "trainings.roll.saved");
        return "redirect:" + URL + "/" + id;
    }

    private String rollPage(Who user, Long id, Long sessionId, Map<String, AttendanceStatus> statuses,
            Map<String, String> reasons, Map<String, String> errors, Model model) {
        TrainingProject project = trainings.visible(user, id);
        if (!trainings.mayOrganize(user, project)) {
            throw Trainings.notFound();
        }
        TrainingSession session = project.getSessions().stream().filter(s -> s.getId().equals(sessionId)).findFirst()
                .orElseThrow(Trainings::notFound);
        List<TrainingResult> participants = trainings.participants(id);
        Map<String, Attendance> recorded = trainings.attendance(project).getOrDefault(sessionId, Map.of());
        Map<String, String> status = new HashMap<>();
        Map<String, String> reason = new HashMap<>();
        // what was typed, else what was recorded, else the leave: approved → excused, refused → absent; else present
        Map<String, String> approvedLeave = new HashMap<>();
        Map<String, String> refusedLeave = new HashMap<>();
        trainings.leaves(id).stream().filter(l -> l.getSessionId().equals(sessionId)).forEach(l -> {
            if (l.getStatus() == LeaveRequest.Status.APPROVED) {
                approvedLeave.put(l.getTeacherId(), l.getReason());
            } else if (l.getStatus() == LeaveRequest.Status.REFUSED) {
                refusedLeave.put(l.getTeacherId(), l.getReason());
            }
        });
        for (TrainingResult p : participants) {
            String t = p.getTeacherId();
            if (statuses != null) {
                status.put(t, statuses.getOrDefault(t, AttendanceStatus.PRESENT).name());
                reason.put(t, reasons.getOrDefault(t, ""));
            } else if (recorded.containsKey(t)) {
                status.put(t, recorded.get(t).getStatus().name());
                reason.put(t, recorded.get(t).getReason() == null ? "" : recorded.get(t).getReason());
            } else if (approvedLeave.containsKey(t)) {
                status.put(t, AttendanceStatus.EXCUSED.name());
                reason.put(t, approvedLeave.get(t));
            } else if (refusedLeave.containsKey(t)) {
                status.put(t, AttendanceStatus.ABSENT.name());
                reason.put(t, "");
            } else {
                status.put(t, AttendanceStatus.PRESENT.name());
                reason.put(t, "");
            }
        }
        model.addAttribute("project", project);
        model.addAttribute("trainingSession", session);
        model.addAttribute("participants", participants);
        model.addAttribute("names", names(participants));
        model.addAttribute("status", status);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", AttendanceStatus.values());
        return "trainings/roll";
    }

    // ---- results and closing -----------------------------------------------------------------------

    @GetMapping(URL + "/{id}/results")
    String results(@PathVariable Long id, Authentication authentication, Model model) {
        Who user = Who.of(authentication);
        TrainingProject project = trainings.visible(user, id);
        if (!trainings.mayOrganize(user, project)) {
            throw Trainings.notFound();
        }
        List<TrainingResult> participants = trainings.participants(id);
        model.addAttribute("project", project);
        model.addAttribute("participants", participants);
        model.addAttribute("names", names(participants));
        model.addAttribute("resultValues", Result.values());
        return "trainings/results";
    }

    @PostMapping(URL + "/{id}/results")
    String recordResults(@PathVariable Long id, Authentication authentication, HttpServletRequest request,
            RedirectAttributes redirect) {
        Map<String, Result> assessed = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("result-") && values.length > 0) {
                try {
                    assessed.put(name.substring(7), Result.valueOf(values[0]));
                } catch (IllegalArgumentException e) {
                    // not a result: left as it was
                }
            }
        });
        try {
            trainings.recordResults(Who.of(authentication), id, assessed);
            redirect.addFlashAttribute("notice", "trainings.results.saved");
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
        }
        return "redirect:" + URL + "/" + id;
    }

    @PostMapping(URL + "/{id}/close")
    String close(@PathVariable Long id, Authentication authentication, RedirectAttributes redirect) {
        try {
            int credited = trainings.close(Who.of(authentication), id);
            redirect.addFlashAttribute("notice", "trainings.closed");
            redirect.addFlashAttribute("credited", credited);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
        }
        return "redirect:" + URL + "/" + id;
    }
}
