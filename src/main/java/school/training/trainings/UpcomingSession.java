package school.training.trainings;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session on a teacher's calendar (home page, 校本培训 list): read with its project's title in one query, where
 * the sessions themselves would load each project, and each project all its sessions, one query at a time.
 */
public record UpcomingSession(Long projectId, String title, LocalDate date, LocalTime startTime, LocalTime endTime,
        String place) {
}
