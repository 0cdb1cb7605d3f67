package school.training.termreview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import school.training.engine.AsTheApp;
import school.training.ledger.Term;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;

/**
 * Opening a term's review: one {@code termReview} per teacher (and group leader) of the school or of one teaching
 * group, never two for one teacher in one term. A campaign up to {@code open-at-once-up-to} reviews opens in the
 * office's request, all or nothing; a larger one returns at once and opens in the background in chunks of
 * {@code open-chunk}, each in its own transaction, progress on the campaign page, a failing chunk retried and then
 * reported with a button to go on — never a half-open campaign nobody knows about. Chunks are opened by
 * {@code open-workers} threads side by side. A restart goes on where it stopped.
 */
@Service
public class TermReviewCampaigns {

    private static final Logger log = LoggerFactory.getLogger(TermReviewCampaigns.class);
    private static final int ATTEMPTS = 3;
    private static final int IN_LIST = 1000;

    private final TermReviewCampaignRepository campaigns;
    private final ReviewedTeacherRepository members;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final Directory directory;
    private final Clock clock;
    private final TermFacts termFacts;
    private final RubricSettings settings;
    private final TaskExecutor executor;
    private final TransactionTemplate newTransaction;
    private final EntityManager entityManager;

    TermReviewCampaigns(TermReviewCampaignRepository campaigns, ReviewedTeacherRepository members,
            RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
            Directory directory, Clock clock, TermFacts termFacts, RubricSettings settings,
            @Qualifier(CampaignOpening.EXECUTOR) TaskExecutor executor,
            PlatformTransactionManager transactionManager, EntityManager entityManager) {
        this.campaigns = campaigns;
        this.members = members;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.directory = directory;
        this.clock = clock;
        this.termFacts = termFacts;
        this.settings = settings;
        this.executor = executor;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.entityManager = entityManager;
    }

    /** Everyone in scope already has a review for the term (from this or another campaign). */
    public static class NothingToOpen extends RuntimeException {

        private final int skipped;

        NothingToOpen(int skipped) {
            super(skipped + " teachers already have a review for the term");
            this.skipped = skipped;
        }

        public int skipped() {
            return skipped;
        }
    }

    /** A campaign is cancelled only while nobody has been scored. */
    public static class AlreadyScored extends RuntimeException {
        AlreadyScored() {
            super("A leader has scored a review of this campaign");
        }
    }

    @Transactional
    public TermReviewCampaign open(String termLabel, LocalDate termStart, LocalDate termEnd, LocalDate selfAssessmentDue,
            String teachingGroupIdOrNull, String openedBy) {
        TermReviewCampaign campaign = campaigns.save(new TermReviewCampaign(termLabel, termStart, termEnd,
                selfAssessmentDue, teachingGroupIdOrNull, openedBy, clock.instant()));
        String term = term(termStart);
        List<String> inScope = reviewed(teachingGroupIdOrNull).stream().map(Person::getId).toList();
        Set<String> taken = alreadyReviewed(term, inScope);
        List<ReviewedTeacher> fresh = new ArrayList<>();
        for (String teacher : inScope) {
            if (!taken.contains(teacher)) {
                fresh.add(new ReviewedTeacher(campaign.getId(), teacher, term));
            }
        }
        if (fresh.isEmpty()) {
            throw new NothingToOpen(taken.size());
        }
        // the unique key (teacher, term) refuses a second review even when two campaigns open at the same moment
        members.saveAllAndFlush(fresh);
        campaign.setReviews(fresh.size());
        campaign.setSkipped(taken.size());
        if (fresh.size() <= settings.openAtOnceUpTo()) {
            startReviews(campaign, fresh);
            campaign.setOpened(fresh.size());
            campaign.setStatus(TermReviewCampaign.Status.OPEN);
        } else {
            campaign.setOpened(0);
            campaign.setStatus(TermReviewCampaign.Status.OPENING);
            inTheBackgroundAfterCommit(campaign.getId());
        }
        return campaign;
    }

    /** A failed opening goes on where it stopped. */
    @Transactional
    public void goOn(long campaignId) {
        TermReviewCampaign campaign = campaigns.findById(campaignId).orElseThrow();
        if (campaign.getStatus() == TermReviewCampaign.Status.FAILED) {
            campaign.setStatus(TermReviewCampaign.Status.OPENING);
            inTheBackgroundAfterCommit(campaignId);
        }
    }

