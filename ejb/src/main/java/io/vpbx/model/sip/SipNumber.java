package io.vpbx.model.sip;

import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SIP number of a domain user ("SIP-номер", seed 002): the account phones register and
 * authenticate with. Its login is also the digest username, unique in the domain; its password is
 * generated, strong, and stored only encrypted ({@code passwordSecret}), because the product must
 * be able to show and e-mail it. A number can be disabled without deleting the user.
 */
@Entity
@Table(name = "sip_number")
public class SipNumber {
    /** Multi-terminal: how many devices may be registered at once (seed 002). */
    public static final int DEFAULT_DEVICE_LIMIT = 4;

    /** Concurrent calls; two lets an employee take a second call while talking (seed 002). */
    public static final int DEFAULT_CHANNEL_LIMIT = 2;

    /** How long calls to the number ring before the caller hears "no answer". */
    public static final int DEFAULT_RING_SECONDS = 30;

    public static final int MIN_RING_SECONDS = 5;
    public static final int MAX_RING_SECONDS = 300;
    public static final int MAX_DEVICE_LIMIT = 10;
    public static final int MAX_CHANNEL_LIMIT = 10;

    private static final Pattern LOGIN = Pattern.compile("[0-9]{7}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "login", nullable = false, updatable = false, length = 32)
    private String login;

    @Column(name = "password_secret", nullable = false, length = 255)
    private String passwordSecret;

    @Column(name = "device_limit", nullable = false)
    private int deviceLimit;

    @Column(name = "channel_limit", nullable = false)
    private int channelLimit;

    @Column(name = "ring_seconds", nullable = false)
    private int ringSeconds;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    /**
     * Challenge with MD5 only, for phones that read just the first challenge and know no SHA-256
     * (the default offers SHA-256 first, then MD5, RFC 8760). Like Asterisk's per-auth {@code
     * supported_algorithms_uas}.
     */
    @Column(name = "md5_only", nullable = false)
    private boolean md5Only;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SipNumber() {}

    /**
     * @param login seven digits, the system number of seed 002 (e.g. {@code 0462626})
     * @param passwordSecret the password as the secret box encrypted it
     */
    public SipNumber(long domainId, long userId, String login, String passwordSecret) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new IllegalArgumentException("a SIP number login is seven digits");
        }
        this.domainId = domainId;
        this.userId = userId;
        this.login = login;
        this.passwordSecret = Objects.requireNonNull(passwordSecret);
        this.deviceLimit = DEFAULT_DEVICE_LIMIT;
        this.channelLimit = DEFAULT_CHANNEL_LIMIT;
        this.ringSeconds = DEFAULT_RING_SECONDS;
        this.enabled = true;
    }

    public void changePasswordSecret(String newSecret) {
        this.passwordSecret = Objects.requireNonNull(newSecret);
    }

    public void changeLimits(int newDeviceLimit, int newChannelLimit) {
        if (newDeviceLimit < 1 || newDeviceLimit > MAX_DEVICE_LIMIT) {
            throw RuleViolation.onField("deviceLimit", "error.limit.range", 1, MAX_DEVICE_LIMIT);
        }
        if (newChannelLimit < 1 || newChannelLimit > MAX_CHANNEL_LIMIT) {
            throw RuleViolation.onField("channelLimit", "error.limit.range", 1, MAX_CHANNEL_LIMIT);
        }
        this.deviceLimit = newDeviceLimit;
        this.channelLimit = newChannelLimit;
    }

    public void changeRingSeconds(int seconds) {
        if (seconds < MIN_RING_SECONDS || seconds > MAX_RING_SECONDS) {
            throw RuleViolation.onField(
                    "ringSeconds", "error.limit.range", MIN_RING_SECONDS, MAX_RING_SECONDS);
        }
        this.ringSeconds = seconds;
    }

    public int ringSeconds() {
        return ringSeconds;
    }

    public void enable(boolean newEnabled) {
        this.enabled = newEnabled;
    }

    public void offerMd5Only(boolean newMd5Only) {
        this.md5Only = newMd5Only;
    }

    public boolean isMd5Only() {
        return md5Only;
    }

    public Long id() {
        return id;
    }

    public Long domainId() {
        return domainId;
    }

    public Long userId() {
        return userId;
    }

    public String login() {
        return login;
    }

    public String passwordSecret() {
        return passwordSecret;
    }

    public int deviceLimit() {
        return deviceLimit;
    }

    public int channelLimit() {
        return channelLimit;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long version() {
        return version;
    }
}
