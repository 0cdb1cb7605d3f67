package school.training.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import school.training.people.TeachingGroup;

/**
 * One line of a dashboard list. Each section fills what it shows and leaves the rest null:
 * {@code requestId} is the process instance the title links to, {@code days} is days overdue or days waiting.
 */
record DashboardRow(String requestId, String teacherId, String teacherName, TeachingGroup group, String title,
        String step, LocalDate startDate, LocalDate endDate, LocalDateTime due, LocalDateTime since, Long days,
        BigDecimal amount, String assignee) {

    static DashboardRow trip(String requestId, String teacherId, String teacherName, TeachingGroup group, String title,
            LocalDate startDate, LocalDate endDate) {
        return new DashboardRow(requestId, teacherId, teacherName, group, title, null, startDate, endDate, null, null,
                null, null, null);
    }

    DashboardRow withTask(String step, LocalDateTime due, LocalDateTime since, Long days, BigDecimal amount,
            String assignee) {
        return new DashboardRow(requestId, teacherId, teacherName, group, title, step, startDate, endDate, due, since,
                days, amount, assignee);
    }

    String groupId() {
        return group == null ? null : group.getId();
    }
}
