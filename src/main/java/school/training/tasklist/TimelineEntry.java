package school.training.tasklist;

import java.util.Date;

/**
 * One step of a request's history: what happened ({@code activityId} and its BPMN name), who, when,
 * and for decisions the decision value and comment. {@code waiting} marks the step it waits in now.
 * {@code onBehalfOf} is the person a deputy worked the step for (代 陈静 审批), the task's Camunda owner.
 */
public record TimelineEntry(String activityId, String activityName, String activityType, String who,
        String whoName, Date started, Date ended, Object decision, Object comment, boolean waiting,
        String candidates, String onBehalfOf, String onBehalfOfName) {
}
