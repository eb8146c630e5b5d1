package io.vpbx.model.shared;

import java.util.regex.Pattern;

/**
 * An e-mail address for notifications and credentials. Deliberately simple (one {@code @}, a dotted
 * domain, no spaces or control characters, at most 254 characters): the mail server is the final
 * judge, this only keeps obvious typos and header-injection attempts out.
 */
public record EmailAddress(String value) {
    /**
     * Unicode-aware, so that no-break spaces, line separators and C1 controls are refused as well.
     */
    private static final Pattern VALID =
            Pattern.compile(
                    "[^@\\s\\p{Cntrl}<>,;:\"]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+",
                    Pattern.UNICODE_CHARACTER_CLASS);

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw RuleViolation.onField("email", "error.email.required");
        }
        value = value.trim();
        if (value.length() > 254 || !VALID.matcher(value).matches()) {
            throw RuleViolation.onField("email", "error.email.invalid");
        }
    }

    /** An optional address: {@code null} or blank means "none". */
    public static EmailAddress optional(String value) {
        return value == null || value.isBlank() ? null : new EmailAddress(value);
    }

    /**
     * An optional address entered in a form field other than {@code email} (a domain's notification
     * address next to its admin's e-mail): an invalid one is reported on that field.
     */
    public static EmailAddress optional(String value, String field) {
        try {
            return optional(value);
        } catch (RuleViolation invalid) {
            throw RuleViolation.onField(field, invalid.messageKey(), invalid.arguments());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
