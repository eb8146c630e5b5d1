package io.vpbx.application.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The date-range presets of the call history, in the platform's display time zone. */
public enum CallPeriod {
    TODAY(0, 1),
    YESTERDAY(-1, 0),
    LAST_7_DAYS(-6, 1),
    LAST_30_DAYS(-29, 1),
    LAST_45_DAYS(-44, 1);

    private final int fromDay;
    private final int toDay;

    CallPeriod(int fromDay, int toDay) {
        this.fromDay = fromDay;
        this.toDay = toDay;
    }

    /** The first instant of the period. */
    public Instant from(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).plusDays(fromDay).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant to(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).plusDays(toDay).atStartOfDay(zone).toInstant();
    }
}
