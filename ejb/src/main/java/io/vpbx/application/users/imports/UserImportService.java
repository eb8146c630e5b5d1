package io.vpbx.application.users.imports;

import java.util.Locale;

/**
 * Bulk creation of users in the caller's domain from a file (spec B §2.4): template, preview, the
 * {@code user-import} job, its progress and its report. The domain is always the caller's.
 */
public interface UserImportService {
    /** The empty template in the given format, headers in the given language (BR-20, BR-21). */
    byte[] template(ImportTemplate.Format format, Locale locale);

    /**
     * Reads and checks an uploaded file against the caller's domain; nothing is created.
     *
     * @throws ImportFileRejected if the file as a whole cannot be imported
     */
    ImportPreview preview(String fileName, byte[] content);

    /**
     * Starts creating the preview's ready rows (BR-25) as a batch job.
     *
     * @return the import's id, to follow its progress and fetch its report
     */
    long startImport(String fileName, ImportPreview preview);

    /**
     * Continues an import whose job stopped or failed before the end (say, the server went down):
     * the job restarts from its last checkpoint, and rows whose user exists by then are skipped, so
     * no user is created twice.
     *
     * @throws io.vpbx.model.shared.RuleViolation {@code userImport.error.notResumable} if the
     *     import is running or completed
     */
    void resume(long importId);

    /** How far an import of the caller's domain has got. */
    ImportProgress progress(long importId);

    /** The result of a finished import as xlsx: every row, created or skipped with the reason. */
    byte[] report(long importId, Locale locale);
}
