package school.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger against the requirement rules of DOMAIN.md (the defaults in application.yml), on known data.
 * "Today" is 15 November 2026: the first term of 2026–2027 (1 Sep 2026 – 31 Jan 2027), calendar year 2026,
 * five years from 1 January 2022. Each test uses a teacher of its own, so the shared database does not matter.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class TrainingLedgerTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

    @Autowired
    TrainingLedger ledger;

    String teacher;

    @BeforeEach
    void aTeacherOfThisTest() {
        teacher = "t-" + UUID.randomUUID();
    }

    @Test
    void creditingTheSameSourceTwiceCreditsOnce() {
        LedgerEntry first = ledger.credit(teacher, TODAY, Category.OUTSIDE_STUDY, new BigDecimal("12"), "市级观摩",
                "postStudyReport", "pi-1");

        // a retried step credits again, even with other figures: nothing changes
        LedgerEntry second = ledger.credit(teacher, TODAY.plusDays(1), Category.OUTSIDE_STUDY, new BigDecimal("18"),
                "市级观摩", "postStudyReport", "pi-1");

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getHours()).isEqualByComparingTo("12.0");
        assertThat(ledger.entriesOf(teacher)).hasSize(1);
        assertThat(ledger.hours(teacher, TODAY.minusYears(1), TODAY.plusYears(1))).isEqualByComparingTo("12.0");
        assertThat(first.getHours().scale()).isEqualTo(1);
    }

    @Test
    void anotherSourceOrAnotherTeacherIsAnotherCredit() {
        String colleague = teacher + "-colleague";
        ledger.credit(teacher, TODAY, Category.OUTSIDE_STUDY, new BigDecimal("6"), "观摩", "postStudyReport", "pi-2");
        ledger.credit(teacher, TODAY, Category.OUTSIDE_STUDY, new BigDecimal("6"), "观摩", "postStudyReport", "pi-3");
        ledger.credit(teacher, TODAY, Category.CENTRALIZED, new BigDecimal("6"), "观摩", "import", "pi-2");
        ledger.credit(colleague, TODAY, Category.OUTSIDE_STUDY, new BigDecimal("6"), "观摩", "postStudyReport", "pi-2");

        assertThat(ledger.entriesOf(teacher)).hasSize(3);
        assertThat(ledger.entriesOf(colleague)).hasSize(1);
    }

    @Test
    void creditsRacingForTheSameSourceEndInOneEntry() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LedgerEntry>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<LedgerEntry> credit = () -> {
                    start.await();
                    return ledger.credit(teacher, TODAY, Category.OUTSIDE_STUDY, new BigDecimal("12"), "市级观摩",
                            "postStudyReport", "pi-race");
                };
                results.add(pool.submit(credit));
            }
            start.countDown();
            for (Future<LedgerEntry> result : results) {
                assertThat(result.get().getId()).isEqualTo(results.get(0).get().getId());
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(ledger.entriesOf(teacher)).hasSize(1);
        assertThat(ledger.hours(teacher, TODAY, TODAY)).isEqualByComparingTo("12.0");
    }

    @Test
    void hoursAreRoundedToOneDecimalAndMustBePositive() {
        LedgerEntry entry = ledger.credit(teacher, TODAY, Category.ONLINE, new BigDecimal("2.25"), "网课", "import",
                "row-1");

        assertThat(entry.getHours()).isEqualByComparingTo("2.3");
        assertThatThrownBy(() -> ledger.credit(teacher, TODAY, Category.ONLINE, BigDecimal.ZERO, "网课", "import",
                "row-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.credit(teacher, TODAY, Category.ONLINE, new BigDecimal("-1"), "网课",
                "import", "row-3")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.entriesOf(teacher)).hasSize(1);
    }

    @Test
    void fourteenSchoolBasedHoursThisTermFallOneShortOfFifteen() {
        // given 14 school-based hours this term, and 10 more that ended last term on 31 August
        credit(LocalDate.of(2026, 9, 1), Category.SCHOOL_BASED, "8");
        credit(LocalDate.of(2026, 11, 15), Category.SCHOOL_BASED, "6");
        credit(LocalDate.of(2026, 8, 31), Category.SCHOOL_BASED, "10");
        credit(LocalDate.of(2026, 10, 1), Category.ONLINE, "5");

        RequirementProgress schoolBased = progress(ledger.summaryOf(teacher, TODAY), "schoolBasedTerm");

        assertThat(schoolBased.achieved()).isEqualByComparingTo("14.0");
        assertThat(schoolBased.required()).isEqualByComparingTo("15");
        assertThat(schoolBased.met()).isFalse();
        assertThat(schoolBased.remaining()).isEqualByComparingTo("1.0");
        assertThat(schoolBased.percent()).isEqualTo(93);

        // when one more hour comes in before the term ends on 31 January
        credit(LocalDate.of(2027, 1, 31), Category.SCHOOL_BASED, "1");

        schoolBased = progress(ledger.summaryOf(teacher, TODAY), "schoolBasedTerm");
        assertThat(schoolBased.achieved()).isEqualByComparingTo("15.0");
        assertThat(schoolBased.met()).isTrue();
        assertThat(schoolBased.remaining()).isEqualByComparingTo("0");
        assertThat(schoolBased.percent()).isEqualTo(100);
    }

    @Test
    void hoursOfLastTermDoNotCountThisTerm() {
        credit(LocalDate.of(2026, 8, 31), Category.CENTRALIZED, "30");
        credit(LocalDate.of(2026, 9, 1), Category.CENTRALIZED, "20");
        credit(LocalDate.of(2027, 2, 1), Category.CENTRALIZED, "9");

        LedgerSummary summary = ledger.summaryOf(teacher, TODAY);

        assertThat(summary.term()).isEqualTo(new Term(2026, 1));
        assertThat(summary.termHours()).isEqualByComparingTo("20.0");
        assertThat(summary.yearHours()).isEqualByComparingTo("50.0");
        RequirementProgress inService = progress(summary, "inServiceTerm");
        assertThat(inService.achieved()).isEqualByComparingTo("20.0");
        assertThat(inService.met()).isFalse();
        assertThat(inService.remaining()).isEqualByComparingTo("10.0");
        // on the last day of last term, the 30 hours were that term's and met the rule
        assertThat(progress(ledger.summaryOf(teacher, LocalDate.of(2026, 8, 31)), "inServiceTerm").met()).isTrue();
    }

    @Test
    void fortyEightCreditsAYearSplitIntoCentralizedOnlineAndSchoolBased() {
        // given 16 centralized, 8 online and 24 school-based hours in 2026, and last year's hours
        credit(LocalDate.of(2026, 1, 1), Category.CENTRALIZED, "10");
        credit(LocalDate.of(2026, 7, 10), Category.CENTRALIZED, "6");
        credit(LocalDate.of(2026, 3, 3), Category.ONLINE, "7.5");
        credit(LocalDate.of(2026, 12, 31), Category.SCHOOL_BASED, "24");
        credit(LocalDate.of(2025, 12, 31), Category.ONLINE, "20");

        LedgerSummary summary = ledger.summaryOf(teacher, TODAY);

        assertThat(progress(summary, "centralizedYear").met()).isTrue();
        assertThat(progress(summary, "schoolBasedYear").achieved()).isEqualByComparingTo("24.0");
        assertThat(progress(summary, "schoolBasedYear").met()).isTrue();
        RequirementProgress online = progress(summary, "onlineYear");
        assertThat(online.achieved()).isEqualByComparingTo("7.5");
        assertThat(online.met()).isFalse();
        assertThat(online.remaining()).isEqualByComparingTo("0.5");
        RequirementProgress credits = progress(summary, "creditsYear");
        assertThat(credits.achieved()).isEqualByComparingTo("47.5");
        assertThat(credits.met()).isFalse();
        assertThat(summary.allMet()).isFalse();

        credit(LocalDate.of(2026, 11, 1), Category.ONLINE, "0.5");

        summary = ledger.summaryOf(teacher, TODAY);
        assertThat(progress(summary, "onlineYear").met()).isTrue();
        assertThat(progress(summary, "creditsYear").achieved()).isEqualByComparingTo("48.0");
        assertThat(progress(summary, "creditsYear").met()).isTrue();
        assertThat(summary.yearHours()).isEqualByComparingTo("48.0");
    }

    @Test
    void twoHundredFortyHoursCountOverThisYearAndTheFourBefore() {
        credit(LocalDate.of(2021, 12, 31), Category.DEGREE_STUDY, "100");
        credit(LocalDate.of(2022, 1, 1), Category.DEGREE_STUDY, "100");
        credit(LocalDate.of(2024, 6, 1), Category.ENTERPRISE_PLACEMENT, "99.5");

        RequirementProgress fiveYears = progress(ledger.summaryOf(teacher, TODAY), "fiveYears");

        assertThat(fiveYears.from()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(fiveYears.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(fiveYears.achieved()).isEqualByComparingTo("199.5");
        assertThat(fiveYears.met()).isFalse();
        assertThat(fiveYears.remaining()).isEqualByComparingTo("40.5");

        credit(LocalDate.of(2026, 11, 15), Category.OUTSIDE_STUDY, "40.5");
        assertThat(progress(ledger.summaryOf(teacher, TODAY), "fiveYears").met()).isTrue();
        // a year later the 2022 hours have left the window
        assertThat(progress(ledger.summaryOf(teacher, LocalDate.of(2027, 1, 1)), "fiveYears").achieved())
                .isEqualByComparingTo("140.0");
    }

    @Test
    void sixtyHoursOfEducationTechnologyAYearCountOnlyThatCategory() {
        credit(LocalDate.of(2026, 3, 1), Category.EDUCATION_TECHNOLOGY, "40");
        credit(LocalDate.of(2026, 4, 1), Category.ONLINE, "30");
        credit(LocalDate.of(2025, 12, 31), Category.EDUCATION_TECHNOLOGY, "30");

        RequirementProgress technology = progress(ledger.summaryOf(teacher, TODAY), "educationTechnologyYear");
        assertThat(technology.achieved()).isEqualByComparingTo("40.0");
        assertThat(technology.remaining()).isEqualByComparingTo("20.0");
        assertThat(technology.met()).isFalse();

        credit(LocalDate.of(2026, 11, 1), Category.EDUCATION_TECHNOLOGY, "20");
        assertThat(progress(ledger.summaryOf(teacher, TODAY), "educationTechnologyYear").met()).isTrue();
    }

    @Test
    void hoursSumsChosenCategoriesOrAll() {
        credit(TODAY, Category.CENTRALIZED, "3");
        credit(TODAY, Category.ONLINE, "4");
        credit(TODAY, Category.SCHOOL_BASED, "5");

        assertThat(ledger.hours(teacher, TODAY, TODAY)).isEqualByComparingTo("12.0");
        assertThat(ledger.hours(teacher, TODAY, TODAY, Category.ONLINE, Category.SCHOOL_BASED))
                .isEqualByComparingTo("9.0");
        assertThat(ledger.hours(teacher, TODAY, TODAY, Category.DEGREE_STUDY)).isEqualByComparingTo("0");
        assertThat(ledger.hours(teacher, TODAY.plusDays(1), TODAY.plusDays(9))).isEqualByComparingTo("0");
    }

    @Test
    void aTripsHoursAreDaysTimesTheConfiguredHoursPerDay() {
        assertThat(ledger.hoursForDays(3)).isEqualByComparingTo("18.0");
    }

    @Test
    void twoThousandEntriesOverFortyTeachersAddUpPerTeacher() {
        List<String> teachers = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            teachers.add(teacher + "-" + t);
        }
        Map<String, BigDecimal> expectedThisTerm = new HashMap<>();
        Map<String, BigDecimal> expectedAll = new HashMap<>();
        Category[] categories = Category.values();
        for (int i = 0; i < 2000; i++) {
            String who = teachers.get(i % 40);
            // dates spread over two years around today, hours 0.5 … 8.0
            LocalDate date = TODAY.minusDays((i * 7L) % 730);
            BigDecimal hours = BigDecimal.valueOf(1 + (i % 16), 0).multiply(new BigDecimal("0.5"));
            ledger.credit(who, date, categories[i % categories.length], hours, "活动 " + i, "import", "row-" + i);
            expectedAll.merge(who, hours, BigDecimal::add);
            if (new Term(2026, 1).contains(date)) {
                expectedThisTerm.merge(who, hours, BigDecimal::add);
            }
        }

        Map<String, BigDecimal> thisTerm = ledger.hours(teachers, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 31));
        for (String who : teachers) {
            assertThat(ledger.entriesOf(who)).hasSize(50);
            assertThat(ledger.hours(who, TODAY.minusYears(3), TODAY)).as(who).isEqualByComparingTo(expectedAll.get(who));
            assertThat(ledger.summaryOf(who, TODAY).termHours()).as(who)
                    .isEqualByComparingTo(expectedThisTerm.getOrDefault(who, BigDecimal.ZERO));
            assertThat(thisTerm.get(who)).as(who)
                    .isEqualByComparingTo(expectedThisTerm.getOrDefault(who, BigDecimal.ZERO));
        }
    }

    private void credit(LocalDate date, Category category, String hours) {
        ledger.credit(teacher, date, category, new BigDecimal(hours), category + " " + date, "import",
                UUID.randomUUID().toString());
    }

    private static RequirementProgress progress(LedgerSummary summary, String ruleId) {
        return summary.requirements().stream().filter(p -> p.rule().id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("No rule " + ruleId));
    }
}
