package school.training.deputies;

import java.time.LocalDate;

/**
 * A line for someone's home page: they approve for {@code otherName} ({@code acting}), or
 * {@code otherName} approves for them while they are away; until {@code lastDay}.
 */
public record DeputyNote(boolean acting, String otherName, LocalDate lastDay) {

    public int month() {
        return lastDay.getMonthValue();
    }

    public int day() {
        return lastDay.getDayOfMonth();
    }
}
