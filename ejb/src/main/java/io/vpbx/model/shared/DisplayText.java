package io.vpbx.model.shared;

/**
 * Free text shown to people: display names, company names, subgroup names. Trimmed, non-empty,
 * bounded, and free of control characters (which would break exports, logs and SIP display names).
 */
public final class DisplayText {
    private DisplayText() {}

    /** Returns the trimmed text, or throws a violation on {@code field}. */
    public static String require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.onField(field, "error.field.required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw RuleViolation.onField(field, "error.field.tooLong", maxLength);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw RuleViolation.onField(field, "error.field.invalidCharacters");
        }
        return trimmed;
    }

    /** Like {@link #require} but {@code null}/blank is allowed and returned as {@code null}. */
    public static String optional(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : require(field, value, maxLength);
    }
}
