/**
 * 外出学习汇报 (process {@code postStudyReport}): after an approved trip the teacher checks back in on
 * the day of return, submits the study report with materials and actual expenses, the group leader
 * reviews it (and may ask for a sharing session), hours are credited to the ledger and the archive,
 * and the office settles the reimbursement under "超支不补、违章则罚".
 */
package school.training.reporting;
