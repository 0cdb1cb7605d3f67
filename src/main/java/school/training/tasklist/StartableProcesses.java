package school.training.tasklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import school.training.forms.DeployedForms;

/**
 * The processes a person starts with a form (their newest active versions), for the home page's "new request"
 * buttons; the report-back is started by the school and has none. Every home page shows them, and they change
 * only when a version is deployed or suspended, so the list is kept for a few seconds
 * ({@code training.home.processes-fresh-for}) rather than asked of the engine on every view. Starting a request
 * is checked by the engine at the moment it is sent, whatever the button said.
 */
@Component
class StartableProcesses {

    private final RepositoryService repositoryService;
    private final DeployedForms forms;
    private final Clock clock;
    private final Duration freshFor;
    private volatile Listed last;

    private record Listed(List<ProcessDefinition> definitions, Instant at) {
    }

    StartableProcesses(RepositoryService repositoryService, DeployedForms forms, Clock clock,
            @Value("${training.home.processes-fresh-for:10s}") Duration freshFor) {
        this.repositoryService = repositoryService;
        this.forms = forms;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    List<ProcessDefinition> list() {
        Instant now = clock.instant();
        Listed listed = last;
        // a clock set back (the engine's, in a test or a rehearsal) counts as stale too
        if (listed == null || now.isBefore(listed.at()) || !now.isBefore(listed.at().plus(freshFor))) {
            listed = new Listed(repositoryService.createProcessDefinitionQuery().latestVersion().active()
                    .orderByProcessDefinitionKey().asc().list().stream()
                    .filter(definition -> forms.startFormOf(definition.getId()).isPresent()).toList(), now);
            last = listed;
        }
        return listed.definitions();
    }
}
