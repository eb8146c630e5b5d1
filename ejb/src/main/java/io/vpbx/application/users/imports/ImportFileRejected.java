package io.vpbx.application.users.imports;

import io.vpbx.model.shared.RuleViolation;

/**
 * The uploaded file as a whole cannot be imported; no row of it is checked or created. The reason
 * is typed so that a caller (and a test) can tell a corrupt file from one with too many rows.
 */
public class ImportFileRejected extends RuleViolation {
    private static final long serialVersionUID = 1L;

    /** Why the file was refused; each has its message key under {@code userImport.rejected.*}. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        TOO_MANY_ROWS,
        OVER_USER_LIMIT,
        UNSUPPORTED_TYPE,
        CORRUPT
    }

    private final Reason reason;

    public ImportFileRejected(Reason reason, Object... arguments) {
        super("userImport.rejected." + key(reason), arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static String key(Reason reason) {
        return switch (reason) {
            case EMPTY -> "empty";
            case TOO_LARGE -> "tooLarge";
            case TOO_MANY_ROWS -> "tooManyRows";
            case OVER_USER_LIMIT -> "overUserLimit";
            case UNSUPPORTED_TYPE -> "unsupportedType";
            case CORRUPT -> "corrupt";
        };
    }
}
