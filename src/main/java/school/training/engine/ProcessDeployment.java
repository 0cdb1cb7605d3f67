package school.training.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys BPMN, DMN and Camunda Forms together, so {@code camunda:formRef} with binding
 * "deployment" always finds the form deployed beside its process. Resources are named by their
 * path under {@code processes/} or {@code forms/}, the same from the jar and from target/classes,
 * and duplicate filtering means an unchanged set is not deployed again.
 */
@Component
@Order(1)
class ProcessDeployment implements ApplicationRunner {

    static final String DEPLOYMENT_NAME = "training-approvals";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repositoryService;

    ProcessDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        var resolver = new PathMatchingResourcePatternResolver();
        int count = 0;
        for (String pattern : new String[] { "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
                "classpath*:forms/**/*.form" }) {
            for (Resource resource : resolver.getResources(pattern)) {
                deployment.addInputStream(stableName(resource), read(resource));
                count++;
            }
        }
        var result = deployment.deployWithResult();
        log.info("Deployment {} with {} resources: {} process definitions new", result.getId(), count,
                result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
    }

    private static String stableName(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        int at = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
        return url.substring(at + 1);
    }

    private static InputStream read(Resource resource) {
        try {
            return resource.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
