package school.training.backups;

import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar training-approvals.jar --training.restore=backup.zip [--spring.profiles.active=postgres]}:
 * restores and exits, without starting the app. It runs before anything opens the database — H2's file would be
 * locked, Flyway and the engine would create tables in the empty target — and reads the settings the app would
 * (application.yml, profiles, environment, arguments) from a Spring application with nothing else in it.
 */
public final class RestoreCommand {

    static final String ARGUMENT = "--training.restore=";

    private RestoreCommand() {
    }

    public static boolean isAsked(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith(ARGUMENT));
    }

    /** Restores, says what it did or why not, and answers the exit status: 0 done, 2 refused, 1 failed. */
    public static int run(String[] args) {
        Restore.Settings settings;
        String zip;
        try (ConfigurableApplicationContext settingsOnly = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            settings = Restore.Settings.from(settingsOnly.getEnvironment());
            zip = settingsOnly.getEnvironment().getProperty("training.restore");
        } catch (Refused e) {
            System.err.println("Restore refused: " + e.getMessage());
            return 2;
        }
        try {
            Restore.Result result = Restore.into(Path.of(zip), settings);
            System.out.printf("Restored %s: %s database (schema version %s, backup taken %s, %s requests), "
                    + "%d uploaded files into %s.%nStart the app as usual.%n", zip, result.database(),
                    result.schemaVersion(), result.takenAt(), result.requests(), result.uploads(),
                    settings.uploads().toAbsolutePath().normalize());
            return 0;
        } catch (Refused e) {
            System.err.println("Restore refused: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("Restore failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    /** The settings-only application's one source: no configuration, no auto-configuration, no beans. */
    static final class Nothing {
    }
}
