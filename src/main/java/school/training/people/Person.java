package school.training.people;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * What the school knows about a person beyond their account: name, role, teaching group, subject.
 * The id is the Camunda user id; the password lives only in Camunda's identity tables.
 */
@Entity
public class Person {

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Role role;
    @ManyToOne
    private TeachingGroup teachingGroup;
    private String subject;
    private String email;
    @Enumerated(EnumType.STRING)
    private Degree degree;

    protected Person() {
    }

    public Person(String id, String name, Role role, TeachingGroup teachingGroup, String subject) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.teachingGroup = teachingGroup;
        this.subject = subject;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    public TeachingGroup getTeachingGroup() {
        return teachingGroup;
    }

    public String getSubject() {
        return subject;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Degree getDegree() {
        return degree;
    }

    void setDegree(Degree degree) {
        this.degree = degree;
    }

    public boolean leads(TeachingGroup group) {
        return group != null && id.equals(group.getLeaderId());
    }
}
