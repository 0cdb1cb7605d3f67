package school.training;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk through each other's public types only, and no two features depend on each other. */
class ModularityTests {

    @Test
    void modulesHaveNoCyclesAndUseOnlyPublicTypes() {
        ApplicationModules.of(TrainingApprovalsApplication.class).verify();
    }
}
