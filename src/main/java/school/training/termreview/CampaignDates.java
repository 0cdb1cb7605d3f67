package school.training.termreview;

import java.time.LocalTime;

import org.springframework.stereotype.Component;

/**
 * The dates a review takes from its campaign, for the BPMN's expressions
 * ({@code ${termReviewCampaign.selfAssessmentDue(campaignId)}}): one record per campaign holds them, not ten
 * thousand copies in the variables of a district's reviews. Within a chunk of the opening the campaign is already
 * in the persistence context, so this reads nothing. Public: the engine's EL calls methods of public classes only.
 */
@Component("termReviewCampaign")
public class CampaignDates {

    private final TermReviewCampaignRepository campaigns;

    CampaignDates(TermReviewCampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    /** The self-assessment is due by the end of the day the office set (ISO, as the engine reads a due date). */
    public String selfAssessmentDue(Object campaignId) {
        return campaigns.ofReview(campaignId)
                .map(campaign -> campaign.getSelfAssessmentDue().atTime(LocalTime.of(23, 59)).toString())
                .orElseThrow(() -> new IllegalStateException("no term review campaign " + campaignId));
    }
}
