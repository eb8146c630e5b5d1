package io.vpbx.application.users.imports;

/**
 * What the import job did with one row.
 *
 * @param reasonKey why the row was skipped (a message key), {@code null} if it was created
 */
public record RowOutcome(int rowNumber, String login, boolean created, String reasonKey) {

    public static RowOutcome created(CheckedRow row) {
        return new RowOutcome(row.row().rowNumber(), row.row().login(), true, null);
    }

    public static RowOutcome skipped(CheckedRow row, String reasonKey) {
        return new RowOutcome(row.row().rowNumber(), row.row().login(), false, reasonKey);
    }
}
