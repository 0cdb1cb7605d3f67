package school.training.termreview;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * A term review's variables go into the engine's history once, not twice. At history level full the engine
 * writes each new variable a second time, as a "detail" row (ACT_HI_DETAIL, fifteen indexes on H2) beside its
 * historic instance (ACT_HI_VARINST). A district's campaign starts 10,000 reviews of fifteen variables each:
 * those 150,000 detail rows were about a third of the time it took to open (bench/term-review-campaign).
 * Here a term review's variable gets no detail row when it is created — its value is in ACT_HI_VARINST, and
 * what a review decides (scores, grades, who decided) is in the app's own records — while every later change
 * still gets one, so the engine's history still shows what was changed and when. Other processes, and the
 * history level itself (full, stored in the database), stay as they were.
 */
@Component
class TermReviewVariableHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine's own database handler, replaced by the one below; other handlers (the starter's Spring
        // events) are kept, in a list they may still add to
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new Handler());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    static class Handler extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && !firstValueOfATermReview(event);
        }

        static boolean firstValueOfATermReview(HistoricVariableUpdateEventEntity event) {
            return TermReviewProcess.KEY.equals(event.getProcessDefinitionKey())
                    && event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE);
        }
    }
}
