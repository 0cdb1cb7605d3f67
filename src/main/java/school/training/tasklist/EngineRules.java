package school.training.tasklist;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import school.training.forms.DeployedForms;
import school.training.records.RecordEveryStep;
import school.training.records.RequestOverviews;
import school.training.records.RequestRecords;

/**
 * Puts the request rules into the engine itself, so our pages, Camunda's Tasklist and the REST API
 * pass the same gate: every start and completion is checked against its form and the process's
 * rules, commands that would change a request behind its forms are the admin's alone, and a step moves
 * from its holder only to someone allowed to do it ({@link HandOverGate}). Every
 * start and completion is also written to the request's records.
 */
@Component
class EngineRules extends AbstractProcessEnginePlugin {

    private final ObjectProvider<SubmissionCheck> check;
    private final ObjectProvider<RequestRecords> records;
    private final ObjectProvider<DeployedForms> forms;
    private final ObjectProvider<LostRaces> races;
    private final ObjectProvider<RequestOverviews> overviews;
    private final ObjectProvider<HandOvers> handOvers;

    EngineRules(ObjectProvider<SubmissionCheck> check, ObjectProvider<RequestRecords> records,
            ObjectProvider<DeployedForms> forms, ObjectProvider<LostRaces> races,
            ObjectProvider<RequestOverviews> overviews, ObjectProvider<HandOvers> handOvers) {
        this.overviews = overviews;
        this.handOvers = handOvers;
        // resolved at the first command: these need engine services that do not exist yet
        this.check = check;
        this.records = records;
        this.forms = forms;
        this.races = races;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new SubmissionGate(configuration, check, races));
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new HandOverGate(configuration, handOvers));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new RecordEveryStep(records::getObject, forms::getObject,
                overviews::getObject));
    }
}
