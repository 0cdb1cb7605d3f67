package school.training.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * School-wide compliance with the ledger's rules (达标情况): per teaching group how many teachers meet a
 * rule, per teacher how far they are, and reminders to those behind, at most one a day per teacher and
 * rule.
 */
@Service
public class Compliance {

    static final String REMINDER = "ledger.notify.behind";
    private static final int ALL = 10_000;

    private final TrainingLedger ledger;
    private final Directory directory;
    private final Notifications notifications;
    private final ComplianceReminderRepository reminders;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Compliance(TrainingLedger ledger, Directory directory, Notifications notifications,
            ComplianceReminderRepository reminders, Clock clock, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.directory = directory;
        this.notifications = notifications;
        this.reminders = reminders;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record TeacherFigures(String teacherId, String name, String groupName, RequirementProgress progress) {
    }

    public record GroupFigures(String groupId, String name, int teachers, int met) {
        public int percentMet() {
            return teachers == 0 ? 100 : met * 100 / teachers;
        }
    }

    public Optional<RequirementRule> rule(String id) {
        return ledger.rules().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One page of teachers (of a group when given) with their progress on the rule. */
    public Page<TeacherFigures> teachers(RequirementRule rule, String groupId, Pageable page) {
        Page<Person> people = directory.teaching(groupId, page);
        List<TeacherFigures> figures = figures(rule, people.getContent());
        return people.map(person -> figures.stream().filter(f -> f.teacherId().equals(person.getId())).findFirst()
                .orElseThrow());
    }

    /** Every teacher (of a group when given), for the export and the reminders. */
    public List<TeacherFigures> allTeachers(RequirementRule rule, String groupId) {
        return figures(rule, directory.teaching(groupId, PageRequest.of(0, ALL)).getContent());
    }

    public List<GroupFigures> groups(RequirementRule rule) {
        List<TeacherFigures> all = allTeachers(rule, null);
        return directory.teachingGroups().stream().map(group -> {
            List<TeacherFigures> members = all.stream().filter(f -> group.getName().equals(f.groupName())).toList();
            return new GroupFigures(group.getId(), group.getName(), members.size(),
                    (int) members.stream().filter(f -> f.progress().met()).count());
        }).filter(g -> g.teachers() > 0).toList();
    }

    /**
     * Reminds every teacher (of a group when given) behind on the rule, except those reminded of it today.
     *
     * @return how many were reminded now
     */
    public int remindThoseBehind(RequirementRule rule, String groupId, String remindedBy) {
        LocalDate today = today();
        int reminded = 0;
        for (TeacherFigures teacher : allTeachers(rule, groupId)) {
            if (teacher.progress().met()) {
                continue;
            }
            Boolean sent = ownTransaction.execute(status -> {
                if (reminders.existsByTeacherIdAndRuleIdAndRemindedOn(teacher.teacherId(), rule.id(), today)) {
                    return false;
                }
                reminders.saveAndFlush(new ComplianceReminder(teacher.teacherId(), rule.id(), today, remindedBy,
                        clock.instant()));
                // one message per rule (ledger.notify.behind.<rule>), so the text stays a key and its arguments
                notifications.notify(teacher.teacherId(), REMINDER + "." + rule.id(), "/ledger",
                        teacher.progress().remaining().toPlainString());
                return true;
            });
            reminded += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return reminded;
    }

    private List<TeacherFigures> figures(RequirementRule rule, List<Person> people) {
        LocalDate today = today();
        LocalDate from = rule.period().from(today);
        LocalDate to = rule.period().to(today);
        Map<String, BigDecimal> hours = ledger.hours(people.stream().map(Person::getId).toList(), from, to,
                rule.countedCategories().toArray(Category[]::new));
        return people.stream().map(person -> new TeacherFigures(person.getId(), person.getName(),
                Optional.ofNullable(person.getTeachingGroup()).map(TeachingGroup::getName).orElse("—"),
                RequirementProgress.of(rule, from, to, hours.get(person.getId())))).toList();
    }
}
