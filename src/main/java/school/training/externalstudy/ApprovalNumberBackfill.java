package school.training.externalstudy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, records the approval numbers registered without the unique table: before it existed, and
 * by requests that still run on an older version of the process, whose registration step has no
 * listener writing the table. Reads the history of finished registrations not in the table yet, oldest
 * first; a number that two requests got before the constraint existed stays with the first and is
 * logged for the office to correct. The database finds those registrations (not every registration ever made, as
 * it once did at every start: thousands of rows read and compared in memory before the first page, in a school
 * with years of history).
 */
@Component
@Order(3)
class ApprovalNumberBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApprovalNumberBackfill.class);
    private static final String COMPLETED = "completed";

    private final HistoryService historyService;
    private final ApprovalNumbers approvalNumbers;
    private final TransactionTemplate eachOnItsOwn;
    private final String missingSql;

    ApprovalNumberBackfill(HistoryService historyService, ManagementService managementService,
            ApprovalNumbers approvalNumbers, PlatformTransactionManager transactions) {
        this.historyService = historyService;
        this.missingSql = "select RES.* from " + managementService.getTableName(HistoricTaskInstanceEntity.class)
                + " RES where RES.PROC_DEF_KEY_ = #{process} and RES.TASK_DEF_KEY_ = #{step}"
                + " and RES.END_TIME_ is not null and RES.DELETE_REASON_ = #{completed}"
                + " and not exists (select 1 from approval_number N where N.process_instance_id = RES.PROC_INST_ID_)"
                + " order by RES.END_TIME_ asc, RES.ID_ asc";
        this.approvalNumbers = approvalNumbers;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = backfill();
        if (added > 0) {
            log.info("Recorded {} approval numbers from the history of earlier registrations", added);
        }
    }

    /** The number of registrations recorded now. */
    int backfill() {
        List<HistoricTaskInstance> missing = historyService.createNativeHistoricTaskInstanceQuery().sql(missingSql)
                .parameter("process", ExternalStudyProcess.KEY)
                .parameter("step", ExternalStudyProcess.OFFICE_REGISTRATION)
                .parameter("completed", COMPLETED).list();
        if (missing.isEmpty()) {
            return 0;
        }
        Map<String, Object> numbers = historyService.createHistoricVariableInstanceQuery()
                .variableName(ApprovalNumbers.VARIABLE)
                .processInstanceIdIn(missing.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct()
                        .toArray(String[]::new))
                .list().stream().filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getProcessInstanceId,
                        HistoricVariableInstance::getValue, (a, b) -> a));
        int added = 0;
        Set<String> known = new HashSet<>(); // a request registered twice (sent back after registering) counts once
        for (HistoricTaskInstance task : missing) {
            Object number = numbers.get(task.getProcessInstanceId());
            if (number == null || !known.add(task.getProcessInstanceId())) {
                continue;
            }
            try {
                eachOnItsOwn.executeWithoutResult(status -> approvalNumbers.record(number.toString(),
                        task.getProcessInstanceId(), task.getAssignee(), task.getEndTime().toInstant()));
                added++;
            } catch (DataIntegrityViolationException twice) {
                log.warn("Approval number {} was given twice before numbers were unique; request {} keeps it in "
                        + "its history but not in the register: the office should give it a new number",
                        number, task.getProcessInstanceId());
            }
        }
        return added;
    }
}
