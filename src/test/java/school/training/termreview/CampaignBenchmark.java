package school.training.termreview;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.people.Directory;
import school.training.people.Role;

/**
 * Not a test: how long opening a term's review for 500 teachers takes, on an H2 file database with the
 * production setting WRITE_DELAY=0. Runs only with {@code -Dbench=true} (see bench/term-review-campaign)
 * and asserts no time; without the demo school, so exactly the 500 registered here are reviewed.
 */
@SpringBootTest(properties = "spring.datasource.url=${bench.url:jdbc:h2:file:${java.io.tmpdir}/term-review-bench-${random.uuid}/training;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}")
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CampaignBenchmark {

    static final int TEACHERS = Integer.getInteger("bench.teachers", 500);
    static final int GROUPS = 10;

    @Autowired
    Directory directory;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    CampaignProgress progress;

    @Test
    void openACampaignForTheWholeSchool() throws InterruptedException {
        long t0 = System.nanoTime();
        for (int g = 0; g < GROUPS; g++) {
            String group = "bench" + g;
            directory.createTeachingGroup(group, "压测组" + g, "Bench group " + g, 100 + g);
            directory.register(group + ".leader", "组长" + g, Role.GROUP_LEADER, group, "语文", "demo");
        }
        for (int i = GROUPS; i < TEACHERS; i++) {
            directory.register("bench.t" + i, "教师" + i, Role.TEACHER, "bench" + (i % GROUPS), "语文", "demo");
        }
        double registered = seconds(t0);

        LocalDate today = LocalDate.now();
        long t1 = System.nanoTime();
        TermReviewCampaign campaign = campaigns.open("压测 学年第一学期", today.minusMonths(2), today.plusMonths(2),
                today.plusDays(7), null, "bench");
        double returned = seconds(t1);
        TermReviewCampaign.Status statusOnReturn = campaign.getStatus();
        // a campaign over open-at-once-up-to opens in the background: wait until every review is ready
        while (campaigns.find(campaign.getId()).orElseThrow().isOpening()) {
            Thread.sleep(100);
        }
        double opened = seconds(t1);
        campaign = campaigns.find(campaign.getId()).orElseThrow();

        long t2 = System.nanoTime();
        int read = progress.reviews(campaign.getId()).size();
        double progressRead = seconds(t2);

        System.out.printf(Locale.ROOT, "registered %d teachers in %.1f s%n", TEACHERS, registered);
        System.out.printf(Locale.ROOT, "the office's request returned after %.2f s (status %s)%n", returned,
                statusOnReturn);
        System.out.printf(Locale.ROOT, "opened %d reviews in %.1f s (%.0f reviews/s)%n", campaign.getReviews(), opened,
                campaign.getReviews() / opened);
        System.out.printf(Locale.ROOT, "read the progress of %d reviews in %.2f s%n", read, progressRead);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
