package school.training.people;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 教研组管理 ({@code /groups}, office and admin only): the teaching groups in their order, each with its
 * leader and number of active members; add one, rename it, move it up or down, give it a new leader
 * (the old leader's open leader steps move to the new one, see {@link Directory#changeLeader}).
 */
@Controller
class GroupsController {

    private final Directory directory;

    GroupsController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/groups")
    String list(Model model) {
        List<TeachingGroup> groups = directory.teachingGroups();
        Map<String, Long> members = new LinkedHashMap<>();
        Map<String, List<Person>> candidates = new LinkedHashMap<>();
        Map<String, String> leaderNames = new LinkedHashMap<>();
        for (TeachingGroup group : groups) {
            leaderNames.put(group.getId(), group.getLeaderId() == null ? null : directory.nameOf(group.getLeaderId()));
            members.put(group.getId(), directory.activeMembers(group.getId()));
            candidates.put(group.getId(), directory.membersOf(group.getId()).stream().filter(Person::isActive).toList());
        }
        model.addAttribute("groups", groups);
        model.addAttribute("members", members);
        model.addAttribute("candidates", candidates);
        model.addAttribute("leaderNames", leaderNames);
        model.addAttribute("everyone", directory.search(null, null, null, null, true,
                org.springframework.data.domain.PageRequest.of(0, 2000)).getContent());
        return "people/groups";
    }

    @PostMapping("/groups")
    String add(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String nameEn, Principal principal, RedirectAttributes redirect) {
        return act(redirect, "groups.added", null, () -> directory.addTeachingGroup(id, name, nameEn,
                principal.getName()), Map.of("newId", nz(id), "newName", nz(name), "newNameEn", nz(nameEn)));
    }

    @PostMapping("/groups/{id}/name")
    String rename(@PathVariable String id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String nameEn, Principal principal, RedirectAttributes redirect) {
        return act(redirect, "groups.renamed", id, () -> directory.renameTeachingGroup(id, name, nameEn,
                principal.getName()), Map.of());
    }

    @PostMapping("/groups/{id}/move")
    String move(@PathVariable String id, @RequestParam int direction, Principal principal,
            RedirectAttributes redirect) {
        return act(redirect, null, id, () -> directory.moveTeachingGroup(id, direction, principal.getName()),
                Map.of());
    }

    @PostMapping("/groups/{id}/leader")
    String leader(@PathVariable String id, @RequestParam(required = false) String leaderId, Principal principal,
            RedirectAttributes redirect) {
        return act(redirect, "groups.leaderChanged", id, () -> directory.changeLeader(id, leaderId,
                principal.getName()), Map.of());
    }

    private String act(RedirectAttributes redirect, String done, String groupId, Runnable change,
            Map<String, String> typed) {
        try {
            change.run();
            if (done != null) {
                redirect.addFlashAttribute("saved", done);
            }
        } catch (DirectoryProblems problems) {
            redirect.addFlashAttribute("problems", problems.problems());
            redirect.addFlashAttribute("problemGroup", groupId);
            typed.forEach(redirect::addFlashAttribute);
        }
        return "redirect:/groups" + (groupId == null ? "" : "#group-" + groupId);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
