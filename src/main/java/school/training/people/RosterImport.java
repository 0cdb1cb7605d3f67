package school.training.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster import (名单导入): turns a read roster into a preview — each row an addition, an update or no
 * change, with every problem the directory's own rules and the file as a whole find — and imports a
 * preview with no problems in one transaction through {@link Directory#add} and {@link Directory#update},
 * so history, Camunda accounts and open approvals follow exactly as for a change made by hand. Nobody is
 * removed: people missing from the file are only counted. Leaders are not changed here (that hands
 * approvals over and belongs on /groups); a leader for a group without one is fine.
 */
@Service
@Transactional(readOnly = true)
class RosterImport {

    private final Directory directory;

    RosterImport(Directory directory) {
        this.directory = directory;
    }

    RosterPreview preview(RosterSheet sheet, String officeUserId) {
        List<TeachingGroup> groups = directory.teachingGroups();
        Map<String, Person> known = directory.everyone().stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        List<RosterRow> rows = new ArrayList<>();
        for (RosterSheet.Line line : sheet.lines()) {
            rows.add(row(line, sheet.columns(), known, groups, officeUserId));
        }
        rows = fileRules(rows, groups);
        Set<String> inFile = new HashSet<>();
        rows.forEach(row -> inFile.add(row.details().id()));
        long notInFile = known.values().stream().filter(Person::isActive).filter(p -> !inFile.contains(p.getId()))
                .count();
        return new RosterPreview(sheet, List.copyOf(rows), notInFile);
    }

    /**
     * Imports what was previewed, all rows or none.
     *
     * @param previewed the plan the office saw; if the directory has changed since, so that the same file
     *     would now do something else, nothing is written
     * @throws RosterChanged when the file now has problems or a different plan; nothing is written
     * @throws RosterWriteFailed when the directory refuses a row while writing; nothing is written
     */
    @Transactional
    RosterResult apply(RosterSheet sheet, List<RosterRow.Planned> previewed, String changedBy) {
        RosterPreview now = preview(sheet, changedBy);
        if (!now.importable() || !now.plan().equals(previewed)) {
            throw new RosterChanged(now);
        }
        List<RosterResult.NewAccount> accounts = new ArrayList<>();
        int updated = 0;
        for (RosterRow row : now.rows()) {
            try {
                switch (row.action()) {
                    case ADD -> accounts.add(new RosterResult.NewAccount(row.details().id(), row.details().name(),
                            row.groupName(), directory.add(row.details(), changedBy)));
                    case UPDATE -> updated += directory.update(row.details(), changedBy) ? 1 : 0;
                    case UNCHANGED -> { }
                }
            } catch (DirectoryProblems refused) {
                // thrown out of this method, it rolls back every row already written
                throw new RosterWriteFailed(row.line(), refused.problems());
            }
        }
        return new RosterResult(accounts, updated, now.count(RosterRow.Action.UNCHANGED), now.notInFile());
    }

    private RosterRow row(RosterSheet.Line line, List<RosterColumn> columns, Map<String, Person> known,
            List<TeachingGroup> groups, String officeUserId) {
        List<Problem> problems = new ArrayList<>();
        String idText = line.get(RosterColumn.ID);
        String id = idText == null ? null : idText.toLowerCase(java.util.Locale.ROOT);
        Person existing = id == null ? null : known.get(id);
        StaffDetails recorded = existing == null ? null : StaffDetails.of(existing);

        String groupText = line.get(RosterColumn.GROUP);
        String groupId = recorded == null ? null : recorded.teachingGroupId();
        if (groupText != null) {
            // an unknown name stays as typed: the directory's rule then says "没有名为 … 的教研组"
            groupId = RosterValues.group(groupText, groups).map(TeachingGroup::getId).orElse(groupText);
        }
        Role role = value(line, RosterColumn.ROLE, RosterValues::role, recorded == null ? null : recorded.role(),
                "roster.problem.unknownRole", problems);
        Employment employment = value(line, RosterColumn.EMPLOYMENT, RosterValues::employment,
                recorded == null ? null : recorded.employment(), "roster.problem.unknownEmployment", problems);
        Degree degree = value(line, RosterColumn.DEGREE, RosterValues::degree,
                recorded == null ? null : recorded.degree(), "roster.problem.unknownDegree", problems);
        StaffDetails details = new StaffDetails(id, text(line, RosterColumn.NAME, recorded, StaffDetails::name),
                role, groupId, text(line, RosterColumn.SUBJECT, recorded, StaffDetails::subject),
                text(line, RosterColumn.TITLE, recorded, StaffDetails::title), employment, degree,
                text(line, RosterColumn.EMAIL, recorded, StaffDetails::email),
                text(line, RosterColumn.PHONE, recorded, StaffDetails::phone),
                text(line, RosterColumn.POST, recorded, StaffDetails::post));

        Set<String> fieldsWithProblems = new HashSet<>();
        problems.forEach(p -> fieldsWithProblems.add(p.field()));
        // a cell we could not read already has its problem; "请选择角色" beside "不认识的角色" would only confuse
        directory.check(details).stream().filter(p -> !fieldsWithProblems.contains(p.field())).forEach(problems::add);
        if (existing == null && id != null && directory.accountExists(id)) {
            problems.add(0, Problem.of("id", "people.problem.idTaken", id));
        }
        if (existing != null && id.equals(officeUserId) && existing.getRole() != details.role()) {
            problems.add(Problem.of("role", "people.problem.ownRole"));
        }
        RosterRow.Action action;
        List<RosterColumn> changed = new ArrayList<>();
        if (recorded == null) {
            action = RosterRow.Action.ADD;
        } else {
            for (RosterColumn column : RosterColumn.values()) {
                if (!Objects.equals(field(recorded, column), field(details, column))) {
                    changed.add(column);
                }
            }
            action = changed.isEmpty() ? RosterRow.Action.UNCHANGED : RosterRow.Action.UPDATE;
        }
        String groupName = RosterValues.group(Objects.toString(details.teachingGroupId(), ""), groups)
                .map(TeachingGroup::getName).orElse(details.teachingGroupId());
        return new RosterRow(line.number(), action, details, groupName, changed, problems);
    }

    /** Rules no single row can break alone: an id twice, two leaders for one group. */
    private static List<RosterRow> fileRules(List<RosterRow> rows, List<TeachingGroup> groups) {
        Map<String, List<Integer>> linesById = new HashMap<>();
        Map<String, Set<String>> leadersByGroup = new LinkedHashMap<>();
        Map<String, List<Integer>> leaderLinesByGroup = new HashMap<>();
        for (RosterRow row : rows) {
            if (row.details().id() != null) {
                linesById.computeIfAbsent(row.details().id(), id -> new ArrayList<>()).add(row.line());
            }
            if (row.details().role() == Role.GROUP_LEADER && row.details().teachingGroupId() != null) {
                leadersByGroup.computeIfAbsent(row.details().teachingGroupId(), g -> new HashSet<>())
                        .add(Objects.toString(row.details().id()));
                leaderLinesByGroup.computeIfAbsent(row.details().teachingGroupId(), g -> new ArrayList<>())
                        .add(row.line());
            }
        }
        List<RosterRow> checked = new ArrayList<>();
        for (RosterRow row : rows) {
            List<Problem> problems = new ArrayList<>(row.problems());
            List<Integer> sameId = linesById.getOrDefault(row.details().id(), List.of());
            if (sameId.size() > 1) {
                problems.add(0, Problem.of("id", "roster.problem.duplicateId", row.details().id(), lines(sameId)));
            }
            String group = row.details().teachingGroupId();
            if (row.details().role() == Role.GROUP_LEADER && group != null && leadersByGroup.get(group).size() > 1) {
                problems.add(Problem.of("role", "roster.problem.twoLeaders", row.groupName(),
                        lines(leaderLinesByGroup.get(group))));
            }
            checked.add(new RosterRow(row.line(), row.action(), row.details(), row.groupName(), row.changed(),
                    List.copyOf(problems)));
        }
        return checked;
    }

    private static <E> E value(RosterSheet.Line line, RosterColumn column,
            Function<String, Optional<E>> parse, E recorded, String unknownCode, List<Problem> problems) {
        String text = line.get(column);
        if (text == null) {
            return recorded;
        }
        Optional<E> parsed = parse.apply(text);
        if (parsed.isEmpty()) {
            problems.add(Problem.of(column.field(), unknownCode, text));
            return recorded;
        }
        return parsed.get();
    }

    /** An empty cell, or a column the file does not have, keeps what is recorded (nothing is cleared). */
    private static String text(RosterSheet.Line line, RosterColumn column, StaffDetails recorded,
            Function<StaffDetails, String> field) {
        String text = line.get(column);
        return text != null ? text : recorded == null ? null : field.apply(recorded);
    }

    private static Object field(StaffDetails details, RosterColumn column) {
        return switch (column) {
            case ID -> details.id();
            case NAME -> details.name();
            case GROUP -> details.teachingGroupId();
            case ROLE -> details.role();
            case SUBJECT -> details.subject();
            case TITLE -> details.title();
            case EMPLOYMENT -> details.employment();
            case DEGREE -> details.degree();
            case EMAIL -> details.email();
            case PHONE -> details.phone();
            case POST -> details.post();
        };
    }

    private static String lines(List<Integer> lines) {
        return lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
