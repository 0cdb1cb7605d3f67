package school.training.research;

/** The research activities a teacher attended in a period against what the school requires for it. */
public record ActivityTally(int attended, int required) {

    public int shortfall() {
        return Math.max(0, required - attended);
    }
}
