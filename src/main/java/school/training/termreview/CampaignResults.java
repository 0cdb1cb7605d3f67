package school.training.termreview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import school.training.people.TeachingGroup;
import school.training.web.Csv;

/**
 * A campaign's published results (a review at the appeal step or later has a score and a grade), the
 * grade distribution per group, and both as CSV in UTF-8 with a byte-order mark for Excel.
 */
@Service
class CampaignResults {

    static final List<String> GRADES = List.of("excellent", "good", "pass", "fail");
    /** Rows of the results table a page shows; the exports and the distribution take them all. */
    static final int RESULTS_PER_PAGE = 50;

    private static final Set<String> PUBLISHED = Set.of(TermReviewProcess.APPEAL,
            TermReviewProcess.PRINCIPAL_RE_REVIEW, CampaignProgress.FINISHED);

    record Result(String teacherId, String teacherName, TeachingGroup group, double score, String grade) {
        public String scoreText() {
            return CampaignResults.score(score);
        }
    }

    /** Grade counts for one group, or for the whole campaign when {@code group} is null. */
    record Distribution(TeachingGroup group, Map<String, Long> counts, long total) {
        public long count(String grade) {
            return counts.getOrDefault(grade, 0L);
        }
    }

    private final HistoryService historyService;
    private final MessageSource messages;
    private final TermResultRepository termResults;

    CampaignResults(HistoryService historyService, MessageSource messages, TermResultRepository termResults) {
        this.termResults = termResults;
        this.historyService = historyService;
        this.messages = messages;
    }

    /** One page of the results (0 is the first; a page past the end is the last), with how many there are. */
    static Page<Result> page(List<Result> results, int page) {
        int last = Math.max(0, (results.size() - 1) / RESULTS_PER_PAGE);
        int number = Math.min(Math.max(0, page), last);
        int from = number * RESULTS_PER_PAGE;
        return new PageImpl<>(results.subList(from, Math.min(results.size(), from + RESULTS_PER_PAGE)),
                PageRequest.of(number, RESULTS_PER_PAGE), results.size());
    }

    /** Ordered by group (the school's order) and score, best first. */
    List<Result> results(List<CampaignProgress.Review> reviews) {
        List<CampaignProgress.Review> published = reviews.stream().filter(r -> PUBLISHED.contains(r.step())).toList();
        if (published.isEmpty()) {
            return List.of();
        }
        // the results as published (the re-reviewed one after an appeal); reviews published before the
        // app kept these records fall back to their variables
        Map<String, TermResult> recorded = new HashMap<>();
        for (List<String> ids : TermReviewCampaigns.chunks(
                published.stream().map(CampaignProgress.Review::processInstanceId).toList())) {
            for (TermResult result : termResults.findByProcessInstanceIdIn(ids)) {
                recorded.merge(result.getProcessInstanceId(), result, (a, b) -> a.isAfterAppeal() ? a : b);
            }
        }
        // history level full keeps historic variables current for running instances too
        Map<String, Map<String, Object>> variables = new HashMap<>();
        List<String> unrecorded = published.stream().map(CampaignProgress.Review::processInstanceId)
                .filter(id -> !recorded.containsKey(id)).toList();
        for (List<String> ids : TermReviewCampaigns.chunks(unrecorded)) {
            for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(ids.toArray(String[]::new)).variableNameIn("finalScore", "totalScore", "grade")
                    .list()) {
                if (v.getValue() != null) {
                    variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(),
                            v.getValue());
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (CampaignProgress.Review review : published) {
            TermResult result = recorded.get(review.processInstanceId());
            if (result != null) {
                results.add(new Result(review.teacherId(), review.teacherName(), review.group(),
                        result.getScore().doubleValue(), result.getGrade()));
                continue;
            }
            Map<String, Object> values = variables.getOrDefault(review.processInstanceId(), Map.of());
            Object score = values.getOrDefault("finalScore", values.get("totalScore"));
            if (values.get("grade") instanceof String grade && score instanceof Number number) {
                results.add(new Result(review.teacherId(), review.teacherName(), review.group(), number.doubleValue(),
                        grade));
            }
        }
        results.sort(Comparator.comparingInt((Result r) -> r.group() == null ? Integer.MAX_VALUE : r.group().getSortOrder())
                .thenComparing(r -> r.group() == null ? "" : r.group().getId())
                .thenComparing(Comparator.comparingDouble(Result::score).reversed())
                .thenComparing(Result::teacherName));
        return results;
    }

    /** One row per group with results, in the results' order, then the whole campaign (group null). */
    List<Distribution> distribution(List<Result> results) {
        Map<String, List<Result>> byGroup = new LinkedHashMap<>();
        Map<String, TeachingGroup> groups = new HashMap<>();
        for (Result result : results) {
            String key = result.group() == null ? "" : result.group().getId();
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
            groups.put(key, result.group());
        }
        List<Distribution> rows = new ArrayList<>();
        byGroup.forEach((key, ofGroup) -> rows.add(distribution(groups.get(key), ofGroup)));
        rows.add(distribution(null, results));
        return rows;
    }

    byte[] resultsCsv(List<Result> results, Locale locale) {
        return Csv.of(List.of(text("campaign.col.teacher", locale), text("campaign.col.group", locale),
                text("campaign.col.score", locale), text("campaign.col.grade", locale)),
                results.stream().map(r -> List.of(r.teacherName(), groupName(r.group(), locale), score(r.score()),
                        text("termReview.grade." + r.grade(), locale))).toList());
    }

    byte[] distributionCsv(List<Distribution> rows, Locale locale) {
        List<String> header = new ArrayList<>(List.of(text("campaign.col.group", locale)));
        GRADES.forEach(g -> header.add(text("termReview.grade." + g, locale)));
        header.add(text("campaign.col.total", locale));
        List<List<String>> lines = new ArrayList<>();
        for (Distribution row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.group() == null ? text("campaign.allGroups", locale)
                    : groupName(row.group(), locale)));
            GRADES.forEach(g -> cells.add(String.valueOf(row.count(g))));
            cells.add(String.valueOf(row.total()));
            lines.add(cells);
        }
        return Csv.of(header, lines);
    }

    static String score(double score) {
        return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
    }

    static String groupName(TeachingGroup group, Locale locale) {
        if (group == null) {
            return "—";
        }
        return "en".equals(locale.getLanguage()) && group.getNameEn() != null ? group.getNameEn() : group.getName();
    }



    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static Distribution distribution(TeachingGroup group, List<Result> results) {
        Map<String, Long> counts = new LinkedHashMap<>();
        GRADES.forEach(g -> counts.put(g, 0L));
        results.forEach(r -> counts.merge(r.grade(), 1L, Long::sum));
        return new Distribution(group, counts, results.size());
    }
}
