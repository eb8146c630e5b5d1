package io.vpbx.application.users.imports;

/**
 * An import's progress for the console's progress bar.
 *
 * @param done rows handled so far (created or skipped)
 * @param total rows the job was given
 * @param finished the job has ended, successfully or not
 * @param failed the job ended abnormally; the report lists what was done
 */
public record ImportProgress(
        int done, int total, int created, int skipped, boolean finished, boolean failed) {

    /** 0–100, 100 only when the job has finished. */
    public int percent() {
        if (finished) {
            return 100;
        }
        return total == 0 ? 0 : Math.min(99, done * 100 / total);
    }
}
