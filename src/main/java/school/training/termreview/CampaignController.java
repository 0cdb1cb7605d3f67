package school.training.termreview;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.TeachingGroup;
import school.training.web.Chart;

/**
 * The office's term-review campaigns ({@code /term-reviews}): open one, follow its progress, remind the
 * laggards, export the results. The principal reads along; for anybody else the pages do not exist.
 */
@Controller
class CampaignController {

    private final TermReviewCampaigns campaigns;
    private final CampaignProgress progress;
    private final CampaignResults results;
    private final Directory directory;
    private final Clock clock;
    private final MessageSource messages;

    CampaignController(TermReviewCampaigns campaigns, CampaignProgress progress, CampaignResults results,
            Directory directory, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.progress = progress;
        this.results = results;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/term-reviews")
    String list(Authentication authentication, Model model) {
        readable(authentication);
        return listPage(CampaignForm.defaults(LocalDate.now(clock)), Map.of(), authentication, model);
    }

    @PostMapping("/term-reviews")
    String open(@RequestParam(defaultValue = "") String termLabel, @RequestParam(defaultValue = "") String termStart,
            @RequestParam(defaultValue = "") String termEnd, @RequestParam(defaultValue = "") String selfAssessmentDue,
            @RequestParam(defaultValue = "") String group, Authentication authentication, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        office(authentication);
        CampaignForm form = new CampaignForm(termLabel, termStart, termEnd, selfAssessmentDue, group);
        Map<String, String> errors = form.errors(LocalDate.now(clock), directory.teachingGroups(), campaigns.all());
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return listPage(form, errors, authentication, model);
        }
        TermReviewCampaign campaign;
        try {
            campaign = campaigns.open(form.termLabel(), form.start(), form.end(), form.due(), form.groupIdOrNull(),
                    authentication.getName());
        } catch (TermReviewCampaigns.NothingToOpen e) {
            // one review per teacher and term: everyone in scope has one from another campaign already
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return listPage(form, Map.of("group", "campaign.error.allReviewed"), authentication, model);
        } catch (DataIntegrityViolationException e) {
            // another campaign of the term was opened for some of them at this very moment
            response.setStatus(HttpStatus.CONFLICT.value());
            return listPage(form, Map.of("group", "campaign.error.race"), authentication, model);
        }
        redirect.addFlashAttribute("notice", campaign.isOpening() ? "campaign.opening" : "campaign.opened");
        redirect.addFlashAttribute("noticeArgs", List.of(campaign.getReviews(), campaign.getSkipped()));
        return "redirect:/term-reviews/" + campaign.getId();
    }

    @PostMapping("/term-reviews/{id}/cancel")
    String cancel(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        office(authentication);
        campaign(id);
        try {
            campaigns.cancel(id, authentication.getName());
            redirect.addFlashAttribute("notice", "campaign.cancelled");
        } catch (TermReviewCampaigns.AlreadyScored e) {
            redirect.addFlashAttribute("notice", "campaign.cancel.scored");
        } catch (ConcurrencyFailureException e) {
            // a chunk of the background opening committed at the same moment: nothing changed, try again
            redirect.addFlashAttribute("notice", "campaign.cancel.busy");
        }
        return "redirect:/term-reviews/" + id;
    }

    @PostMapping("/term-reviews/{id}/go-on")
    String goOn(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        office(authentication);
        campaign(id);
        campaigns.goOn(id);
        redirect.addFlashAttribute("notice", "campaign.goingOn");
        return "redirect:/term-reviews/" + id;
    }

    @GetMapping("/term-reviews/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Authentication authentication,
            Locale locale, Model model) {
        readable(authentication);
        TermReviewCampaign campaign = campaign(id);
        List<CampaignProgress.Review> reviews = progress.reviews(id);
        List<CampaignResults.Result> shown = results.results(reviews);
        model.addAttribute("campaign", campaign);
        model.addAttribute("scope", campaign.getTeachingGroupId() == null ? null
                : directory.teachingGroup(campaign.getTeachingGroupId()).orElse(null));
        model.addAttribute("steps", CampaignProgress.STEPS);
        model.addAttribute("rows", progress.byGroup(reviews));
        model.addAttribute("total", progress.total(reviews));
        model.addAttribute("grades", CampaignResults.GRADES);
        model.addAttribute("results", shown);
        // a district's campaign publishes thousands: the table shows a page of them, the exports all
        model.addAttribute("resultsPage", CampaignResults.page(shown, page));
        List<CampaignResults.Distribution> distribution = results.distribution(shown);
        model.addAttribute("distribution", distribution);
        model.addAttribute("chart", chart(campaign, distribution.get(distribution.size() - 1), locale));
        model.addAttribute("canManage", isOffice(authentication));
        return "termreview/campaign";
    }

    /** The whole campaign's row of the distribution table as a picture: how many teachers got each grade. */
    private Chart chart(TermReviewCampaign campaign, CampaignResults.Distribution all, Locale locale) {
        return Chart.bars(messages.getMessage("campaign.chart.title", new Object[] { campaign.getTermLabel() }, locale),
                CampaignResults.GRADES.stream().map(g -> messages.getMessage("termReview.grade." + g, null, g, locale))
                        .toList(), "")
                .with(messages.getMessage("campaign.chart.teachers", null, locale),
                        CampaignResults.GRADES.stream().map(all::count).toList(), "#1d5f8a");
    }

    @PostMapping("/term-reviews/{id}/remind")
    String remind(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        office(authentication);
        CampaignProgress.Reminded reminded = progress.remind(campaign(id));
        redirect.addFlashAttribute("notice", "campaign.reminded");
        redirect.addFlashAttribute("noticeArgs", List.of(reminded.total(), reminded.teachers(), reminded.leaders()));
        return "redirect:/term-reviews/" + id;
    }

    @GetMapping("/term-reviews/{id}/export/results.csv")
    ResponseEntity<byte[]> exportResults(@PathVariable long id, Authentication authentication, Locale locale) {
        readable(authentication);
        campaign(id);
        return csv("term-review-" + id + "-results.csv",
                results.resultsCsv(results.results(progress.reviews(id)), locale));
    }

    @GetMapping("/term-reviews/{id}/export/distribution.csv")
    ResponseEntity<byte[]> exportDistribution(@PathVariable long id, Authentication authentication, Locale locale) {
        readable(authentication);
        campaign(id);
        return csv("term-review-" + id + "-distribution.csv",
                results.distributionCsv(results.distribution(results.results(progress.reviews(id))), locale));
    }

    private String listPage(CampaignForm form, Map<String, String> errors, Authentication authentication, Model model) {
        List<TeachingGroup> groups = directory.teachingGroups();
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("groups", groups);
        model.addAttribute("groupsById", groups.stream().collect(Collectors.toMap(TeachingGroup::getId,
                Function.identity())));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canManage", isOffice(authentication));
        return "termreview/campaigns";
    }

    private static ResponseEntity<byte[]> csv(String name, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    private TermReviewCampaign campaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such campaign"));
    }

    private static void readable(Authentication authentication) {
        if (!isOffice(authentication) && !has(authentication, CamundaGroups.PRINCIPAL)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No term reviews for you");
        }
    }

    /** The principal reads along but does not run campaigns; anybody else is told there is nothing here. */
    private static void office(Authentication authentication) {
        readable(authentication);
        if (!isOffice(authentication)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the office runs term reviews");
        }
    }

    private static boolean isOffice(Authentication authentication) {
        return has(authentication, CamundaGroups.OFFICE);
    }

    private static boolean has(Authentication authentication, String camundaGroup) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("GROUP_" + camundaGroup)::equals);
    }
}
