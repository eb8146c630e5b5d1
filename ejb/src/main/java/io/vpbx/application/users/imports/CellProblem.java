package io.vpbx.application.users.imports;

import java.io.Serializable;
import java.util.List;

/**
 * What is wrong with one cell of a row, or, as a warning, what will happen instead of what the row
 * asks for. An error keeps the row from being created (BR-25); a warning does not.
 *
 * @param messageKey resolved against the {@code messages_*} bundles
 */
public record CellProblem(
        ImportColumn column, boolean error, String messageKey, List<Object> arguments)
        implements Serializable {

    public CellProblem {
        arguments = List.copyOf(arguments);
    }

    static CellProblem error(ImportColumn column, String messageKey, Object... arguments) {
        return new CellProblem(column, true, messageKey, List.of(arguments));
    }

    static CellProblem warning(ImportColumn column, String messageKey, Object... arguments) {
        return new CellProblem(column, false, messageKey, List.of(arguments));
    }
}
