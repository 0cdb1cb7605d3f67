package school.training.register;

import java.time.LocalDate;

/** One request as the register lists and exports it. */
record RegisterRow(String id, String approvalNumber, String processKey, String title, String teacherId,
        String teacherName, String groupName, String state, String status, LocalDate submitted, LocalDate ended,
        LocalDate tripStart, LocalDate tripEnd, String place) {
}
