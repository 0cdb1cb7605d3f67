package school.training.ledger;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface ComplianceReminderRepository extends JpaRepository<ComplianceReminder, Long> {

    boolean existsByTeacherIdAndRuleIdAndRemindedOn(String teacherId, String ruleId, LocalDate remindedOn);
}
