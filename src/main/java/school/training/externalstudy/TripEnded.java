package school.training.externalstudy;

import java.time.LocalDate;

/**
 * Published when an approved, registered trip reaches its end date: the seam where the report-back
 * process (postStudyReport) starts.
 */
public record TripEnded(String externalStudyInstanceId, String applicant, LocalDate endDate, String approvalNumber) {
}
