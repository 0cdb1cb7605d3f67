package school.training.people;

import java.time.Instant;
import java.time.LocalDate;

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
    /** 职称, e.g. 一级教师. */
    private String title;
    /** 职务, e.g. 副校长, 教导主任, 年级组长; optional. Observation quotas may be set per post. */
    private String post;
    /** Null for records made before this field existed: they count as full-time. */
    @Enumerated(EnumType.STRING)
    private Employment employment;
    private String phone;
    /** The day the person left the school (离校/停用); null while they work here. */
    private LocalDate leftOn;
    /** Set when the office resets the password: the next login must choose a new one. */
    private Instant passwordResetAt;

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

    public String getTitle() {
        return title;
    }

    public String getPost() {
        return post;
    }

    public Employment getEmployment() {
        return employment == null ? Employment.FULL_TIME : employment;
    }

    public String getPhone() {
        return phone;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }

    public boolean isActive() {
        return leftOn == null;
    }

    /** True after a reset or a new account, until the person sets a password of their own. */
    public boolean mustChangePassword() {
        return passwordResetAt != null;
    }

    void setName(String name) {
        this.name = name;
    }

    void setRole(Role role) {
        this.role = role;
    }

    void setTeachingGroup(TeachingGroup teachingGroup) {
        this.teachingGroup = teachingGroup;
    }

    void setSubject(String subject) {
        this.subject = subject;
    }

    void setTitle(String title) {
        this.title = title;
    }

    void setPost(String post) {
        this.post = post;
    }

    void setEmployment(Employment employment) {
        this.employment = employment;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    void setLeftOn(LocalDate leftOn) {
        this.leftOn = leftOn;
    }

    void setPasswordResetAt(Instant passwordResetAt) {
        this.passwordResetAt = passwordResetAt;
    }

    public boolean leads(TeachingGroup group) {
        return group != null && id.equals(group.getLeaderId());
    }
}
