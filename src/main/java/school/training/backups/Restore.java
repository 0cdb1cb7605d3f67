package school.training.backups;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.springframework.core.env.Environment;

/**
 * Restores a backup zip ({@link BackupFormat}) into the configured database and uploads folder, while the app is
 * stopped ({@link RestoreCommand}). Everything is checked before anything is written: the zip is one of ours, of
 * the database kind configured, every entry stays inside its target, and the target is empty — an H2 database
 * file that already exists, or a PostgreSQL database that has tables, is kept unless {@code force} is set.
 */
public final class Restore {

    /** Where to restore to: the app's {@code spring.datasource.*}, {@code training.uploads.dir} and so on. */
    public record Settings(String url, String username, String password, Path uploads, String pgRestore,
            boolean force) {

        public Settings {
            if (uploads == null) {
                throw new Refused("training.uploads.dir is not set");
            }
            pgRestore = pgRestore == null || pgRestore.isBlank() ? "pg_restore" : pgRestore;
        }

        /** As the app would read them at start-up (application.yml, its profiles, the environment, arguments). */
        public static Settings from(Environment environment) {
            String uploads = environment.getProperty("training.uploads.dir");
            return new Settings(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"),
                    uploads == null ? null : Path.of(uploads),
                    environment.getProperty("training.backup.pg-restore", "pg_restore"),
                    environment.getProperty("training.restore-force", Boolean.class, false));
        }

        public Settings forced() {
            return new Settings(url, username, password, uploads, pgRestore, true);
        }
    }

    /** What was restored, for the command's last words. */
    public record Result(String database, String schemaVersion, String takenAt, String requests, int uploads) {
    }

    private Restore() {
    }

    public static Result into(Path zip, Settings settings) {
        if (!Files.isRegularFile(zip)) {
            throw new Refused("There is no backup file " + zip.toAbsolutePath());
        }
        Database database = new Database(settings.url(), settings.username(), settings.password());
        try (ZipFile backup = open(zip)) {
            List<ZipEntry> uploads = new ArrayList<>();
            ZipEntry about = null;
            Enumeration<? extends ZipEntry> entries = backup.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                BackupFormat.check(entry.getName());
                if (entry.getName().equals(BackupFormat.PROPERTIES)) {
                    about = entry;
                } else if (entry.getName().startsWith(BackupFormat.UPLOADS) && !entry.isDirectory()) {
                    uploads.add(entry);
                }
            }
            if (about == null) {
                throw new Refused(zip + " is not a backup of this app (it has no " + BackupFormat.PROPERTIES
                        + "); nothing was restored");
            }
            Properties properties = new Properties();
            try (InputStream in = backup.getInputStream(about)) {
                properties.load(in);
            }
            if (!BackupFormat.FORMAT.equals(properties.getProperty("format"))) {
                throw new Refused(zip + " is a backup in format " + properties.getProperty("format")
                        + ", this version restores format " + BackupFormat.FORMAT + "; nothing was restored");
            }
            String vendor = database.vendor();
            String backedUp = properties.getProperty("database");
            if (!vendor.equals(backedUp)) {
                String hint = Database.H2.equals(vendor) ? "for PostgreSQL add --spring.profiles.active=postgres"
                        : "for H2 leave out the profile postgres";
                throw new Refused(zip + " is a backup of the database kind " + backedUp + " but the app is set up for "
                        + vendor + " (" + settings.url() + "; " + hint + "); nothing was restored");
            }
            ZipEntry snapshot = backup.getEntry(BackupFormat.databaseEntry(vendor));
            if (snapshot == null) {
                throw new Refused(zip + " holds no " + BackupFormat.databaseEntry(vendor) + "; nothing was restored");
            }
            if (Database.H2.equals(vendor)) {
                restoreH2(backup, snapshot, database.h2File(), settings.force());
            } else {
                restorePostgres(backup, snapshot, database, settings);
            }
            copyUploads(backup, uploads, settings.uploads().toAbsolutePath().normalize());
            return new Result(vendor, properties.getProperty("schema-version"), properties.getProperty("taken-at"),
                    properties.getProperty("requests"), uploads.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore " + zip, e);
        }
    }

    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new Refused(zip + " is not a zip file (" + e.getMessage() + "); nothing was restored", e);
        }
    }

    private static void restoreH2(ZipFile backup, ZipEntry snapshot, Path file, boolean force) throws IOException {
        if (Files.exists(file) && !force) {
            throw new Refused("The database " + file + " already exists; nothing was restored. Restore into an "
                    + "empty data directory, or replace it (the app stopped!) with --training.restore-force=true");
        }
        Files.createDirectories(file.getParent());
        // written beside and moved in, so a restore cut short never leaves half a database under the real name
        Path partial = Files.createTempFile(file.getParent(), "restore", ".part");
        try {
            try (InputStream in = backup.getInputStream(snapshot)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void restorePostgres(ZipFile backup, ZipEntry snapshot, Database database, Settings settings)
            throws IOException {
        int tables = tables(database);
        if (tables > 0 && !settings.force()) {
            throw new Refused("The database " + database.url() + " already has " + tables + " tables; nothing was "
                    + "restored. Restore into a new empty database, or replace its content (the app stopped!) "
                    + "with --training.restore-force=true");
        }
        Path dump = Files.createTempFile("training-restore", ".dump");
        try {
            try (InputStream in = backup.getInputStream(snapshot)) {
                Files.copy(in, dump, StandardCopyOption.REPLACE_EXISTING);
            }
            PostgresTools.restore(settings.pgRestore(), database, dump, tables > 0);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static int tables(Database database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password()); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from information_schema.tables "
                        + "where table_schema not in ('pg_catalog', 'information_schema')")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new Refused("Could not open the database " + database.url() + " (" + e.getMessage()
                    + "); create it first, empty, owned by " + database.username(), e);
        }
    }

    private static void copyUploads(ZipFile backup, List<ZipEntry> uploads, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (ZipEntry entry : uploads) {
            Path target = directory.resolve(entry.getName().substring(BackupFormat.UPLOADS.length())).normalize();
            if (!directory.equals(target.getParent())) {
                throw new Refused("The zip's entry " + entry.getName() + " would land outside " + directory);
            }
            try (InputStream in = backup.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
