package io.vpbx.model.recording;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How long a domain keeps its call recordings («Срок хранения записей», spec E §1.3): a month, half
 * a year or a year, counted in calendar months in the platform's time zone from the moment the
 * recording was made (a recording of 31 January kept a month expires on the last day of February).
 */
public enum RecordingRetention {
    ONE_MONTH(1),
    HALF_YEAR(6),
    YEAR(12);

    private final int months;

    RecordingRetention(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** When a recording made at {@code createdAt} may be deleted. */
    public Instant expiresAt(Instant createdAt, ZoneId zone) {
        return ZonedDateTime.ofInstant(createdAt, zone).plusMonths(months).toInstant();
    }
}
