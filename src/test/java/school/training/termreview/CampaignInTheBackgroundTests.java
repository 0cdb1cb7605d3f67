package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;

/**
 * A campaign larger than {@code open-at-once-up-to} returns to the office at once and opens in chunks in the
 * background, its progress on the campaign page (here: more than 2 reviews, chunks of 2).
 */
@SpringBootTest(properties = { "training.term-review.open-at-once-up-to=2", "training.term-review.open-chunk=2" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CampaignInTheBackgroundTests {

    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    Directory directory;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    @Qualifier(CampaignOpening.EXECUTOR)
    ThreadPoolTaskExecutor opening;

    @Test
    void aLargeCampaignReturnsAtOnceAndOpensInChunks() throws Exception {
        String group = "bg" + System.nanoTime();
        directory.createTeachingGroup(group, "后台组" + group, "Background group", 95);
        for (int i = 0; i < 5; i++) {
            directory.register(group + "." + i, "教师" + i + group, Role.TEACHER, group, "语文", "demo");
        }
        directory.register(group + ".office", "办公室" + group, Role.OFFICE, null, null, "demo");
        LocalDate today = LocalDate.now();

        TermReviewCampaign campaign = campaigns.open("后台开启" + group, today.minusMonths(2), today.plusMonths(1),
                today.plusDays(7), group, group + ".office");
        assertThat(campaign.getStatus()).isEqualTo(TermReviewCampaign.Status.OPENING);
        assertThat(campaign.getReviews()).isEqualTo(5);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (campaigns.find(campaign.getId()).orElseThrow().isOpening() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        TermReviewCampaign opened = campaigns.find(campaign.getId()).orElseThrow();
        assertThat(opened.getStatus()).isEqualTo(TermReviewCampaign.Status.OPEN);
        assertThat(opened.getOpened()).isEqualTo(5);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.getId() + ":%")
                .count()).isEqualTo(5);
        String page = mvc.perform(get("/term-reviews/" + campaign.getId())
                .with(new WebFixtures(identityService).as(group + ".office"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("id=\"opening\"").contains("data-step=\"selfAssessment\">5<");
    }

    /**
     * A second node going on with the same campaign (here: this thread, opening every teacher as one share) while
     * this node's workers open it: every teacher gets exactly one review, the count of opened reviews is right.
     */
    @Test
    void aSecondNodeGoingOnWithTheSameCampaignStartsNoSecondReview() throws Exception {
        String group = schoolOf(12);
        TermReviewCampaign campaign = openFor(group);
        campaigns.openInChunks(campaign.getId(), new TermReviewCampaigns.Share(0, 1));
        waitUntilTheWorkersStop();

        TermReviewCampaign opened = campaigns.find(campaign.getId()).orElseThrow();
        assertThat(opened.getStatus()).isEqualTo(TermReviewCampaign.Status.OPEN);
        assertThat(opened.getOpened()).isEqualTo(12);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.getId() + ":%")
                .count()).isEqualTo(12);
        for (int i = 0; i < 12; i++) {
            assertThat(runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(campaign.getId() + ":" + group + "." + i).count())
                    .as("reviews of teacher %d", i).isEqualTo(1);
        }
    }

    /** Cancelled while its workers open it: no review is left running, and the campaign stays cancelled. */
    @Test
    void aCampaignCancelledWhileOpeningLeavesNoReviewRunning() throws Exception {
        String group = schoolOf(12);
        TermReviewCampaign campaign = openFor(group);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (campaigns.find(campaign.getId()).orElseThrow().getOpened() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20); // cancelled part-way, with some reviews already started
        }
        while (true) {
            try {
                campaigns.cancel(campaign.getId(), group + ".office");
                break;
            } catch (ConcurrencyFailureException busy) {
                // a chunk was counted at this moment: the office is told to try again, as this test does
                assertThat(Instant.now()).isBefore(deadline);
            }
        }
        waitUntilTheWorkersStop();

        assertThat(campaigns.find(campaign.getId()).orElseThrow().getStatus())
                .isEqualTo(TermReviewCampaign.Status.CANCELLED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.getId() + ":%")
                .count()).isZero();
    }

    private String schoolOf(int teachers) {
        String group = "bg" + System.nanoTime();
        directory.createTeachingGroup(group, "后台组" + group, "Background group", 95);
        for (int i = 0; i < teachers; i++) {
            directory.register(group + "." + i, "教师" + i + group, Role.TEACHER, group, "语文", "demo");
        }
        directory.register(group + ".office", "办公室" + group, Role.OFFICE, null, null, "demo");
        return group;
    }

    private TermReviewCampaign openFor(String group) {
        LocalDate today = LocalDate.now();
        TermReviewCampaign campaign = campaigns.open("后台开启" + group, today.minusMonths(2), today.plusMonths(1),
                today.plusDays(7), group, group + ".office");
        assertThat(campaign.getStatus()).isEqualTo(TermReviewCampaign.Status.OPENING);
        return campaign;
    }

    private void waitUntilTheWorkersStop() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while ((opening.getActiveCount() > 0 || opening.getQueueSize() > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(opening.getActiveCount()).as("opening threads still busy").isZero();
    }
}
