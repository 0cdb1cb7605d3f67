/**
 * The professional archive (业务档案): what a teacher's career file records — trips studied and reported
 * on, degrees gained, term-review results. Processes write to it through
 * {@link school.training.archive.ProfessionalArchive}; writing the same event twice is impossible.
 */
package school.training.archive;
