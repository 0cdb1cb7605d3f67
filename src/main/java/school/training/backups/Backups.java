package school.training.backups;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Service;

/**
 * Takes a backup of the running app into one zip ({@link BackupFormat}): first a consistent snapshot of the
 * database — H2's online {@code BACKUP TO} (the running app holds the file's lock, a plain copy could be torn),
 * PostgreSQL's {@code pg_dump} — then the uploads. An upload is written before the row naming it commits and
 * is never deleted, so copying them after the snapshot gives every file the snapshot refers to.
 */
@Service
class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final DataSource dataSource;
    private final Database database;
    private final Path uploads;
    private final String pgDump;
    private final ObjectProvider<Flyway> flyway;

    Backups(DataSource dataSource, DataSourceProperties properties, @Value("${training.uploads.dir}") Path uploads,
            @Value("${training.backup.pg-dump:pg_dump}") String pgDump, ObjectProvider<Flyway> flyway) {
        this.dataSource = dataSource;
        this.database = new Database(properties.determineUrl(), properties.determineUsername(),
                properties.determinePassword());
        this.uploads = uploads.toAbsolutePath().normalize();
        this.pgDump = pgDump;
        this.flyway = flyway;
    }

    /** Writes the backup into {@code zip}; one at a time, a second caller waits for the first. */
    synchronized void writeTo(Path zip) {
        String vendor = database.vendor();
        Path work = null;
        try {
            work = Files.createTempDirectory("training-backup");
            Properties about = about(vendor);
            Path snapshot = work.resolve(Database.H2.equals(vendor) ? "h2.zip" : "training.dump");
            if (Database.H2.equals(vendor)) {
                h2Snapshot(snapshot);
            } else {
                PostgresTools.dump(pgDump, database, snapshot);
            }
            int files;
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry(BackupFormat.PROPERTIES));
                // the stream stays open after store (Properties' contract) for the next entries
                about.store(out, "Training Approvals backup: restore with "
                        + "java -jar training-approvals.jar --training.restore=<this zip>");
                out.closeEntry();
                if (Database.H2.equals(vendor)) {
                    addH2Database(out, snapshot);
                } else {
                    add(out, BackupFormat.POSTGRESQL_DATABASE, snapshot);
                }
                files = addUploads(out);
            }
            log.info("Backup taken: {} database, schema version {}, {} requests, {} uploaded files", vendor,
                    about.getProperty("schema-version"), about.getProperty("requests"), files);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup", e);
        } finally {
            deleteTree(work);
        }
    }

    private Properties about(String vendor) {
        Properties about = new Properties();
        about.setProperty("format", BackupFormat.FORMAT);
        String version = Backups.class.getPackage().getImplementationVersion();
        about.setProperty("app-version", version == null ? "unknown" : version);
        about.setProperty("database", vendor);
        Flyway migrations = flyway.getIfAvailable();
        MigrationInfo current = migrations == null ? null : migrations.info().current();
        about.setProperty("schema-version", current == null || current.getVersion() == null ? "none"
                : current.getVersion().getVersion());
        about.setProperty("taken-at", Instant.now().toString());
        about.setProperty("requests", String.valueOf(count("request_record")));
        about.setProperty("attachments", String.valueOf(count("attachment")));
        return about;
    }

    private long count(String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count " + table, e);
        }
    }

    /** H2 writes a zip holding the database file, copied consistently while others keep writing. */
    private void h2Snapshot(Path h2Zip) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + h2Zip.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new Refused("H2 could not back up " + database.url() + ": " + e.getMessage(), e);
        }
    }

    /** The database file of H2's zip, streamed into ours (no third copy on disk). */
    private void addH2Database(ZipOutputStream out, Path h2Zip) throws IOException {
        try (ZipFile zip = new ZipFile(h2Zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".mv.db")) {
                    out.putNextEntry(new ZipEntry(BackupFormat.H2_DATABASE));
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                    return;
                }
            }
        }
        throw new IllegalStateException("H2's backup of " + database.url() + " holds no database file");
    }

    private int addUploads(ZipOutputStream out) throws IOException {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(uploads)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> BackupFormat.isUploadName(file.getFileName().toString())).sorted().toList();
        }
        for (Path file : files) {
            add(out, BackupFormat.UPLOADS + file.getFileName(), file);
        }
        return files.size();
    }

    private static void add(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, out);
        out.closeEntry();
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete the temporary {}: {}", root, e.getMessage());
        }
    }
}
