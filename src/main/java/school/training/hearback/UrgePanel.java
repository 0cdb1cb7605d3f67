package school.training.hearback;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import school.training.tasklist.RequestPanel;

/** The 催办 button on the applicant's own request page, or why it is not offered yet; nothing for anyone else. */
@Component
class UrgePanel implements RequestPanel {

    private final Urges urges;

    UrgePanel(Urges urges) {
        this.urges = urges;
    }

    @Override
    public boolean appliesTo(String processKey) {
        return true;
    }

    @Override
    public String template() {
        return "hearback/panels";
    }

    @Override
    public String fragment() {
        return "urge";
    }

    @Override
    public Map<String, Object> model(String processInstanceId, Map<String, Object> variables) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String user = signedIn == null ? null : signedIn.getName();
        if (!urges.isApplicant(processInstanceId, user)) {
            return null;
        }
        Urges.State state = urges.state(processInstanceId, user);
        return state == null ? null : Map.of("id", processInstanceId, "state", state.name(), "days",
                urges.urgeAfterDays());
    }
}
