package io.vpbx.model.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call ("запись о вызове", CDR): who called whom, when it rang, was answered and ended, how
 * long it rang and talked, and how it ended, with the SIP status the caller got and the Call-IDs of
 * both legs. Written once, never changed.
 */
@Entity
@Table(name = "call_record")
public class CallRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "call_id", nullable = false, updatable = false, length = 255)
    private String callId;

    @Column(name = "callee_call_id", updatable = false, length = 255)
    private String calleeCallId;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, updatable = false, length = 16)
    private CallDirection direction;

    @Column(name = "caller_number_id", updatable = false)
    private Long callerNumberId;

    @Column(name = "caller_extension", updatable = false, length = 5)
    private String callerExtension;

    @Column(name = "caller_name", updatable = false, length = 128)
    private String callerName;

    @Column(name = "callee_number_id", updatable = false)
    private Long calleeNumberId;

    @Column(name = "callee_extension", updatable = false, length = 5)
    private String calleeExtension;

    @Column(name = "callee_name", updatable = false, length = 128)
    private String calleeName;

    @Column(name = "dialled", nullable = false, updatable = false, length = 64)
    private String dialled;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "answered_at", updatable = false)
    private Instant answeredAt;

    @Column(name = "ended_at", nullable = false, updatable = false)
    private Instant endedAt;

    @Column(name = "ring_seconds", nullable = false, updatable = false)
    private int ringSeconds;

    @Column(name = "talk_seconds", nullable = false, updatable = false)
    private int talkSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "result", nullable = false, updatable = false, length = 16)
    private CallResult result;

    @Column(name = "sip_status", nullable = false, updatable = false)
    private int sipStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", updatable = false, length = 16)
    private CallEndReason endReason;

    protected CallRecord() {}

    /** One side of a call: the SIP number, extension and name, any of which may be unknown. */
    public record Party(Long sipNumberId, String extension, String name) {}

    public CallRecord(
            long domainId,
            String callId,
            String calleeCallId,
            Party caller,
            Party callee,
            String dialled,
            Instant startedAt,
            Instant answeredAt,
            Instant endedAt,
            CallResult result,
            int sipStatus,
            CallEndReason endReason) {
        this.domainId = domainId;
        this.callId = Objects.requireNonNull(callId);
        this.calleeCallId = calleeCallId;
        this.direction = CallDirection.INTERNAL;
        this.callerNumberId = caller.sipNumberId();
        this.callerExtension = caller.extension();
        this.callerName = truncate(caller.name());
        this.calleeNumberId = callee == null ? null : callee.sipNumberId();
        this.calleeExtension = callee == null ? null : callee.extension();
        this.calleeName = callee == null ? null : truncate(callee.name());
        this.dialled =
                dialled == null ? "" : dialled.length() > 64 ? dialled.substring(0, 64) : dialled;
        this.startedAt = Objects.requireNonNull(startedAt);
        this.answeredAt = answeredAt;
        this.endedAt = Objects.requireNonNull(endedAt);
        this.sipStatus = sipStatus;
        this.endReason = answeredAt == null ? null : endReason;
        this.result = answeredAt != null ? CallResult.ANSWERED : Objects.requireNonNull(result);
        Instant ringEnd = answeredAt != null ? answeredAt : endedAt;
        this.ringSeconds = seconds(startedAt, ringEnd);
        this.talkSeconds = answeredAt == null ? 0 : seconds(answeredAt, endedAt);
    }

    /** Whole seconds, rounded to the nearest (what a person reads as the duration). */
    private static int seconds(Instant from, Instant to) {
        long millis = Math.max(0, Duration.between(from, to).toMillis());
        return (int) ((millis + 500) / 1000);
    }

    private static String truncate(String name) {
        return name == null || name.length() <= 128 ? name : name.substring(0, 128);
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

    public String calleeCallId() {
        return calleeCallId;
    }

    public CallDirection direction() {
        return direction;
    }

    public Party caller() {
        return new Party(callerNumberId, callerExtension, callerName);
    }

    public Party callee() {
        return calleeNumberId == null && calleeExtension == null && calleeName == null
                ? null
                : new Party(calleeNumberId, calleeExtension, calleeName);
    }

    public String dialled() {
        return dialled;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public int ringSeconds() {
        return ringSeconds;
    }

    public int talkSeconds() {
        return talkSeconds;
    }

    public CallEndReason endReason() {
        return endReason;
    }

    public CallResult result() {
        return result;
    }

    public int sipStatus() {
        return sipStatus;
    }
}
