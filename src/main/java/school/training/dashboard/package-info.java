/**
 * 办公室看板: what the office and the principal need to see across the school at a glance, and a group
 * leader for their own teaching group: trips under way and returning, check-ins due today, overdue
 * check-ins and reports, reports waiting for review, reimbursements to settle and approvals waiting,
 * each list exportable as CSV. Read-only: it queries the engine and changes nothing.
 */
package school.training.dashboard;
