package school.training.slip;

import java.util.Date;

/**
 * One line of a slip's approval record, in the order it happened: the request's start, a completed step
 * (its decision and comment as its step record kept them), or a hand-over of a waiting step.
 * {@code step} is the BPMN activity id (message {@code activity.<step>}), {@code stepName} the diagram's
 * name for it; {@code decision} a decision value (message {@code decision.<value>}) or null, then
 * {@code outcome} says what the line means without one ({@code slip.outcome.*}).
 */
record SlipEntry(Kind kind, String step, String stepName, String byName, String onBehalfOfName, Date at,
        String decision, String outcome, String comment, String toName, String toGroup, String reason) {

    enum Kind {
        START, STEP, HANDOVER
    }

    public boolean isHandover() {
        return kind == Kind.HANDOVER;
    }

    public boolean isStart() {
        return kind == Kind.START;
    }
}
