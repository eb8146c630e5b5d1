package io.vpbx.application.users.imports;

import java.io.Serializable;
import java.util.List;

/**
 * A row after checking: its problems, and what will be created from it if it has no errors.
 *
 * @param extension the extension to give the user: the row's own, or the one allocated for an empty
 *     cell; {@code null} only when the row has an error
 * @param groupNames the call groups named in the row, trimmed, in their order, without repeats
 * @param outgoingCli the row's outgoing number if it is one of the domain's, else {@code null} (the
 *     domain default applies)
 */
public record CheckedRow(
        ImportRow row,
        String extension,
        List<String> groupNames,
        String outgoingCli,
        List<CellProblem> problems)
        implements Serializable {

    public CheckedRow {
        groupNames = List.copyOf(groupNames);
        problems = List.copyOf(problems);
    }

    /** True if the row can be created: it has warnings at most. */
    public boolean ready() {
        return problems.stream().noneMatch(CellProblem::error);
    }

    /** The problems in one column, for the preview's cell. */
    public List<CellProblem> problemsIn(ImportColumn column) {
        return problems.stream().filter(p -> p.column() == column).toList();
    }
}
