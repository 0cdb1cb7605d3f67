/**
 * Backup and restore of everything a school would lose: the database (H2's file or PostgreSQL's) and the uploads.
 * A backup is taken while the app runs ({@code GET /actuator/backup}, the admin's, answers a zip); a restore is a
 * command of the same jar run while the app is stopped ({@code --training.restore=backup.zip}), before anything
 * opens the database.
 */
package school.training.backups;
