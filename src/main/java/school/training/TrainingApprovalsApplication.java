package school.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import school.training.backups.RestoreCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainingApprovalsApplication {

    public static void main(String[] args) {
        // a restore (README, "Backup and restore") runs instead of the app, before anything opens the database
        if (RestoreCommand.isAsked(args)) {
            System.exit(RestoreCommand.run(args));
        }
        SpringApplication.run(TrainingApprovalsApplication.class, args);
    }
}
