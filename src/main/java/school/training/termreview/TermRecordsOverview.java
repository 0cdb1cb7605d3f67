package school.training.termreview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import school.training.ledger.Term;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;
import school.training.research.ResearchActivities;

/**
 * 教学常规记录: the term so far, per teacher and per teaching group — monthly plans accepted against the months
 * ended, observations against the quota so far, research activities attended, the archive checklist — and the
 * deductions the records imply if the term ended today. Each page of teachers costs one batch of queries per kind
 * of record, whatever the group's size.
 */
@Service
class TermRecordsOverview {

    /** One teacher's term so far. */
    public record TeacherRow(Person person, TermRecords.Items items, int points) {

        public String groupName() {
            return person.getTeachingGroup() == null ? "—" : person.getTeachingGroup().getName();
        }
    }

    /** One teaching group's totals. */
    public record GroupRow(TeachingGroup group, int teachers, int plansAccepted, int plansDue, int observations,
            int quota, int activitiesHeld, int activitiesRequired, int archivesComplete) {

        public int plansPercent() {
            return plansDue == 0 ? 100 : Math.round(plansAccepted * 100f / plansDue);
        }

        public int observationsPercent() {
            return quota == 0 ? 100 : Math.min(100, Math.round(observations * 100f / quota));
        }
    }

    private final Directory directory;
    private final TermRecords termRecords;
    private final ResearchActivities research;
    private final RubricSettings settings;
    private final Clock clock;

    TermRecordsOverview(Directory directory, TermRecords termRecords, ResearchActivities research,
            RubricSettings settings, Clock clock) {
        this.directory = directory;
        this.research = research;
        this.termRecords = termRecords;
        this.settings = settings;
        this.clock = clock;
    }

    Term term() {
        return Term.containing(LocalDate.now(clock));
    }

    /** The period "so far": from the term's first day to today (or its end, for a past term). */
    LocalDate[] period(Term term) {
        LocalDate today = LocalDate.now(clock);
        return new LocalDate[] { term.start(), today.isAfter(term.end()) ? term.end() : today };
    }

    Page<TeacherRow> teachers(Term term, String groupId, Pageable page) {
        Page<Person> people = directory.teaching(groupId, page);
        // rows come in the page's order
        return new PageImpl<>(rows(term, people.getContent()), page, people.getTotalElements());
    }

    List<TeacherRow> allTeachers(Term term, String groupId) {
        return rows(term, directory.teaching(groupId, Pageable.unpaged()).getContent());
    }

    List<GroupRow> groups(Term term) {
        List<GroupRow> groups = new ArrayList<>();
        List<TeacherRow> everyone = allTeachers(term, null);
        List<TeachingGroup> all = directory.teachingGroups();
        LocalDate[] period = period(term);
        Map<String, Integer> held = research.held(all.stream().map(TeachingGroup::getId).toList(), period[0], period[1]);
        for (TeachingGroup group : all) {
            List<TeacherRow> members = everyone.stream().filter(r -> r.person().getTeachingGroup() != null
                    && group.getId().equals(r.person().getTeachingGroup().getId())).toList();
            groups.add(new GroupRow(group, members.size(),
                    members.stream().mapToInt(r -> r.items().plans().accepted().size()).sum(),
                    members.stream().mapToInt(r -> r.items().plans().due().size()).sum(),
                    members.stream().mapToInt(r -> r.items().observations().recorded()).sum(),
                    members.stream().mapToInt(r -> r.items().observations().quota()).sum(),
                    held.getOrDefault(group.getId(), 0), research.requiredPerTerm(),
                    (int) members.stream().filter(r -> r.items().archive().complete()).count()));
        }
        return groups;
    }

    List<TeacherRow> rows(Term term, Collection<Person> people) {
        LocalDate[] period = period(term);
        Map<String, TermRecords.Items> items = termRecords.forTeachers(people.stream().map(Person::getId).toList(),
                period[0], period[1]);
        return people.stream().map(person -> {
            TermRecords.Items item = items.get(person.getId());
            Rubric.Judgement implied = item.judgement();
            int points = settings.archivePoints() - implied.archiveDeduction() + settings.lessonPlanPoints()
                    - implied.missingLessonPlans() * settings.lessonPlanDeduction() + settings.observationPoints()
                    - implied.observationDeduction();
            return new TeacherRow(person, item, Math.max(0, points));
        }).toList();
    }

    int recordPoints() {
        return settings.archivePoints() + settings.lessonPlanPoints() + settings.observationPoints();
    }
}
