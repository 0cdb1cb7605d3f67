package school.training.people;

/**
 * What the office types about a person, on the person page or as one row of a roster file. Text is
 * trimmed; empty text is null. The id is the login name and never changes once the account exists.
 */
public record StaffDetails(String id, String name, Role role, String teachingGroupId, String subject, String title,
        Employment employment, Degree degree, String email, String phone, String post)
        implements java.io.Serializable {

    /** Without a post (职务): most people have none. */
    public StaffDetails(String id, String name, Role role, String teachingGroupId, String subject, String title,
            Employment employment, Degree degree, String email, String phone) {
        this(id, name, role, teachingGroupId, subject, title, employment, degree, email, phone, null);
    }

    public StaffDetails {
        id = clean(id);
        name = clean(name);
        teachingGroupId = clean(teachingGroupId);
        subject = clean(subject);
        title = clean(title);
        email = clean(email);
        phone = clean(phone);
        post = clean(post);
        if (employment == null) {
            employment = Employment.FULL_TIME;
        }
    }

    static StaffDetails of(Person person) {
        return new StaffDetails(person.getId(), person.getName(), person.getRole(),
                person.getTeachingGroup() == null ? null : person.getTeachingGroup().getId(), person.getSubject(),
                person.getTitle(), person.getEmployment(), person.getDegree(), person.getEmail(), person.getPhone(),
                person.getPost());
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
