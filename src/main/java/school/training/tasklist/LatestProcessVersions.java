package school.training.tasklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import school.training.forms.DeployedForms;

/**
 * The newest version of each process, for the home page: its "new request" buttons (the active versions a person
 * starts with a form; the report-back is started by the school and has none) and the process names in "my
 * requests". Every home page shows them and they change only when a version is deployed or suspended, so they are
 * kept for a few seconds ({@code training.home.processes-fresh-for}) rather than asked of the engine on every view.
 * Starting a request is checked by the engine at the moment it is sent, whatever the button said.
 */
@Component
class LatestProcessVersions {

    private final RepositoryService repositoryService;
    private final DeployedForms forms;
    private final Clock clock;
    private final Duration freshFor;
    private volatile Listed last;

    private record Listed(List<ProcessDefinition> startable, Map<String, String> names, Instant at) {
    }

    LatestProcessVersions(RepositoryService repositoryService, DeployedForms forms, Clock clock,
            @Value("${training.home.processes-fresh-for:10s}") Duration freshFor) {
        this.repositoryService = repositoryService;
        this.forms = forms;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    /** The active newest versions started with a form, by process key. */
    List<ProcessDefinition> startable() {
        return listed().startable();
    }

    /** Process key to the name of its newest version (its key when it has none). */
    Map<String, String> names() {
        return listed().names();
    }

    private Listed listed() {
        Instant now = clock.instant();
        Listed listed = last;
        // a clock set back (the engine's, in a test or a rehearsal) counts as stale too
        if (listed == null || now.isBefore(listed.at()) || !now.isBefore(listed.at().plus(freshFor))) {
            List<ProcessDefinition> latest = repositoryService.createProcessDefinitionQuery().latestVersion()
                    .orderByProcessDefinitionKey().asc().list();
            listed = new Listed(latest.stream().filter(definition -> !definition.isSuspended())
                    .filter(definition -> forms.startFormOf(definition.getId()).isPresent()).toList(),
                    latest.stream().collect(Collectors.toMap(ProcessDefinition::getKey,
                            definition -> definition.getName() == null ? definition.getKey() : definition.getName())),
                    now);
            last = listed;
        }
        return listed;
    }
}
