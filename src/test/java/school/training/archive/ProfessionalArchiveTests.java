package school.training.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** An event goes into a teacher's archive once, however often the step that writes it runs. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class ProfessionalArchiveTests {

    @Autowired
    ProfessionalArchive archive;

    @Test
    void recordingTheSameEventTwiceRecordsItOnce() {
        String teacher = "t-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 15);

        ArchiveEntry first = archive.record(teacher, day, ArchiveKind.OUTSIDE_STUDY, "市级观摩", "心得",
                "postStudyReport", teacher + "-pi");
        ArchiveEntry again = archive.record(teacher, day.plusDays(1), ArchiveKind.OUTSIDE_STUDY, "市级观摩（重试）",
                "另一份心得", "postStudyReport", teacher + "-pi");
        archive.record(teacher, day.plusDays(2), ArchiveKind.TERM_REVIEW, "2026–2027 学年第一学期考核：优秀", null,
                "termReview", teacher + "-pi");

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(archive.entriesOf(teacher)).extracting(ArchiveEntry::getTitle)
                .containsExactly("2026–2027 学年第一学期考核：优秀", "市级观摩");
    }
}