    /**
     * Cancels a campaign opened by mistake while no leader has scored any of its reviews: the reviews are ended and
     * their teachers are free for another campaign of the term. A background opening stops at its next chunk.
     */
    @Transactional
    public void cancel(long campaignId, String cancelledBy) {
        TermReviewCampaign campaign = campaigns.findById(campaignId).orElseThrow();
        if (campaign.getStatus() == TermReviewCampaign.Status.CANCELLED) {
            return;
        }
        // every review of the campaign has the business key <campaign>:<teacher>
        if (historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKeyLike(campaignId + ":%")
                .taskDefinitionKey(TermReviewProcess.LEADER_SCORING).finished().count() > 0) {
            throw new AlreadyScored();
        }
        List<String> started = members.startedReviews(campaignId);
        // changing the campaign (its version) makes a chunk being opened at this moment fail and retry, or this fail
        campaign.cancelled(cancelledBy, clock.instant());
        Set<String> running = new HashSet<>();
        for (List<String> chunk : chunks(started)) {
            runtimeService.createProcessInstanceQuery().processInstanceIds(new HashSet<>(chunk)).list()
                    .forEach(instance -> running.add(instance.getId()));
        }
        if (!running.isEmpty()) {
            // listeners run, so the request records and read model see each review end
            AsTheApp.run(identityService, () -> runtimeService.deleteProcessInstances(new ArrayList<>(running),
                    "campaign cancelled by " + cancelledBy, false, true));
        }
        members.release(campaignId);
    }

    /** Campaigns a restart interrupted go on (on every node that starts: {@link #openNextChunk} keeps them apart). */
    @EventListener(ApplicationReadyEvent.class)
    void goOnAfterRestart() {
        for (TermReviewCampaign campaign : campaigns.findByStatus(TermReviewCampaign.Status.OPENING)) {
            inTheBackground(campaign.getId());
        }
    }

