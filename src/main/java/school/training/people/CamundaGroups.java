package school.training.people;

import java.util.List;

/** Camunda group ids: a contract with the REST API, Camunda's Tasklist and the BPMN candidate groups. */
public final class CamundaGroups {
    public static final String TEACHERS = "teachers";
    public static final String GROUP_LEADERS = "group-leaders";
    public static final String PRINCIPAL = "principal";
    public static final String OFFICE = "office";
    public static final String ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(TEACHERS, GROUP_LEADERS, PRINCIPAL, OFFICE, ADMIN);

    private CamundaGroups() {
    }
}
