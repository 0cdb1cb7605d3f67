package school.training.reporting;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Report-back rules a school sets (application.yml, {@code training.reporting}): how many days after
 * return the study report is due (seed: "及时", default 7), and when on the day of return the teacher
 * is reminded to check in (the check-in itself is due at 23:59 that day).
 */
@ConfigurationProperties("training.reporting")
public record ReportingSettings(Integer reportDueDays, LocalTime checkInReminderTime) {

    public ReportingSettings {
        reportDueDays = reportDueDays == null ? 7 : reportDueDays;
        checkInReminderTime = checkInReminderTime == null ? LocalTime.of(17, 0) : checkInReminderTime;
    }
}
