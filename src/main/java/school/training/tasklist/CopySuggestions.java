package school.training.tasklist;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import school.training.people.Person;

/**
 * Suggestions for the 抄送 field of a large school's task page: a few colleagues whose name or staff id holds
 * what is being typed (static/js/forms.js asks as one types). Colleagues' names and ids are what any
 * signed-in person sees on a task page anyway; nothing else is told.
 */
@RestController
class CopySuggestions {

    private static final int LONGEST = 64;

    private final CopyRecipients recipients;

    CopySuggestions(CopyRecipients recipients) {
        this.recipients = recipients;
    }

    @GetMapping(path = "/tasks/copy-suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Suggestion> suggestions(@RequestParam(defaultValue = "") String q, Authentication authentication) {
        if (q.isBlank() || q.length() > LONGEST) {
            return List.of();
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return recipients.suggest(q, CurrentUser.of(authentication).id()).stream()
                .map(person -> new Suggestion(person.getId(), person.getName(), group(person, english))).toList();
    }

    private static String group(Person person, boolean english) {
        if (person.getTeachingGroup() == null) {
            return "";
        }
        String en = person.getTeachingGroup().getNameEn();
        return english && en != null ? en : person.getTeachingGroup().getName();
    }

    /** One colleague: the id the field takes, and the name and group a person recognises. */
    record Suggestion(String id, String name, String group) {
    }
}
