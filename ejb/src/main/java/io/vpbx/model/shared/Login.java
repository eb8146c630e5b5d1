package io.vpbx.model.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A console or SIP login. Lower-case Latin letters, digits, dot, underscore and hyphen, starting
 * with a letter or digit, 2–64 characters. Logins become part of SIP addresses ({@code
 * login@domain}), so anything that is not safe in a SIP user part is refused here once, instead of
 * being escaped everywhere.
 */
public record Login(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public Login {
        if (value == null || value.isBlank()) {
            throw RuleViolation.onField("login", "error.login.required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(value).matches()) {
            throw RuleViolation.onField("login", "error.login.invalid");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
