package school.training.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * The first-run step: while the school has no administrator (nobody in Camunda's group
 * {@value CamundaGroups#ADMIN}) and none was ever set up here, {@code /setup} creates one. Once done it is
 * closed for good: a property in the engine's database remembers it, so removing the last administrator
 * later does not open it again. The administrator is a directory entry with {@link Role#ADMIN} and a Camunda
 * account in {@value CamundaGroups#ADMIN} only (not in the office: IT is no approver and gets no office
 * tasks; the security pages and Camunda's Admin and Cockpit admit the admin group). Only one of two setups
 * posted at once wins: the check and the creation run under one lock, the commit before the lock is let go
 * (one application node; the database file admits one).
 */
@Service
class FirstAdministrator {

    /** Engine property (ACT_GE_PROPERTY) naming the administrator the first-run step created. */
    static final String DONE_PROPERTY = "training.setup.first-admin";
    static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9._-]+");
    static final int MAX_USER_ID = 64;
    static final int MAX_NAME = 50;

    private final IdentityService identityService;
    private final ManagementService managementService;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final Object lock = new Object();
    private volatile boolean closed;

    FirstAdministrator(IdentityService identityService, ManagementService managementService, Directory directory,
            PlatformTransactionManager transactionManager) {
        this.identityService = identityService;
        this.managementService = managementService;
        this.directory = directory;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** True while the first administrator may still be created. */
    boolean open() {
        if (closed) {
            return false;
        }
        boolean done = managementService.getProperties().containsKey(DONE_PROPERTY)
                || identityService.createUserQuery().memberOfGroup(CamundaGroups.ADMIN).count() > 0;
        if (done) {
            closed = true;
        }
        return !done;
    }

    /**
     * Creates the administrator, or says why not (message keys). Empty problems: created. Refuses with
     * {@code setup.closed} when an administrator exists already.
     */
    List<String> create(String userId, String name, String password, String repeated) {
        String id = userId == null ? "" : userId.trim();
        String shownName = name == null ? "" : name.trim();
        List<String> problems = new ArrayList<>();
        if (id.isEmpty()) {
            problems.add("setup.userId.required");
        } else if (id.length() > MAX_USER_ID || !USER_ID.matcher(id).matches()) {
            problems.add("setup.userId.invalid");
        }
        if (shownName.isEmpty()) {
            problems.add("setup.name.required");
        } else if (shownName.length() > MAX_NAME || shownName.chars().anyMatch(Character::isISOControl)) {
            problems.add("setup.name.invalid");
        }
        problems.addAll(PasswordRules.problems(id, password, repeated));
        synchronized (lock) {
            if (!open()) {
                return List.of("setup.closed");
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            if (identityService.createUserQuery().userId(id).count() > 0 || directory.find(id).isPresent()) {
                return List.of("setup.userId.taken");
            }
            transactions.executeWithoutResult(status -> {
                directory.register(id, shownName, Role.ADMIN, null, null, password);
                managementService.setProperty(DONE_PROPERTY, id);
            });
            closed = true;
            return List.of();
        }
    }

    /** Who was created by the first-run step, if it ran here. */
    Optional<String> createdAdministrator() {
        return Optional.ofNullable(managementService.getProperties().get(DONE_PROPERTY));
    }
}
