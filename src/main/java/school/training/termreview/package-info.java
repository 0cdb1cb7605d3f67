/**
 * 学期考核 (process {@code termReview}): the office opens a review for a term, one per teacher; each
 * arrives pre-filled with what the system knows (ledger hours, overdue report-backs, archive), the
 * teacher assesses herself, the group leader scores on the school's rubric, the principal confirms,
 * the result is published and archived, and the teacher may appeal within three days.
 */
package school.training.termreview;
