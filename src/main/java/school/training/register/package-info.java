/**
 * 申请台账 (request register): every request a reader may see — their own, their group's, the school's —
 * found by teacher, title, approval number, process, state, submission dates and group, paged, sorted
 * and exported as CSV or Excel; and, for the office and the principal, the approved trips not yet begun.
 * Read-only: it queries the request read model of {@code records} and changes nothing.
 */
package school.training.register;
