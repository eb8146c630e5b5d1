package io.vpbx.model.shared;

/**
 * Someone else saved the same object after the caller loaded it (optimistic locking). The console
 * tells the user to reload rather than silently overwriting the other person's change.
 */
public class ConcurrentEdit extends RuleViolation {
    private static final long serialVersionUID = 1L;

    public ConcurrentEdit() {
        super("error.concurrentEdit");
    }

    /** Throws unless the version the caller loaded is still the current one. */
    public static void check(long loadedVersion, long currentVersion) {
        if (loadedVersion != currentVersion) {
            throw new ConcurrentEdit();
        }
    }
}
