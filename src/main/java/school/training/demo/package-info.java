/**
 * Demo profile only: requests in every state (under way, overdue check-in, overdue report, report to
 * review, reimbursement to settle), so the tasklist and the office dashboard look like a real term.
 */
package school.training.demo;
