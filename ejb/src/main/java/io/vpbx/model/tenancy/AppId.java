package io.vpbx.model.tenancy;

import io.vpbx.model.shared.RuleViolation;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The App ID by which other tenants find this domain to request a link between PBXs (seed 000).
 * Eight digits, not starting with zero, so it is easy to read out over the phone; unique on the
 * platform.
 */
public record AppId(String value) {
    private static final Pattern VALID = Pattern.compile("[1-9][0-9]{7}");

    public AppId {
        if (value == null || !VALID.matcher(value.trim()).matches()) {
            throw RuleViolation.onField("appId", "error.appId.invalid");
        }
        value = value.trim();
    }

    /**
     * A fresh random candidate; the caller retries on the (rare) collision with an existing one.
     */
    public static AppId random(RandomGenerator random) {
        return new AppId(Integer.toString(10_000_000 + random.nextInt(90_000_000)));
    }

    @Override
    public String toString() {
        return value;
    }
}
