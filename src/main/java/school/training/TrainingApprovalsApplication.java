package school.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TrainingApprovalsApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingApprovalsApplication.class, args);
    }
}
