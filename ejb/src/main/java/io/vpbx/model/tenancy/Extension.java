package io.vpbx.model.tenancy;

import io.vpbx.model.shared.RuleViolation;
import java.util.regex.Pattern;

/**
 * A domain user's internal number ("внутренний номер"): one to five digits, unique in the domain.
 * Kept as a string, because {@code 010} and {@code 10} are different numbers to dial.
 */
public record Extension(String value) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    public Extension {
        if (value == null || value.isBlank()) {
            throw RuleViolation.onField("extension", "error.extension.required");
        }
        value = value.trim();
        if (!DIGITS.matcher(value).matches()) {
            throw RuleViolation.onField("extension", "error.extension.invalid");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
