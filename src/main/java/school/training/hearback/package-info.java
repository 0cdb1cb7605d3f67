/**
 * Hearing back: the applicant hears of every decision on her request (approved, returned or refused with
 * the reason, registered with its approval number) whichever client made it; she may urge (催办) a step
 * that has waited too long, once a day; an approver may copy (抄送) a decision to named people or the
 * office, who may then read the request.
 */
package school.training.hearback;
