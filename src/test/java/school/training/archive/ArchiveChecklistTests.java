package school.training.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The archive checklist (seed 002 §五4) computed from the entries: items kept per term need an entry dated in
 * the term, cumulative ones any entry up to its end; the items themselves come from the settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ArchiveChecklistTests {

    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate TO = LocalDate.of(2027, 1, 31);

    @Autowired
    ProfessionalArchive archive;
    @Autowired
    ArchiveEntryRepository entries;
    @Autowired
    ArchiveFileRepository files;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theSchoolsDefaultsAreTheSeedsFiveItems() {
        assertThat(archive.checklistItems()).extracting(ChecklistItem::key).containsExactly("reflection",
                "observationRecords", "excellentLessonPlan", "researchProject", "papersAndAwards");
        assertThat(archive.checklistItems().get(0).kinds())
                .containsExactlyInAnyOrder(ArchiveKind.REFLECTION, ArchiveKind.OUTSIDE_STUDY);
        assertThat(archive.checklistItems()).extracting(ChecklistItem::period).containsExactly(
                ChecklistItem.Period.TERM, ChecklistItem.Period.TERM, ChecklistItem.Period.TERM,
                ChecklistItem.Period.CUMULATIVE, ChecklistItem.Period.CUMULATIVE);
    }

    @Test
    void anEntryOfLastTermCountsForACumulativeItemNotForAPerTermOne() {
        String teacher = "chk." + suffix;
        LocalDate lastTerm = FROM.minusMonths(3);
        record(teacher, lastTerm, ArchiveKind.RESEARCH_PROJECT);
        record(teacher, lastTerm, ArchiveKind.REFLECTION);
        record(teacher, FROM.plusDays(40), ArchiveKind.EXCELLENT_LESSON_PLAN);
        // dated after the term: not yet there when this term is looked at
        record(teacher, TO.plusDays(1), ArchiveKind.PAPER_OR_AWARD);

        ChecklistStatus status = archive.checklist(List.of(teacher), FROM, TO).get(teacher);

        assertThat(status.required()).containsExactly("reflection", "observationRecords", "excellentLessonPlan",
                "researchProject", "papersAndAwards");
        assertThat(status.missing()).containsExactly("reflection", "observationRecords", "papersAndAwards");
        assertThat(status.complete()).isFalse();

        // the next term: the reflection of last term still missing, the award now counts for good
        ChecklistStatus next = archive.checklist(List.of(teacher), TO.plusDays(1), TO.plusMonths(7)).get(teacher);
        assertThat(next.missing()).containsExactly("reflection", "observationRecords", "excellentLessonPlan");
    }

    @Test
    void everyTeacherAskedAboutGetsAStatusAndAnOutsideStudyCountsAsAReflection() {
        String complete = "full." + suffix;
        String empty = "none." + suffix;
        record(complete, FROM, ArchiveKind.OUTSIDE_STUDY);
        record(complete, TO, ArchiveKind.OBSERVATION_RECORD);
        record(complete, FROM.plusDays(3), ArchiveKind.EXCELLENT_LESSON_PLAN);
        record(complete, FROM.minusYears(3), ArchiveKind.RESEARCH_PROJECT);
        record(complete, FROM.minusYears(2), ArchiveKind.PAPER_OR_AWARD);

        Map<String, ChecklistStatus> statuses = archive.checklist(List.of(complete, empty), FROM, TO);

        assertThat(statuses.get(complete).complete()).isTrue();
        assertThat(statuses.get(empty).missing()).hasSize(5);
        assertThat(archive.checklist(List.of(), FROM, TO)).isEmpty();
    }

    @Test
    void aSchoolDropsAndAddsItemsInTheSettingsWithoutACodeChange() {
        String teacher = "set." + suffix;
        record(teacher, FROM.minusYears(1), ArchiveKind.DEGREE);
        record(teacher, FROM.plusDays(10), ArchiveKind.REFLECTION);
        // as application.yml would say it: reflections kept, research and the rest dropped, degrees added
        ArchiveSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "training.archive.checklist[0].key", "reflection",
                "training.archive.checklist[0].kinds", "REFLECTION,OUTSIDE_STUDY",
                "training.archive.checklist[0].period", "TERM",
                "training.archive.checklist[1].key", "degrees",
                "training.archive.checklist[1].kinds", "DEGREE",
                "training.archive.checklist[1].period", "CUMULATIVE",
                "training.archive.checklist[2].key", "termReviews",
                "training.archive.checklist[2].kinds[0]", "TERM_REVIEW")))
                .bind("training.archive", ArchiveSettings.class).get();
        ProfessionalArchive configured = new ProfessionalArchive(entries, files, settings, clock, transactionManager);

        ChecklistStatus status = configured.checklist(List.of(teacher), FROM, TO).get(teacher);

        assertThat(status.required()).containsExactly("reflection", "degrees", "termReviews");
        assertThat(status.missing()).as("an item without a period is kept per term").containsExactly("termReviews");
        assertThat(archive.checklist(List.of(teacher), FROM, TO).get(teacher).missing())
                .as("the school's own settings").contains("researchProject", "papersAndAwards");
        assertThat(new ProfessionalArchive(entries, files, new ArchiveSettings(List.of()), clock, transactionManager)
                .checklist(List.of(teacher), FROM, TO).get(teacher).complete()).as("no checklist, nothing missing")
                .isTrue();
    }

    private void record(String teacher, LocalDate date, ArchiveKind kind) {
        archive.record(teacher, date, kind, kind + " " + date, null, "test", teacher + "-" + kind + "-" + date);
    }
}
