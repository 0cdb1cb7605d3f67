package school.training.termreview;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import school.training.ledger.Term;
import school.training.people.TeachingGroup;

/**
 * The office's "open a term review" form as typed: raw strings, so a refused form comes back exactly
 * as it was sent. {@link #errors} answers field name to message key; empty means it may be opened.
 */
record CampaignForm(String termLabel, String termStart, String termEnd, String selfAssessmentDue, String group) {

    static final int LABEL_MIN = 4;
    static final int LABEL_MAX = 60;

    /** Defaults: the term that contains today, self-assessment due in a week, the whole school. */
    static CampaignForm defaults(LocalDate today) {
        Term term = Term.containing(today);
        return new CampaignForm(term.label(), term.start().toString(), term.end().toString(),
                today.plusDays(7).toString(), "");
    }

    CampaignForm {
        termLabel = termLabel == null ? "" : termLabel.strip();
        termStart = termStart == null ? "" : termStart.strip();
        termEnd = termEnd == null ? "" : termEnd.strip();
        selfAssessmentDue = selfAssessmentDue == null ? "" : selfAssessmentDue.strip();
        group = group == null ? "" : group.strip();
    }

    Map<String, String> errors(LocalDate today, List<TeachingGroup> groups, List<TermReviewCampaign> existing) {
        Map<String, String> errors = new LinkedHashMap<>();
        int length = termLabel.codePointCount(0, termLabel.length());
        if (length < LABEL_MIN || length > LABEL_MAX) {
            errors.put("termLabel", "campaign.error.termLabel");
        }
        LocalDate start = date(termStart);
        LocalDate end = date(termEnd);
        LocalDate due = date(selfAssessmentDue);
        if (start == null) {
            errors.put("termStart", "campaign.error.date");
        }
        if (end == null) {
            errors.put("termEnd", "campaign.error.date");
        } else if (start != null && !end.isAfter(start)) {
            errors.put("termEnd", "campaign.error.endBeforeStart");
        }
        if (due == null) {
            errors.put("selfAssessmentDue", "campaign.error.date");
        } else if (due.isBefore(today)) {
            errors.put("selfAssessmentDue", "campaign.error.dueInPast");
        }
        if (!group.isEmpty() && groups.stream().noneMatch(g -> g.getId().equals(group))) {
            errors.put("group", "campaign.error.group");
        }
        if (!errors.containsKey("termLabel") && existing.stream().anyMatch(c -> c.getTermLabel().equals(termLabel)
                && Objects.equals(c.getTeachingGroupId(), groupIdOrNull()))) {
            errors.put("termLabel", "campaign.error.duplicate");
        }
        return errors;
    }

    String groupIdOrNull() {
        return group.isEmpty() ? null : group;
    }

    LocalDate start() {
        return LocalDate.parse(termStart);
    }

    LocalDate end() {
        return LocalDate.parse(termEnd);
    }

    LocalDate due() {
        return LocalDate.parse(selfAssessmentDue);
    }

    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
