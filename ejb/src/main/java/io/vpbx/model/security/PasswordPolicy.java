package io.vpbx.model.security;

import io.vpbx.model.shared.RuleViolation;

/**
 * The console password rule of spec A BR-44 (pool admins) and BR-12 (domain users): at least 6
 * characters, Latin letters and digits only, with at least one of each, and at most 64. "abc12" is
 * too short, "абв123" has non-Latin letters, "abc123" passes (AT-15).
 *
 * <p>We require both a letter and a digit: the manual says "Latin letters and digits", and a
 * password of six letters or six digits is what a brute-force list tries first.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 64;

    private PasswordPolicy() {}

    /** Throws a violation on the {@code password} field unless the password is acceptable. */
    public static void check(String password) {
        if (password == null || password.isEmpty()) {
            throw RuleViolation.onField("password", "error.password.required");
        }
        if (password.length() < MIN_LENGTH) {
            throw RuleViolation.onField("password", "error.password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw RuleViolation.onField("password", "error.password.tooLong", MAX_LENGTH);
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letter = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                throw RuleViolation.onField("password", "error.password.latinAndDigits");
            }
        }
        if (!letter || !digit) {
            throw RuleViolation.onField("password", "error.password.latinAndDigits");
        }
    }

    /** Checks the policy and that the repeat matches, as the console forms ask for both. */
    public static void checkWithRepeat(String password, String repeat) {
        check(password);
        if (!password.equals(repeat)) {
            throw RuleViolation.onField("passwordRepeat", "error.password.repeatMismatch");
        }
    }
}
