package school.training.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import school.training.externalstudy.ExternalStudyProcess;
import school.training.people.Directory;
import school.training.people.TeachingGroup;
import school.training.records.RequestOverview;
import school.training.records.RequestOverviews;
import school.training.records.RequestRecords;
import school.training.records.RequestSearch;
import school.training.web.CountedPage;

/**
 * The register's queries: one paged, sorted query of the request read model with the reader's filters
 * and who they may see, both as conditions in the database. The upcoming trips add their place, read
 * from the requests' own records for the rows of the page only. "Today" is the app's clock.
 */
@Service
class Register {

    static final int PAGE_SIZE = 50;
    static final int EXPORT_CHUNK = 500;
    /** The wait of an approved, registered trip until its end date. */
    static final String TRIP_ENDS = "tripEnds";

    private final RequestOverviews overviews;
    private final RequestRecords records;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;

    Register(RequestOverviews overviews, RequestRecords records, Directory directory, MessageSource messages,
            Clock clock) {
        this.overviews = overviews;
        this.records = records;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /** One page of what the reader finds, and how many there are in all. */
    record Found(List<RegisterRow> rows, long total, int page, int size) implements CountedPage {
    }

    Found page(Viewer viewer, RegisterForm form, RegisterForm.Checked checked, Locale locale) {
        return query(viewer, form, checked, checked.page(), PAGE_SIZE, locale);
    }

    /** Every matching row, a chunk at a time (the exports), so no list of every row is held. */
    void forEachChunk(Viewer viewer, RegisterForm form, RegisterForm.Checked checked, Locale locale,
            Consumer<List<RegisterRow>> chunk) {
        for (int page = 0;; page++) {
            Found found = query(viewer, form, checked, page, EXPORT_CHUNK, locale);
            if (!found.rows().isEmpty()) {
                chunk.accept(found.rows());
            }
            if (!found.hasNext()) {
                return;
            }
        }
    }

    private Found query(Viewer viewer, RegisterForm form, RegisterForm.Checked checked, int page, int size,
            Locale locale) {
        boolean upcoming = form.upcoming() && viewer.school();
        ZoneId zone = clock.getZone();
        String group = RegisterForm.blank(form.getGroup());
        RequestSearch search = new RequestSearch(viewer.applicants(),
                viewer.seesOthers() ? RegisterForm.blank(form.getTeacher()) : null, RegisterForm.blank(form.getTitle()),
                RegisterForm.blank(form.getNumber()),
                upcoming ? ExternalStudyProcess.KEY : RegisterForm.blank(form.getProcess()),
                upcoming ? null : checked.state(), viewer.seesOthers() ? group : null,
                checked.from() == null ? null : checked.from().atStartOfDay(zone).toInstant(),
                checked.to() == null ? null : checked.to().plusDays(1).atStartOfDay(zone).toInstant(),
                upcoming ? TRIP_ENDS : null, upcoming ? LocalDate.now(clock) : null);
        Sort sort = upcoming ? Sort.by("startDate", "applicantName", "processInstanceId") : checked.sorting().sort();
        Page<RequestOverview> found = overviews.search(search, PageRequest.of(page, size, sort));
        Map<String, Map<String, Object>> facts = upcoming ? records.facts(found.getContent().stream()
                .map(RequestOverview::getProcessInstanceId).toList()) : Map.of();
        Map<String, TeachingGroup> groups = directory.teachingGroups().stream()
                .collect(Collectors.toMap(TeachingGroup::getId, g -> g));
        List<RegisterRow> rows = found.getContent().stream().map(o -> row(o, groups, facts, zone, locale)).toList();
        return new Found(rows, found.getTotalElements(), page, size);
    }

    private RegisterRow row(RequestOverview o, Map<String, TeachingGroup> groups,
            Map<String, Map<String, Object>> facts, ZoneId zone, Locale locale) {
        TeachingGroup group = o.getTeachingGroupId() == null ? null : groups.get(o.getTeachingGroupId());
        String groupName = group == null ? null
                : "en".equals(locale.getLanguage()) && group.getNameEn() != null ? group.getNameEn() : group.getName();
        Object place = facts.getOrDefault(o.getProcessInstanceId(), Map.of()).get("location");
        return new RegisterRow(o.getProcessInstanceId(), o.getApprovalNumber(), o.getProcessKey(), o.getTitle(),
                o.getApplicant(), o.getApplicantName(), groupName, o.getState().name(), o.getStatus(),
                o.getStartedAt().atZone(zone).toLocalDate(),
                o.getEndedAt() == null ? null : o.getEndedAt().atZone(zone).toLocalDate(), o.getStartDate(),
                o.getEndDate(), place == null ? null : place.toString());
    }

    String processName(String key, Locale locale) {
        return messages.getMessage("process." + key, null, key, locale);
    }

    String stateName(String state, Locale locale) {
        return messages.getMessage("register.state." + state, null, state, locale);
    }

    String statusName(String status, Locale locale) {
        return messages.getMessage("status." + status, null, status, locale);
    }
}
