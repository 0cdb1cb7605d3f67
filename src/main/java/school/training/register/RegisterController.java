package school.training.register;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import school.training.people.Directory;
import school.training.records.RequestOverview;

/**
 * {@code /register} and its exports {@code /register.csv} and {@code /register.xlsx}: the same filters
 * and the same reader's scope, the page 50 rows at a time, the files every matching row. A filter that
 * cannot be read is answered with its message beside the field (400) and the other filters as typed.
 */
@Controller
class RegisterController {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Register register;
    private final Directory directory;
    private final RepositoryService repositoryService;
    private final MessageSource messages;

    RegisterController(Register register, Directory directory, RepositoryService repositoryService,
            MessageSource messages) {
        this.register = register;
        this.directory = directory;
        this.repositoryService = repositoryService;
        this.messages = messages;
    }

    @GetMapping("/register")
    String show(@ModelAttribute("filter") RegisterForm form, Authentication authentication, Locale locale,
            Model model, HttpServletResponse response) {
        Viewer viewer = Viewer.of(authentication, directory);
        RegisterForm.Checked checked = form.check();
        boolean upcoming = form.upcoming() && viewer.school();
        model.addAttribute("viewer", viewer);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("errors", checked.errors());
        model.addAttribute("processes", processes(locale));
        model.addAttribute("states", RequestOverview.State.values());
        model.addAttribute("sorting", checked.sorting());
        model.addAttribute("links", new Links(form, checked.sorting()));
        if (!checked.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("found", null);
            return "register/register";
        }
        model.addAttribute("found", register.page(viewer, form, checked, locale));
        return "register/register";
    }

    @GetMapping("/register.csv")
    void csv(@ModelAttribute RegisterForm form, Authentication authentication, Locale locale,
            HttpServletResponse response) throws IOException {
        Viewer viewer = Viewer.of(authentication, directory);
        RegisterForm.Checked checked = form.check();
        if (refused(checked, locale, response)) {
            return;
        }
        attachment(response, "register.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
        RegisterExport.csv(chunk -> register.forEachChunk(viewer, form, checked, locale, chunk), register, messages,
                locale, response.getOutputStream());
    }

    @GetMapping("/register.xlsx")
    void xlsx(@ModelAttribute RegisterForm form, Authentication authentication, Locale locale,
            HttpServletResponse response) throws IOException {
        Viewer viewer = Viewer.of(authentication, directory);
        RegisterForm.Checked checked = form.check();
        if (refused(checked, locale, response)) {
            return;
        }
        attachment(response, "register.xlsx", XLSX);
        RegisterExport.xlsx(chunk -> register.forEachChunk(viewer, form, checked, locale, chunk), register, messages,
                locale, messages.getMessage("register.title", null, locale), response.getOutputStream());
    }

    /** A file with filters that cannot be read: the messages as plain text, no file. */
    private boolean refused(RegisterForm.Checked checked, Locale locale, HttpServletResponse response)
            throws IOException {
        if (checked.valid()) {
            return false;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8).toString());
        StringBuilder text = new StringBuilder();
        checked.errors().forEach((field, key) -> text.append(messages.getMessage("register.filter." + field, null,
                locale)).append(": ").append(messages.getMessage(key, null, locale)).append('\n'));
        response.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static void attachment(HttpServletResponse response, String name, MediaType type) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        response.setContentType(type.toString());
    }

    /** The processes deployed, by key, with their names as the rest of the app shows them, in name order. */
    private Map<String, String> processes(Locale locale) {
        Map<String, String> byKey = new LinkedHashMap<>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).distinct()
                .sorted(Comparator.comparing((String key) -> register.processName(key, locale)))
                .forEach(key -> byKey.put(key, register.processName(key, locale)));
        return byKey;
    }

    /** The page's links, each keeping every filter as typed and changing one thing. */
    static final class Links {

        private final RegisterForm form;
        private final Sorting sorting;

        Links(RegisterForm form, Sorting sorting) {
            this.form = form;
            this.sorting = sorting;
        }

        public String page(int page) {
            return build("/register", sorting.by(), sorting.dir(), form.getView()).queryParam("page", page)
                    .build().encode().toUriString();
        }

        public String sort(String column) {
            return build("/register", column, sorting.next(column), form.getView()).build().encode().toUriString();
        }

        public String export(String extension) {
            return build("/register." + extension, sorting.by(), sorting.dir(), form.getView()).build().encode()
                    .toUriString();
        }

        public String view(String view) {
            return UriComponentsBuilder.fromPath("/register").queryParam("view", view).build().toUriString();
        }

        private UriComponentsBuilder build(String path, String sort, String dir, String view) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            List.of(Map.entry("teacher", text(form.getTeacher())), Map.entry("title", text(form.getTitle())),
                    Map.entry("number", text(form.getNumber())), Map.entry("process", text(form.getProcess())),
                    Map.entry("state", text(form.getState())), Map.entry("from", text(form.getFrom())),
                    Map.entry("to", text(form.getTo())), Map.entry("group", text(form.getGroup())),
                    Map.entry("view", text(view))).stream().filter(e -> !e.getValue().isEmpty())
                    .forEach(e -> uri.queryParam(e.getKey(), e.getValue()));
            return uri.queryParam("sort", sort).queryParam("dir", dir);
        }

        private static String text(String value) {
            return value == null ? "" : value.trim();
        }
    }
}
