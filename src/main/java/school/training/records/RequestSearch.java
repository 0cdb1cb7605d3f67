package school.training.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * What a search of the request read model asks for ({@link RequestOverviews#search}); a null criterion
 * does not narrow. Every criterion is a condition of the database query, never a filter over rows in Java.
 *
 * @param applicants whose requests the reader may see at all; null: everyone's (the office, the principal)
 * @param teacher the applicant's user id, or part of their name
 * @param title part of the title (case-insensitive)
 * @param approvalNumber part of the approval number (case-insensitive)
 * @param processKey the process
 * @param state where the request stands
 * @param teachingGroupId the applicant's group when the request started
 * @param startedFrom submitted at or after
 * @param startedBefore submitted before
 * @param waitingIn an open step the request waits in (e.g. the wait for a trip's end)
 * @param tripStartsAfter the request's start date is after this day
 */
public record RequestSearch(Collection<String> applicants, String teacher, String title, String approvalNumber,
        String processKey, RequestOverview.State state, String teachingGroupId, Instant startedFrom,
        Instant startedBefore, String waitingIn, LocalDate tripStartsAfter) {
}
