package school.training.people;

import java.util.List;

/** What a person does at school; each role maps to the Camunda groups named in DOMAIN.md. */
public enum Role {
    TEACHER(List.of(CamundaGroups.TEACHERS)),
    GROUP_LEADER(List.of(CamundaGroups.TEACHERS, CamundaGroups.GROUP_LEADERS)),
    PRINCIPAL(List.of(CamundaGroups.PRINCIPAL)),
    OFFICE(List.of(CamundaGroups.OFFICE)),
    ADMIN(List.of(CamundaGroups.ADMIN));

    private final List<String> camundaGroups;

    Role(List<String> camundaGroups) {
        this.camundaGroups = camundaGroups;
    }

    public List<String> camundaGroups() {
        return camundaGroups;
    }
}
