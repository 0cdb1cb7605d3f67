package school.training.slip;

import java.util.Date;
import java.util.List;

import school.training.tasklist.RequestSummary;
import school.training.tasklist.TimelineEntry;

/**
 * What an approval slip shows: the request, its applicant and group, its approval number, every field of
 * its forms (one {@link Section} per form, each field once), every decision in order, where it waits if it is not
 * finished, and the report-back whose reimbursement statement can be printed ({@code reimbursementId}).
 */
record Slip(RequestSummary request, String applicantName, String teachingGroup, String approvalNumber,
        Date submitted, List<Section> sections, List<SlipEntry> entries, List<TimelineEntry> waiting,
        String reimbursementId) {

    /** One form of the request, titled as on the request page, with its fields as they read. */
    record Section(String title, List<Field> fields) {
    }

    /** A field's label and its value as text; a long text takes the slip's whole width. */
    record Field(String key, String label, String value, boolean wide) {
    }
}
