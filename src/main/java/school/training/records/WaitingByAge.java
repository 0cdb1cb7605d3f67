package school.training.records;

import java.util.List;

/**
 * Requests waiting at a step, counted by how many whole days they have waited.
 *
 * @param underOneDay waited less than 24 hours
 * @param oneToTwoDays 1 or 2 whole days
 * @param threeToSevenDays 3 to 7 whole days
 * @param overSevenDays 8 whole days or more
 * @param all every one of them (those of no known start too: the dashboard's total)
 */
public record WaitingByAge(long underOneDay, long oneToTwoDays, long threeToSevenDays, long overSevenDays, long all) {

    /** The four bands, youngest first. */
    public List<Long> counts() {
        return List.of(underOneDay, oneToTwoDays, threeToSevenDays, overSevenDays);
    }

    /** The band a wait of {@code days} whole days falls in (0–3), as {@link #counts()} orders them. */
    public static int band(long days) {
        return days < 1 ? 0 : days <= 2 ? 1 : days <= 7 ? 2 : 3;
    }
}
