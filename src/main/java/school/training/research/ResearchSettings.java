package school.training.research;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code training.research} in application.yml: how many research activities each group holds, and each
 * teacher attends, per term (seed 004: 每个教研组在本学期进行不少于4次的教研活动).
 */
@ConfigurationProperties("training.research")
public record ResearchSettings(@DefaultValue("4") int perTerm) {
}
