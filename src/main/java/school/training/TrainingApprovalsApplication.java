package school.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainingApprovalsApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingApprovalsApplication.class, args);
    }
}
