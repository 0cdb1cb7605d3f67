package school.training.backups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs PostgreSQL's own client tools ({@code pg_dump}, {@code pg_restore}): they know every object of the database,
 * Camunda's included, and a dump of a running database is one consistent snapshot. The password goes in
 * {@code PGPASSWORD}, never on the command line where {@code ps} would show it.
 */
final class PostgresTools {

    private PostgresTools() {
    }

    /** {@code pg_dump --format=custom --no-owner} of the database into this file. */
    static void dump(String pgDump, Database database, Path file) {
        run(database, List.of(pgDump, "--format=custom", "--no-owner", "--file=" + file,
                "--username=" + database.username(), "--dbname=" + database.libpqUri()), "training.backup.pg-dump");
    }

    /** {@code pg_restore --no-owner} of a dump into the database, all or nothing; {@code clean} drops what is there first. */
    static void restore(String pgRestore, Database database, Path dump, boolean clean) {
        List<String> command = new ArrayList<>(List.of(pgRestore, "--no-owner", "--single-transaction",
                "--exit-on-error", "--username=" + database.username(), "--dbname=" + database.libpqUri()));
        if (clean) {
            command.addAll(List.of("--clean", "--if-exists"));
        }
        command.add(dump.toString());
        run(database, command, "training.backup.pg-restore");
    }

    private static void run(Database database, List<String> command, String pathProperty) {
        String tool = command.get(0);
        Path output = null;
        try {
            output = Files.createTempFile("training-" + Path.of(tool).getFileName(), ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("PGPASSWORD", database.password());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new Refused(tool + " could not be run (" + e.getMessage() + "): install PostgreSQL's client "
                        + "tools, the server's major version or newer, or set " + pathProperty + " to its path", e);
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new Refused(tool + " failed (exit " + exit + "): "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new Refused(tool + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(tool + " was interrupted", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a log in the temp directory
                }
            }
        }
    }
}
