package school.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** School terms: first term 1 September to 31 January, second term 1 February to 31 August. */
class TermTests {

    @Test
    void thirtyFirstAugustEndsTheSecondTermAndFirstSeptemberStartsTheFirst() {
        Term august = Term.containing(LocalDate.of(2026, 8, 31));
        Term september = Term.containing(LocalDate.of(2026, 9, 1));

        assertThat(august).isEqualTo(new Term(2025, 2));
        assertThat(august.start()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(august.end()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(september).isEqualTo(new Term(2026, 1));
        assertThat(september.start()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(september.end()).isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void thirtyFirstJanuaryIsStillTheFirstTermOfTheSchoolYearThatBeganInSeptember() {
        Term january = Term.containing(LocalDate.of(2027, 1, 31));
        Term february = Term.containing(LocalDate.of(2027, 2, 1));

        assertThat(january).isEqualTo(new Term(2026, 1));
        assertThat(january.contains(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(january.contains(LocalDate.of(2027, 2, 1))).isFalse();
        assertThat(february).isEqualTo(new Term(2026, 2));
        assertThat(february.contains(LocalDate.of(2027, 1, 31))).isFalse();
        assertThat(february.start()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void leapYearFebruaryBelongsWhollyToTheSecondTerm() {
        assertThat(Term.containing(LocalDate.of(2028, 2, 29))).isEqualTo(new Term(2027, 2));
    }

    @Test
    void termsFollowEachOther() {
        Term first = new Term(2026, 1);

        assertThat(first.next()).isEqualTo(new Term(2026, 2));
        assertThat(first.next().next()).isEqualTo(new Term(2027, 1));
        assertThat(first.previous()).isEqualTo(new Term(2025, 2));
        assertThat(first.previous().end().plusDays(1)).isEqualTo(first.start());
        assertThat(first.end().plusDays(1)).isEqualTo(first.next().start());
    }

    @Test
    void labelsNameTheSchoolYearAndTheTermInBothLanguages() {
        assertThat(new Term(2026, 1).label()).isEqualTo("2026–2027 学年第一学期");
        assertThat(new Term(2026, 2).label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026–2027 学年第二学期");
        assertThat(new Term(2026, 1).label(Locale.ENGLISH)).isEqualTo("2026–2027 term 1");
        assertThat(Term.containing(LocalDate.of(2027, 3, 1)).label(Locale.ENGLISH)).isEqualTo("2026–2027 term 2");
    }

    @Test
    void thereIsNoThirdTerm() {
        assertThatThrownBy(() -> new Term(2026, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