    private void inTheBackgroundAfterCommit(long campaignId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                inTheBackground(campaignId);
            }
        });
    }

    /**
     * {@code open-workers} threads side by side, each opening its own share of the teachers (member id modulo the
     * number of workers): starting a review is CPU work in the engine, so two threads on two cores open a large
     * school nearly twice as fast, and their shares never overlap.
     */
    private void inTheBackground(long campaignId) {
        int workers = settings.openWorkers();
        for (int worker = 0; worker < workers; worker++) {
            int share = worker;
            executor.execute(() -> openInChunks(campaignId, new Share(share, workers)));
        }
    }

    /** One worker's part of a campaign's teachers: those whose member id modulo {@code of} is {@code index}. */
    record Share(int index, int of) {
    }

    /** Another node opened the chunk this worker had picked: nothing lost, the worker picks again. */
    private static class ChunkTaken extends RuntimeException {
        ChunkTaken() {
            super("chunk opened by another node", null, false, false);
        }
    }

    /** The campaign was cancelled (or failed in another worker) while this chunk was opening: it rolls back, quietly. */
    private static class CampaignStopped extends RuntimeException {
        CampaignStopped() {
            super("campaign no longer opening", null, false, false);
        }
    }

    /** Opens chunk after chunk, each in its own transaction; a chunk that fails is tried again, then reported. */
    void openInChunks(long campaignId, Share share) {
        int failures = 0;
        while (true) {
            try {
                if (!Boolean.TRUE.equals(newTransaction.execute(status -> openNextChunk(campaignId, share)))) {
                    newTransaction.executeWithoutResult(status -> openedIfComplete(campaignId));
                    return;
                }
                failures = 0;
            } catch (ChunkTaken e) {
                failures = 0;
            } catch (CampaignStopped e) {
                return;
            } catch (RuntimeException e) {
                failures++;
                log.warn("Opening campaign {}: chunk failed ({} of {})", campaignId, failures, ATTEMPTS, e);
                if (failures >= ATTEMPTS) {
                    newTransaction.executeWithoutResult(status -> campaigns.findById(campaignId)
                            .filter(TermReviewCampaign::isOpening).ifPresent(c -> c.failed(e.toString())));
                    return;
                }
                sleep(500L * failures);
            }
        }
    }

    /**
     * Answers whether this share may have more to open. The campaign's row is locked only at the end, to count
     * the chunk: the workers wait on each other for a moment, not for a whole chunk; a campaign cancelled or
     * failed meanwhile rolls the chunk back; and a second node going on with the same campaign (restarted
     * meanwhile) that opened some of these teachers first is seen there, so this chunk rolls back and picks again
     * instead of starting a second review for them.
     */
    private boolean openNextChunk(long campaignId, Share share) {
        if (campaigns.statusOf(campaignId) != TermReviewCampaign.Status.OPENING) {
            return false; // cancelled, failed in another worker, or opened by another node
        }
        List<ReviewedTeacher> next = members.unopened(campaignId, share.of(), share.index(),
                PageRequest.of(0, settings.openChunk()));
        if (next.isEmpty()) {
            return false;
        }
        TermReviewCampaign campaign = campaigns.findById(campaignId).orElseThrow();
        startReviews(campaign, next);
        entityManager.refresh(campaign, LockModeType.PESSIMISTIC_WRITE);
        if (!campaign.isOpening()) {
            throw new CampaignStopped();
        }
        if (members.openedMeanwhile(next.stream().map(ReviewedTeacher::getId).toList()) > 0) {
            throw new ChunkTaken();
        }
        campaign.setOpened(campaign.getOpened() + next.size());
        return true;
    }

    /** The last worker to finish marks the campaign open, once every member has a review. */
    private void openedIfComplete(long campaignId) {
        TermReviewCampaign campaign = campaigns.lockById(campaignId).orElse(null);
        if (campaign != null && campaign.isOpening() && members.countByCampaignIdAndProcessInstanceIdIsNull(campaignId) == 0) {
            campaign.setStatus(TermReviewCampaign.Status.OPEN);
        }
    }

    private void startReviews(TermReviewCampaign campaign, List<ReviewedTeacher> chunk) {
        Map<String, Map<String, Object>> facts = termFacts.forTeachers(
                chunk.stream().map(ReviewedTeacher::getTeacherId).toList(), campaign.getTermStart(),
                campaign.getTermEnd());
        for (ReviewedTeacher member : chunk) {
            Map<String, Object> variables = new HashMap<>(facts.get(member.getTeacherId()));
            variables.put("applicant", member.getTeacherId());
            variables.put("campaignId", campaign.getId());
            // the term as the office named it; lists show the process (学期考核 / Term review) beside it, so the
            // title reads right in either language
            // (the forms show it as the term; the term's dates and the self-assessment's due date are the campaign
            // record's, read by campaignId: CampaignDates, TermRecords, RubricScoring)
            variables.put("title", campaign.getTermLabel());
            ProcessInstance review = runtimeService.startProcessInstanceByKey(TermReviewProcess.KEY,
                    campaign.getId() + ":" + member.getTeacherId(), variables);
            member.started(review.getId());
        }
        members.saveAll(chunk);
    }

    private Set<String> alreadyReviewed(String term, List<String> teachers) {
        Set<String> taken = new HashSet<>();
        for (List<String> chunk : chunks(teachers)) {
            taken.addAll(members.alreadyReviewed(term, chunk));
        }
        return taken;
    }

    /** The school term a campaign reviews, by its first day: 2026-1 for a start in autumn 2026. */
    static String term(LocalDate termStart) {
        Term term = Term.containing(termStart);
        return term.startYear() + "-" + term.number();
    }

    /** Teachers and group leaders working here now (the principal and the office are not reviewed). */
    List<Person> reviewed(String teachingGroupIdOrNull) {
        List<Person> people = teachingGroupIdOrNull == null ? directory.everyone()
                : directory.membersOf(teachingGroupIdOrNull);
        return people.stream().filter(Person::isActive)
                .filter(p -> p.getRole() == Role.TEACHER || p.getRole() == Role.GROUP_LEADER).toList();
    }

    public List<TermReviewCampaign> all() {
        return campaigns.findAllByOrderByIdDesc();
    }

    public Optional<TermReviewCampaign> find(long id) {
        return campaigns.findById(id);
    }

    /**
     * Values in slices of 1,000 for an {@code in (…)} list: PostgreSQL takes at most 65,535 parameters a
     * statement, and a large district's campaign can have more teachers than that.
     */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
        return chunks;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
