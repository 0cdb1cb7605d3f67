/**
 * Credit recognition (学时认定, process {@code creditRecognition}): hours a teacher earned outside the
 * school's own trainings — an online course, a county, city or provincial training — are checked by the
 * group leader, recognised by the office (capped by the DMN table {@code creditRecognitionCap}) and then
 * credited to the ledger; a certificate counts once. Also the office's bulk import of hours lists that a
 * training platform or the county bureau exports (source {@code hoursImport}).
 */
package school.training.recognition;
