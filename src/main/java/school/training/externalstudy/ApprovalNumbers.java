package school.training.externalstudy;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.hibernate.Session;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import school.training.tasklist.RuleViolation;

/**
 * The office's approval numbers (审批编号) WX-&lt;year&gt;-&lt;sequence&gt;: the next free one is suggested when
 * the registration task arrives, a number already given to another request is refused, and the
 * registration records the number under a unique key ({@link RegisteredApprovalNumber}) so that of two
 * clerks registering the same number at once only one succeeds.
 */
@Component("approvalNumbers")
public class ApprovalNumbers {

    static final String VARIABLE = "approvalNumber";
    static final String TAKEN = "externalStudy.error.approvalNumberTaken";
    private static final Pattern NUMBER = Pattern.compile("WX-(\\d{4})-(\\d{3,4})");

    private final RegisteredApprovalNumberRepository registered;
    private final ProcessEngineConfigurationImpl engine;
    private final Clock clock;
    private final MessageSource messages;
    private final TransactionTemplate freshRead;
    private final EntityManager entityManager;

    ApprovalNumbers(RegisteredApprovalNumberRepository registered, ProcessEngineConfigurationImpl engine, Clock clock,
            MessageSource messages, PlatformTransactionManager transactions, EntityManager entityManager) {
        this.registered = registered;
        this.engine = engine;
        this.clock = clock;
        this.messages = messages;
        this.freshRead = new TransactionTemplate(transactions);
        this.freshRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.freshRead.setReadOnly(true);
        this.entityManager = entityManager;
    }

    /** Task listener on create of {@code officeRegistration}: pre-fills the next number of this year. */
    public void suggest(DelegateTask task) {
        if (task.getVariable(VARIABLE) == null) {
            task.setVariable(VARIABLE, next(task.getProcessInstanceId()));
        }
    }

    /**
     * Task listener on complete of {@code officeRegistration}: records the number in the engine's own
     * transaction (Camunda and JPA share Spring's transaction and connection). A number a colleague
     * registered a moment ago fails the insert on the unique key, and with it this registration, which
     * is refused beside the number with the next free one named.
     */
    public void register(DelegateTask task) {
        Object value = task.getVariable(VARIABLE);
        if (value == null) {
            return; // the form requires a number; a script that sends none is refused by the form check
        }
        String number = value.toString();
        String processInstanceId = task.getProcessInstanceId();
        Optional<RegisteredApprovalNumber> existing = registered.findByNumber(number);
        if (existing.isPresent()) {
            if (existing.get().getProcessInstanceId().equals(processInstanceId)) {
                return; // registered already (a retry)
            }
            throw taken(number, processInstanceId);
        }
        try {
            recordWithSavepoint(number, processInstanceId, registeredBy(task), clock.instant());
        } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
            // a colleague's registration of the same number committed first (or is about to)
            throw taken(number, processInstanceId);
        }
    }

    /**
     * PostgreSQL refuses every statement after a failed one until the transaction ends, and the engine still reads
     * executions while it handles the listener's refusal: a failed insert falls back to a savepoint (JDBC's own,
     * as Spring's JPA transactions offer no nested ones) so the refusal reaches the person, not a 500.
     */
    private void recordWithSavepoint(String number, String processInstanceId, String registeredBy,
            Instant registeredAt) {
        Session session = entityManager.unwrap(Session.class);
        Savepoint savepoint = session.doReturningWork(Connection::setSavepoint);
        try {
            record(number, processInstanceId, registeredBy, registeredAt);
        } catch (RuntimeException failed) {
            session.doWork(connection -> connection.rollback(savepoint));
            throw failed;
        }
        session.doWork(connection -> connection.releaseSavepoint(savepoint));
    }

    /** Inserts and flushes at once, so a duplicate fails here and not at some later flush. */
    void record(String number, String processInstanceId, String registeredBy, Instant registeredAt) {
        Matcher parts = NUMBER.matcher(number);
        boolean ours = parts.matches();
        registered.saveAndFlush(new RegisteredApprovalNumber(number, ours ? Integer.valueOf(parts.group(1)) : null,
                ours ? Integer.valueOf(parts.group(2)) : null, processInstanceId, registeredBy, registeredAt));
    }

    /** True when another request already carries this number. */
    boolean takenByAnother(String number, String processInstanceId) {
        return registered.findByNumber(number).filter(r -> !r.getProcessInstanceId().equals(processInstanceId))
                .isPresent();
    }

    /**
     * The next number of this year: above every registered one and above the numbers pre-filled in
     * other registrations still waiting for the office, so two waiting requests are not offered the
     * same number.
     */
    String next(String processInstanceId) {
        int year = Year.now(clock).getValue();
        Integer highest = registered.highestSequence(year);
        int waiting = waitingSuggestions(processInstanceId).stream().map(NUMBER::matcher).filter(Matcher::matches)
                .filter(m -> Integer.parseInt(m.group(1)) == year).mapToInt(m -> Integer.parseInt(m.group(2)))
                .max().orElse(0);
        return "WX-%d-%03d".formatted(year, Math.max(highest == null ? 0 : highest, waiting) + 1);
    }

    /**
     * The refusal, naming a fresh number. After a failed insert this transaction is unusable (PostgreSQL
     * refuses every further statement), so the number is read in a new transaction and a new engine
     * context, which also see the colleague's registration once it is committed.
     */
    private RuleViolation taken(String number, String processInstanceId) {
        String fresh = freshRead.execute(status -> {
            try {
                return ProcessEngineContext.withNewProcessEngineContext(() -> next(processInstanceId));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String text = messages.getMessage(TAKEN, new Object[] { number, fresh }, TAKEN, Locale.SIMPLIFIED_CHINESE);
        return RuleViolation.of("审批编号 (" + VARIABLE + "): " + text, VARIABLE, TAKEN, number, fresh);
    }

    private List<String> waitingSuggestions(String processInstanceId) {
        // whoever's command this runs in (the principal approving over REST, say), it must see every
        // waiting registration, not only those the caller may read
        return engine.getCommandExecutorTxRequired().execute(context -> {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                TaskService tasks = engine.getTaskService();
                RuntimeService runtime = engine.getRuntimeService();
                String[] others = tasks.createTaskQuery().processDefinitionKey(ExternalStudyProcess.KEY)
                        .taskDefinitionKey(ExternalStudyProcess.OFFICE_REGISTRATION).list().stream()
                        .map(Task::getProcessInstanceId).filter(id -> !id.equals(processInstanceId)).distinct()
                        .toArray(String[]::new);
                if (others.length == 0) {
                    return List.<String>of();
                }
                return runtime.createVariableInstanceQuery().variableName(VARIABLE).processInstanceIdIn(others).list()
                        .stream().map(VariableInstance::getValue).filter(v -> v != null).map(Object::toString).toList();
            } finally {
                if (checking) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }

    private String registeredBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }
}
