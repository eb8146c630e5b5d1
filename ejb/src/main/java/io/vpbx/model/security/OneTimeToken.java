package io.vpbx.model.security;

import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A single-use, expiring token: a password-recovery link or a console jump. Only the digest of the
 * token is stored; the token itself exists only in the e-mail or the browser's address bar.
 * Redeeming marks it used in the same transaction, and the version column makes two concurrent
 * redemptions collide.
 */
@Entity
@Table(name = "one_time_token")
public class OneTimeToken {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, updatable = false, length = 24)
    private TokenPurpose purpose;

    @Column(name = "token_digest", nullable = false, updatable = false, length = 64)
    private String tokenDigest;

    @Column(name = "domain_id", updatable = false)
    private Long domainId;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private long subjectId;

    @Column(name = "issued_by", updatable = false, length = 200)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OneTimeToken() {}

    /**
     * @param domainId the domain the token acts in
     * @param subjectId the account the token is for: the domain user who recovers a password, or
     *     the pool admin who jumps
     * @param issuedBy the principal that asked for it, for the record
     */
    public OneTimeToken(
            TokenPurpose purpose,
            String tokenDigest,
            Long domainId,
            long subjectId,
            String issuedBy,
            Instant now) {
        this.purpose = purpose;
        this.tokenDigest = tokenDigest;
        this.domainId = domainId;
        this.subjectId = subjectId;
        this.issuedBy = issuedBy;
        this.issuedAt = now;
        this.expiresAt = now.plus(purpose.lifetime());
    }

    /** Marks the token used, or throws if it was used before or has expired. */
    public void redeem(Instant now) {
        if (usedAt != null) {
            throw new RuleViolation("error.token.used");
        }
        if (!now.isBefore(expiresAt)) {
            throw new RuleViolation("error.token.expired");
        }
        usedAt = now;
    }

    /** Whether the token could still be redeemed at {@code now}. */
    public boolean isRedeemable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public TokenPurpose purpose() {
        return purpose;
    }

    public Long domainId() {
        return domainId;
    }

    public long subjectId() {
        return subjectId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
