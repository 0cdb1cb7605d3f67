package school.training.observations;

/** One observer's records over a period against the quota their role (or post) has for it. */
public record ObservationTally(int recorded, int quota) {

    public int shortfall() {
        return Math.max(0, quota - recorded);
    }
}
