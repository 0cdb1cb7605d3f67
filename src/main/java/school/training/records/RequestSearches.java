package school.training.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** A {@link RequestSearch} as a JPA specification of {@link RequestOverview}: the conditions of one query. */
final class RequestSearches {

    private RequestSearches() {
    }

    static Specification<RequestOverview> of(RequestSearch search) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (search.applicants() != null) {
                where.add(search.applicants().isEmpty() ? cb.disjunction() : root.get("applicant")
                        .in(search.applicants()));
            }
            if (search.teacher() != null) {
                where.add(cb.or(cb.equal(root.get("applicant"), search.teacher()),
                        cb.like(cb.lower(root.get("applicantName")), contains(search.teacher()), '\\')));
            }
            if (search.title() != null) {
                where.add(cb.like(cb.lower(root.get("title")), contains(search.title()), '\\'));
            }
            if (search.approvalNumber() != null) {
                where.add(cb.like(cb.lower(root.get("approvalNumber")), contains(search.approvalNumber()), '\\'));
            }
            if (search.processKey() != null) {
                where.add(cb.equal(root.get("processKey"), search.processKey()));
            }
            if (search.state() != null) {
                where.add(cb.equal(root.get("state"), search.state()));
            }
            if (search.teachingGroupId() != null) {
                where.add(cb.equal(root.get("teachingGroupId"), search.teachingGroupId()));
            }
            if (search.startedFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("startedAt"), search.startedFrom()));
            }
            if (search.startedBefore() != null) {
                where.add(cb.lessThan(root.get("startedAt"), search.startedBefore()));
            }
            if (search.waitingIn() != null) {
                where.add(cb.equal(root.get("state"), RequestOverview.State.RUNNING));
                where.add(cb.like(root.get("openSteps"), "%," + escape(search.waitingIn()) + ",%", '\\'));
            }
            if (search.tripStartsAfter() != null) {
                where.add(cb.greaterThan(root.get("startDate"), search.tripStartsAfter()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** A LIKE pattern for text typed by a person: % and _ are meant literally. */
    private static String contains(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
