/**
 * The training-hours ledger (学时台账): every credited activity of a teacher as one entry (date, category,
 * hours, where it came from), and progress against the school's requirement rules per term, year and
 * five years. Processes credit it through {@link school.training.ledger.TrainingLedger}; crediting the same
 * source twice is impossible, so a retried process step never counts hours twice.
 */
package school.training.ledger;
