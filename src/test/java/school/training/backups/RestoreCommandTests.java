package school.training.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import school.training.PostgresTestDatabase;

/**
 * The restore command reads its target as the app would (application.yml's {@code training.data-dir}, the
 * profile {@code postgres}), restores there and says so, or refuses with the reason and exit status 2.
 * (BackupRestoreTests restores a real backup; here the command's own part, no database opened.)
 */
class RestoreCommandTests {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void restoresIntoTheDataDirectoryOfApplicationYmlAndThenRefusesToOverwrite() throws IOException {
        Path zip = backup();
        Path data = temp.resolve("data");
        String[] args = { "--training.restore=" + zip, "--training.data-dir=" + data,
                "--" + PostgresTestDatabase.OWN_DATABASE + "=true" };

        assertThat(RestoreCommand.isAsked(args)).isTrue();
        assertThat(RestoreCommand.run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(data.resolve("training.mv.db")).hasContent("the database");
        assertThat(data.resolve("uploads").resolve("f1")).hasContent("an invitation");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Restored", "1 uploaded files");

        Files.writeString(data.resolve("training.mv.db"), "work done since");
        assertThat(RestoreCommand.run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Restore refused", "already exists");
        assertThat(data.resolve("training.mv.db")).hasContent("work done since");

        String[] forced = { args[0], args[1], args[2], "--training.restore-force=true" };
        assertThat(RestoreCommand.run(forced)).isZero();
        assertThat(data.resolve("training.mv.db")).hasContent("the database");
    }

    @Test
    void anH2BackupIsNotRestoredIntoPostgres() throws IOException {
        String[] args = { "--training.restore=" + backup(), "--spring.profiles.active=postgres",
                "--" + PostgresTestDatabase.OWN_DATABASE + "=true" };
        assertThat(RestoreCommand.run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("database kind H2",
                "set up for PostgreSQL");
    }

    @Test
    void aMissingBackupFileIsNamed() {
        String[] args = { "--training.restore=" + temp.resolve("nothing.zip"), "--training.data-dir=" + temp,
                "--" + PostgresTestDatabase.OWN_DATABASE + "=true" };
        assertThat(RestoreCommand.run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no backup file", "nothing.zip");
        assertThat(RestoreCommand.isAsked(new String[] { "--server.port=8080" })).isFalse();
    }

    @Test
    void aMissingPgDumpSaysWhatToInstallOrSet() {
        Database database = new Database("jdbc:postgresql://localhost:5432/training", "training", "secret");
        assertThatThrownBy(() -> PostgresTools.dump(temp.resolve("no-pg_dump").toString(), database,
                temp.resolve("dump"))).isInstanceOf(Refused.class)
                .hasMessageContaining("could not be run").hasMessageContaining("training.backup.pg-dump");
    }

    @Test
    void databaseUrlsAsTheToolsNeedThem() {
        assertThat(new Database("jdbc:postgresql://db.school:5433/training?sslmode=require&currentSchema=x", "u",
                "p").libpqUri()).isEqualTo("postgresql://db.school:5433/training?sslmode=require");
        assertThat(new Database("jdbc:postgresql:training", "u", "p").libpqUri())
                .isEqualTo("postgresql://localhost/training");
        assertThat(new Database("jdbc:h2:file:/srv/training/data/training;WRITE_DELAY=0", "sa", "").h2File())
                .isEqualTo(Path.of("/srv/training/data/training.mv.db"));
        assertThatThrownBy(() -> new Database("jdbc:h2:mem:training", "sa", "").h2File())
                .isInstanceOf(Refused.class).hasMessageContaining("not an embedded file database");
        assertThatThrownBy(() -> new Database("jdbc:mysql://localhost/training", "u", "p").vendor())
                .isInstanceOf(Refused.class).hasMessageContaining("H2 and PostgreSQL only");
    }

    private Path backup() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(BackupFormat.PROPERTIES, "format=1\ndatabase=H2\nschema-version=3\n");
        entries.put(BackupFormat.H2_DATABASE, "the database");
        entries.put(BackupFormat.UPLOADS + "f1", "an invitation");
        Path zip = temp.resolve("backup.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
