package school.training.people;

import java.util.List;

/** What importing a roster would do, row by row, before anything is written. */
record RosterPreview(RosterSheet sheet, List<RosterRow> rows, long notInFile) {

    public boolean importable() {
        return rows.stream().noneMatch(RosterRow::hasProblems);
    }

    long count(RosterRow.Action action) {
        return rows.stream().filter(row -> row.action() == action).count();
    }

    public long added() {
        return count(RosterRow.Action.ADD);
    }

    public long updated() {
        return count(RosterRow.Action.UPDATE);
    }

    public long unchanged() {
        return count(RosterRow.Action.UNCHANGED);
    }

    public long rowsWithProblems() {
        return rows.stream().filter(RosterRow::hasProblems).count();
    }

    List<RosterRow.Planned> plan() {
        return rows.stream().map(RosterRow::planned).toList();
    }
}
