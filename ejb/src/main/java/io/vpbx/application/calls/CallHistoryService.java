package io.vpbx.application.calls;

import java.time.LocalDate;
import java.util.List;

/** The caller's domain's calls, newest first. */
public interface CallHistoryService {
    /** At most this many calls are shown at once; narrow the filter for older ones. */
    int MAX_ROWS = 500;

    /**
     * At most {@link #MAX_ROWS} + 1 calls: the extra one only tells that there are more.
     *
     * @param search digits or text in an extension, a name or the dialled number; blank for all
     */
    List<CallHistoryRow> history(CallPeriod period, CallType type, String search);

    /**
     * The same for a range of days (spec B BR-77 «период с … по …»), both inclusive, in the
     * platform's display time zone.
     *
     * @throws io.vpbx.model.shared.RuleViolation when a day is missing or the range is inverted
     */
    List<CallHistoryRow> history(LocalDate from, LocalDate until, CallType type, String search);
}
