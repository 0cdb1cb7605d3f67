package school.training.tasklist;

import java.util.List;

/**
 * An approver on our task page copied (抄送) the decision she just made to these people and/or the office.
 * Published after the decision committed; the hearback module grants them read access and tells them.
 * Only our pages offer copying: Camunda's Tasklist form and the REST API have no field for it.
 */
public record CopyRequested(String processInstanceId, String step, String copiedBy, List<String> people,
        boolean office) {
}
