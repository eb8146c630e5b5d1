package io.vpbx.model.tenancy;

import io.vpbx.model.shared.RuleViolation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain's technical name, which is also its SIP domain: phones register as {@code login@name},
 * and employees log in to the console with it. A lower-case DNS name (RFC 1035 labels, at least two
 * of them), at most 253 characters. Immutable once the domain exists, because every phone is
 * configured with it.
 */
public record SipDomainName(String value) {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public SipDomainName {
        if (value == null || value.isBlank()) {
            throw RuleViolation.onField("sipDomain", "error.sipDomain.required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 253 || !hasValidLabels(value)) {
            throw RuleViolation.onField("sipDomain", "error.sipDomain.invalid");
        }
    }

    private static boolean hasValidLabels(String name) {
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
