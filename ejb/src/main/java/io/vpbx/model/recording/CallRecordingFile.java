package io.vpbx.model.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The recording of one call («запись разговора»): a stereo WAV (caller left, callee right) in the
 * recording store under {@code storageKey}, with its size, length and the moment after which the
 * nightly retention job deletes it. It belongs to the call record with the same domain and Call-ID;
 * that record is written asynchronously, so the recording may exist a moment before it.
 */
@Entity
@Table(name = "call_recording")
public class CallRecordingFile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "call_id", nullable = false, updatable = false, length = 255)
    private String callId;

    @Column(name = "storage_key", nullable = false, updatable = false, length = 512)
    private String storageKey;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMs;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected CallRecordingFile() {}

    public CallRecordingFile(
            long domainId,
            String callId,
            String storageKey,
            long sizeBytes,
            Duration length,
            Instant createdAt,
            RecordingRetention retention,
            ZoneId zone) {
        if (sizeBytes < 0 || length.isNegative()) {
            throw new IllegalArgumentException("a recording has no negative size or length");
        }
        this.domainId = domainId;
        this.callId = Objects.requireNonNull(callId);
        this.storageKey = Objects.requireNonNull(storageKey);
        this.sizeBytes = sizeBytes;
        this.durationMs = length.toMillis();
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = retention.expiresAt(createdAt, zone);
    }

    /**
     * Applies the domain's new retention: a shorter one can make the recording expire at once, and
     * the next run of the retention job then deletes it.
     */
    public void retainFor(RecordingRetention retention, ZoneId zone) {
        this.expiresAt = retention.expiresAt(createdAt, zone);
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public Long id() {
        return id;
    }

    public Long domainId() {
        return domainId;
    }

    public String callId() {
        return callId;
    }

    public String storageKey() {
        return storageKey;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Duration length() {
        return Duration.ofMillis(durationMs);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
