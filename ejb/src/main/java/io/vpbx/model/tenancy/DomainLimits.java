package io.vpbx.model.tenancy;

import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the operator sold: how many users a domain may have and how many calls it may carry at once.
 * Set by the platform operator only; the user limit caps creation and import, the channel limit
 * caps concurrent calls across the whole domain.
 */
@Embeddable
public class DomainLimits {
    public static final int MAX_USERS = 100_000;
    public static final int MAX_CHANNELS = 10_000;

    @Column(name = "max_users", nullable = false)
    private int maxUsers;

    @Column(name = "max_channels", nullable = false)
    private int maxChannels;

    protected DomainLimits() {}

    public DomainLimits(int maxUsers, int maxChannels) {
        if (maxUsers < 1 || maxUsers > MAX_USERS) {
            throw RuleViolation.onField("maxUsers", "error.limit.range", 1, MAX_USERS);
        }
        if (maxChannels < 1 || maxChannels > MAX_CHANNELS) {
            throw RuleViolation.onField("maxChannels", "error.limit.range", 1, MAX_CHANNELS);
        }
        this.maxUsers = maxUsers;
        this.maxChannels = maxChannels;
    }

    public int maxUsers() {
        return maxUsers;
    }

    public int maxChannels() {
        return maxChannels;
    }
}
