package io.vpbx.model.tenancy;

import io.vpbx.model.shared.RuleViolation;
import java.util.regex.Pattern;

/**
 * The number that reaches a domain from the other domains of its pool: dialling {@code <routing
 * number>< extension>} calls that extension there (spec A BR-39). Kept as a string because leading
 * zeros matter ({@code 00799} and {@code 799} are different numbers). Every routing number in a
 * pool has the pool's length, so that no routing number is a prefix of another and dialling stays
 * unambiguous.
 */
public record RoutingNumber(String value) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,8}");

    public RoutingNumber {
        if (value == null || !DIGITS.matcher(value.trim()).matches()) {
            throw RuleViolation.onField("routingNumber", "error.routingNumber.digits");
        }
        value = value.trim();
    }

    /** An optional routing number: {@code null}/blank means none. */
    public static RoutingNumber optional(String value) {
        return value == null || value.isBlank() ? null : new RoutingNumber(value);
    }

    /** Throws unless this number has exactly the length the pool prescribes. */
    public RoutingNumber requireLength(int poolLength) {
        if (value.length() != poolLength) {
            throw RuleViolation.onField("routingNumber", "error.routingNumber.length", poolLength);
        }
        return this;
    }

    @Override
    public String toString() {
        return value;
    }
}
