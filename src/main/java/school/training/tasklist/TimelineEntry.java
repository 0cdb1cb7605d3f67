package school.training.tasklist;

import java.util.Date;

/**
 * One step of a request's history: what happened ({@code activityId} and its BPMN name), who, when,
 * and for decisions the decision value and comment. {@code waiting} marks the step it waits in now.
 * {@code onBehalfOf} is the person a deputy worked the step for (代 陈静 审批), the task's Camunda owner.
 * A handover (activity type {@value #HANDOVER}) says from whom ({@code fromName}) the waiting step moved
 * to {@code whoName} or back to the {@code candidates} group, and why ({@code reason}, a message key; for a
 * 转办 by its holder {@code handover.byHolder}, with her own words in {@code comment}).
 */
public record TimelineEntry(String activityId, String activityName, String activityType, String who,
        String whoName, Date started, Date ended, Object decision, Object comment, boolean waiting,
        String candidates, String onBehalfOf, String onBehalfOfName, String fromName, String reason) {

    public static final String HANDOVER = "handover";

    TimelineEntry(String activityId, String activityName, String activityType, String who, String whoName,
            Date started, Date ended, Object decision, Object comment, boolean waiting, String candidates,
            String onBehalfOf, String onBehalfOfName) {
        this(activityId, activityName, activityType, who, whoName, started, ended, decision, comment, waiting,
                candidates, onBehalfOf, onBehalfOfName, null, null);
    }

    public boolean isHandover() {
        return HANDOVER.equals(activityType);
    }
}
