package school.training.backups;

import java.util.regex.Pattern;

/** The names inside a backup zip, shared by the backup that writes them and the restore that checks them. */
final class BackupFormat {

    /** What the zip is: vendor, schema version, when, counts (and the first entry, so a glance says it). */
    static final String PROPERTIES = "backup.properties";
    static final String H2_DATABASE = "database/training.mv.db";
    static final String POSTGRESQL_DATABASE = "database/training.dump";
    static final String UPLOADS = "uploads/";
    /** Increased when a restore of this version could not read a newer zip. */
    static final String FORMAT = "1";

    /** An upload's name is its attachment id; nothing that could name a folder or leave it. */
    private static final Pattern UPLOAD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private BackupFormat() {
    }

    static String databaseEntry(String vendor) {
        return Database.H2.equals(vendor) ? H2_DATABASE : POSTGRESQL_DATABASE;
    }

    static boolean isUploadName(String name) {
        return UPLOAD_NAME.matcher(name).matches() && !name.contains("..");
    }

    /**
     * Refuses an entry that is not one of ours, above all one that would land outside the target (zip-slip:
     * {@code ../}, absolute names, backslashes).
     */
    static void check(String entry) {
        if (entry.startsWith("/") || entry.contains("\\") || entry.contains("..") || entry.contains(":")) {
            throw new Refused("The zip holds an entry that would land outside the target: " + entry
                    + " (not a backup of this app, or tampered with); nothing was restored");
        }
        boolean known = entry.equals(PROPERTIES) || entry.equals(H2_DATABASE) || entry.equals(POSTGRESQL_DATABASE)
                || entry.equals(UPLOADS)
                || entry.startsWith(UPLOADS) && isUploadName(entry.substring(UPLOADS.length()));
        if (!known) {
            throw new Refused("The zip holds an entry a backup of this app never has: " + entry
                    + "; nothing was restored");
        }
    }
}
