package io.vpbx.application.users.imports;

import java.io.Serializable;
import java.util.List;

/**
 * One data row of an uploaded file, as typed: trimmed text, {@code ""} for an empty cell. Nothing
 * is checked here; {@link UserImportRules} does that.
 *
 * @param rowNumber the row's number in the spreadsheet (the header is row 1), for the admin to find
 *     it
 */
public record ImportRow(
        int rowNumber,
        String login,
        String password,
        String displayName,
        String extension,
        String groups,
        String outgoingCli,
        String email)
        implements Serializable {

    public ImportRow {
        login = clean(login);
        password = password == null ? "" : password;
        displayName = clean(displayName);
        extension = clean(extension);
        groups = clean(groups);
        outgoingCli = clean(outgoingCli);
        email = clean(email);
    }

    /** A row from its cells in column order A–G; missing trailing cells are empty. */
    public static ImportRow of(int rowNumber, List<String> cells) {
        String[] v = new String[ImportColumn.values().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < cells.size() ? cells.get(i) : "";
        }
        return new ImportRow(rowNumber, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    /** The cell's text in the given column, as it was read. */
    public String cell(ImportColumn column) {
        return switch (column) {
            case LOGIN -> login;
            case PASSWORD -> password;
            case DISPLAY_NAME -> displayName;
            case EXTENSION -> extension;
            case GROUPS -> groups;
            case OUTGOING_CLI -> outgoingCli;
            case EMAIL -> email;
        };
    }

    boolean isBlank() {
        for (ImportColumn c : ImportColumn.values()) {
            if (!cell(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
