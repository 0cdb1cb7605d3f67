/**
 * The paper the finance office asks for: a request's approval slip (审批单) and a settled trip's
 * reimbursement statement (报销单), each one A4 page printed (or saved as PDF) from the browser. Read
 * only, from the request's records, for exactly the people who may read the request itself.
 */
package school.training.slip;
