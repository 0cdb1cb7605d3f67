package school.training.trainings;

/** Who a project is for: the whole school, some teaching groups, or named people. */
public enum Audience {
    SCHOOL, GROUPS, PEOPLE
}
