package io.vpbx.model.sip;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One contact binding of a SIP number (RFC 3261 §10.3): where a registered device can be reached
 * until it expires. The source address, port and transport are kept beside the contact, because a
 * phone behind NAT is reached at the address its REGISTER came from (RFC 3581), not at the private
 * address its Contact names.
 */
@Entity
@Table(name = "sip_registration")
public class SipRegistration {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "sip_number_id", nullable = false, updatable = false)
    private Long sipNumberId;

    @Column(name = "contact_uri", nullable = false, updatable = false, length = 512)
    private String contactUri;

    @Column(name = "call_id", nullable = false, length = 255)
    private String callId;

    @Column(name = "cseq", nullable = false)
    private long cseq;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "source_address", nullable = false, length = 64)
    private String sourceAddress;

    @Column(name = "source_port", nullable = false)
    private int sourcePort;

    @Column(name = "transport", nullable = false, length = 8)
    private String transport;

    @Column(name = "user_agent", length = 255)
    private String userAgent;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SipRegistration() {}

    public SipRegistration(long domainId, long sipNumberId, String contactUri, Refresh refresh) {
        this.domainId = domainId;
        this.sipNumberId = sipNumberId;
        this.contactUri = Objects.requireNonNull(contactUri);
        refresh(refresh);
    }

    /** What a REGISTER says about a binding, new or refreshed. */
    public record Refresh(
            String callId,
            long cseq,
            Instant now,
            Duration expires,
            String sourceAddress,
            int sourcePort,
            String transport,
            String userAgent) {}

    public void refresh(Refresh r) {
        this.callId = truncate(r.callId(), 255);
        this.cseq = r.cseq();
        this.registeredAt = r.now();
        this.expiresAt = r.now().plus(r.expires());
        this.sourceAddress = r.sourceAddress();
        this.sourcePort = r.sourcePort();
        this.transport = r.transport();
        this.userAgent = r.userAgent() == null ? null : truncate(r.userAgent(), 255);
    }

    /** A detached copy with the same values, safe to read while this one is refreshed. */
    public SipRegistration snapshot() {
        SipRegistration copy = new SipRegistration();
        copy.id = id;
        copy.domainId = domainId;
        copy.sipNumberId = sipNumberId;
        copy.contactUri = contactUri;
        copy.callId = callId;
        copy.cseq = cseq;
        copy.expiresAt = expiresAt;
        copy.registeredAt = registeredAt;
        copy.sourceAddress = sourceAddress;
        copy.sourcePort = sourcePort;
        copy.transport = transport;
        copy.userAgent = userAgent;
        copy.version = version;
        return copy;
    }

    /**
     * Whether a REGISTER with this Call-ID and CSeq is older than what set this binding (RFC 3261
     * §10.3 step 7): such a request arrived out of order and must not change it.
     */
    public boolean isNewerThan(String otherCallId, long otherCseq) {
        return callId.equals(otherCallId) && cseq >= otherCseq;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Seconds left, rounded up, for the Contact's expires parameter in the 200. */
    public long secondsLeft(Instant now) {
        long millis = Duration.between(now, expiresAt).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Long domainId() {
        return domainId;
    }

    public Long sipNumberId() {
        return sipNumberId;
    }

    public String contactUri() {
        return contactUri;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    public int sourcePort() {
        return sourcePort;
    }

    public String transport() {
        return transport;
    }

    public String userAgent() {
        return userAgent;
    }

    public String callId() {
        return callId;
    }

    public long cseq() {
        return cseq;
    }
}
