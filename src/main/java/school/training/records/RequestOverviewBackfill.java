package school.training.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the read model once, at start-up, for requests older than it: every process instance without a
 * {@code request_summary} row gets one from its records and the engine's history, in chunks of
 * {@value #CHUNK}, each in its own transaction. Idempotent: a second start finds nothing to do, and a
 * request the engine moves meanwhile is written by its listeners. The database picks the instances without a row
 * (an anti-join on the summary's key): reading every historic instance at every start, as it once did, cost a
 * school with 100,000 requests seconds before its first page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestOverviewBackfill implements ApplicationRunner {

    static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RequestOverviewBackfill.class);

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final RequestOverviews overviews;
    private final RequestRecords records;
    private final TransactionTemplate transaction;
    private final String missingSql;

    RequestOverviewBackfill(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, RequestOverviews overviews, RequestRecords records,
            PlatformTransactionManager transactions) {
        this.historyService = historyService;
        this.missingSql = "select RES.* from " + managementService.getTableName(HistoricProcessInstanceEntity.class)
                + " RES where RES.ID_ > #{after} and not exists"
                + " (select 1 from request_summary S where S.process_instance_id = RES.ID_) order by RES.ID_ asc";
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.overviews = overviews;
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = fill();
        if (added > 0) {
            LOG.info("Request read model: {} older requests added", added);
        }
    }

    /** Adds the missing rows; returns how many. */
    int fill() {
        int added = 0;
        String after = "";
        while (true) {
            // after the last one seen, so an instance that cannot be filled is not picked again and again
            List<HistoricProcessInstance> chunk = historyService.createNativeHistoricProcessInstanceQuery()
                    .sql(missingSql).parameter("after", after).listPage(0, CHUNK);
            if (chunk.isEmpty()) {
                return added;
            }
            after = chunk.get(chunk.size() - 1).getId();
            Integer count = transaction.execute(status -> fill(chunk));
            added += count == null ? 0 : count;
            if (chunk.size() < CHUNK) {
                return added;
            }
        }
    }

    private int fill(List<HistoricProcessInstance> chunk) {
        Set<String> existing = new HashSet<>(overviews.existing(chunk.stream().map(HistoricProcessInstance::getId)
                .toList()));
        List<HistoricProcessInstance> missing = chunk.stream().filter(i -> !existing.contains(i.getId())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        String[] ids = missing.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, RequestRecord> requests = records.requests(List.of(ids));
        Map<String, Map<String, Object>> facts = records.facts(List.of(ids));
        Map<String, String> applicants = new HashMap<>();
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                .variableName("applicant").list()) {
            if (v.getTaskId() == null && v.getValue() != null) {
                applicants.putIfAbsent(v.getProcessInstanceId(), v.getValue().toString());
            }
        }
        Map<String, List<Task>> tasks = new HashMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(ids).orderByTaskCreateTime().asc().list()) {
            tasks.computeIfAbsent(task.getProcessInstanceId(), k -> new java.util.ArrayList<>()).add(task);
        }
        Map<String, Object> totals = new HashMap<>();
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids).variableName("reimbursableTotal").list()
                .forEach(v -> totals.put(v.getProcessInstanceId(), v.getValue()));
        for (HistoricProcessInstance instance : missing) {
            String id = instance.getId();
            RequestOverview overview = new RequestOverview(id, instance.getProcessDefinitionKey(),
                    instance.getStartTime().toInstant());
            RequestRecord request = requests.get(id);
            overviews.applicant(overview, request != null ? request.getApplicant() : applicants.get(id));
            RequestOverviews.facts(overview, facts.getOrDefault(id, Map.of()));
            if (totals.get(id) instanceof Number total) {
                overview.reimbursableTotal(new BigDecimal(total.toString()).setScale(2, RoundingMode.HALF_UP));
            }
            if (instance.getEndTime() != null) {
                String end = HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())
                        ? instance.getEndActivityId() : null;
                overview.ended(RequestOverviews.stateOf(end), end, instance.getEndTime().toInstant());
            } else {
                List<Task> open = tasks.getOrDefault(id, List.of());
                if (open.isEmpty()) {
                    // waiting outside a user task (the trip's end): one look at this instance only
                    runtimeService.getActiveActivityIds(id).forEach(
                            activity -> overview.opened(activity, instance.getStartTime().toInstant(), null));
                }
                for (Task task : open) {
                    overview.opened(task.getTaskDefinitionKey(), task.getCreateTime().toInstant(),
                            task.getDueDate() == null ? null
                                    : LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault()));
                }
            }
            overviews.save(overview);
        }
        return missing.size();
    }
}
