package school.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.web.SpringDataWebAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import school.training.backups.RestoreCommand;

// Spring Data's web support binds entities and Pageables from request parameters; no page here takes either, and
// its converter, asked by the first page's expressions, made every repository (made when first used otherwise)
// and waited for the start-up runners to do so (bench/README.md, start-up)
@SpringBootApplication(exclude = SpringDataWebAutoConfiguration.class)
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
