package school.training.observations;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import school.training.people.Role;

/**
 * {@code training.observations} in application.yml: how many lessons each person is to observe (seed 004
 * §四(二): 校长每周听课至少3节，主管领导每周听课4节，教导主任每周听课至少6节，教师每周听课3节) per {@code period}
 * (WEEK, MONTH or TERM), by role and, winning over the role, by post (职务, e.g. 副校长, 教导主任). A post key
 * written in Chinese needs brackets in YAML ({@code "[教导主任]": 6}) or Spring drops its characters.
 */
@ConfigurationProperties("training.observations")
public record ObservationSettings(@DefaultValue("WEEK") Period period, @DefaultValue Quota quota) {

    /** The unit a quota amount is given for; a period's quota counts its whole teaching weeks, months or terms. */
    public enum Period {
        WEEK, MONTH, TERM
    }

    public record Quota(Map<Role, Integer> byRole, Map<String, Integer> byPost) {

        public Quota {
            byRole = byRole == null ? defaultByRole() : new EnumMap<>(byRole);
            byPost = byPost == null ? Map.of("副校长", 4, "教导主任", 6) : Map.copyOf(new HashMap<>(byPost));
        }

        private static Map<Role, Integer> defaultByRole() {
            Map<Role, Integer> amounts = new EnumMap<>(Role.class);
            amounts.put(Role.TEACHER, 3);
            amounts.put(Role.GROUP_LEADER, 3);
            amounts.put(Role.PRINCIPAL, 3);
            amounts.put(Role.OFFICE, 0);
            return amounts;
        }
    }

    public ObservationSettings {
        period = period == null ? Period.WEEK : period;
        quota = quota == null ? new Quota(null, null) : quota;
    }

    /** The amount per period for someone of this role and post: the post's when it has one, else the role's. */
    public int amountFor(Role role, String post) {
        if (post != null && quota.byPost().containsKey(post.strip())) {
            return quota.byPost().get(post.strip());
        }
        return role == null ? 0 : quota.byRole().getOrDefault(role, 0);
    }
}
