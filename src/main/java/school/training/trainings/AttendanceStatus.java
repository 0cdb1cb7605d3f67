package school.training.trainings;

/** 出勤 / 迟到 / 缺勤 / 请假 at one session. */
public enum AttendanceStatus {
    PRESENT, LATE, ABSENT, EXCUSED
}
