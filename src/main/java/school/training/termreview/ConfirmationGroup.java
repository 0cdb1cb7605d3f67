package school.training.termreview;

import java.util.List;
import java.util.Map;

/**
 * One teaching group's results of one campaign waiting for the principal: the rows (task id, process
 * instance id and the scored variables) and what the confirmation button posts.
 */
public record ConfirmationGroup(long campaignId, String termLabel, String groupId, String groupName,
        List<Row> rows) {

    public record Row(String taskId, String processInstanceId, Map<String, Object> values) {
    }
}
