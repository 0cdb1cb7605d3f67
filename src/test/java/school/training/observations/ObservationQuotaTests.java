package school.training.observations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import school.training.ledger.SchoolCalendar;
import school.training.people.Role;

/** The quota arithmetic: amount per period unit × whole units of teaching; a post wins over the role. */
class ObservationQuotaTests {

    private static final SchoolCalendar CALENDAR = new SchoolCalendar(Set.of(7, 8));
    // the second term of 2026–2027: February to August, July and August are the summer holiday
    private static final LocalDate FEB = LocalDate.of(2027, 2, 1);
    private static final LocalDate AUG_END = LocalDate.of(2027, 8, 31);

    private static ObservationQuotas quotas(ObservationSettings.Period period) {
        return new ObservationQuotas(new ObservationSettings(period, new ObservationSettings.Quota(
                Map.of(Role.TEACHER, 3, Role.PRINCIPAL, 3), Map.of("副校长", 4, "教导主任", 6))), CALENDAR);
    }

    @Test
    void aWeekQuotaCountsWholeTeachingWeeks() {
        ObservationQuotas weekly = quotas(ObservationSettings.Period.WEEK);
        // 1 September to 23 November: 84 days, 12 teaching weeks
        assertThat(weekly.units(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 23))).isEqualTo(12);
        // February to June taught (150 days), the summer not: 21 weeks, not 30
        assertThat(weekly.units(FEB, AUG_END)).isEqualTo(21);
        assertThat(weekly.units(LocalDate.of(2027, 7, 1), AUG_END)).as("the summer holiday").isZero();
    }

    @Test
    void aMonthOrTermQuotaCountsWholeMonthsOrTerms() {
        assertThat(quotas(ObservationSettings.Period.MONTH).units(FEB, AUG_END)).isEqualTo(5);
        assertThat(quotas(ObservationSettings.Period.MONTH).units(FEB, LocalDate.of(2027, 3, 15)))
                .as("March is not over").isEqualTo(1);
        assertThat(quotas(ObservationSettings.Period.TERM).units(FEB, AUG_END)).isEqualTo(1);
        assertThat(quotas(ObservationSettings.Period.TERM).units(LocalDate.of(2026, 9, 1), AUG_END)).isEqualTo(2);
    }

    @Test
    void aPostWinsOverTheRole() {
        ObservationSettings settings = new ObservationSettings(null, new ObservationSettings.Quota(
                Map.of(Role.TEACHER, 3), Map.of("教导主任", 6)));
        assertThat(settings.period()).isEqualTo(ObservationSettings.Period.WEEK);
        assertThat(settings.amountFor(Role.TEACHER, null)).isEqualTo(3);
        assertThat(settings.amountFor(Role.TEACHER, "教导主任")).isEqualTo(6);
        assertThat(settings.amountFor(Role.TEACHER, "年级组长")).as("a post without a quota: the role's").isEqualTo(3);
        assertThat(settings.amountFor(Role.OFFICE, null)).as("a role without a quota").isZero();
    }
}
