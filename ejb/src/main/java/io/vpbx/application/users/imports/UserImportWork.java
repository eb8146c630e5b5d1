package io.vpbx.application.users.imports;

import java.util.List;

/** The {@code user-import} job's view of the core; not for the consoles. */
public interface UserImportWork {
    /** The ready rows of an import, in file order. */
    List<CheckedRow> rows(long importId);

    /**
     * Creates one row's user in its own transaction, through the same provisioning as the
     * create-one dialog. A row whose login exists by now (created by an earlier attempt of a
     * restarted job, or by someone else meanwhile) is skipped, never duplicated; a rule that says
     * no (the user limit, a taken extension) skips the row with its reason.
     */
    RowOutcome createUser(long importId, CheckedRow row);

    /** Keeps the outcomes of a chunk; the progress and the report read them. */
    void recorded(long importId, List<RowOutcome> outcomes);

    /** Records the import as a whole in the action history once the rows are done. */
    void finished(long importId);
}
