package school.training.tasklist;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the request rules into the engine itself, so our pages, Camunda's Tasklist and the REST API
 * pass the same gate: every start and completion is checked against its form and the process's
 * rules, and commands that would change a request behind its forms are the admin's alone.
 */
@Component
class EngineRules extends AbstractProcessEnginePlugin {

    private final ObjectProvider<SubmissionCheck> check;
    private final ObjectProvider<LostRaces> races;

    EngineRules(ObjectProvider<SubmissionCheck> check, ObjectProvider<LostRaces> races) {
        // resolved at the first command: the check needs engine services that do not exist yet
        this.check = check;
        this.races = races;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new SubmissionGate(configuration, check, races));
    }
}
