package io.vpbx.web.shared;

import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A call list with date-range presets or a range of days («с … по …»), a type filter and a search
 * by extension, name or dialled number, cut at {@link CallHistoryService#MAX_ROWS}: the domain's
 * «История вызовов» and the employee's «Мои вызовы» differ only in whose calls {@link #read}
 * returns. Choosing a preset clears the days; «Найти» with days set shows those days.
 */
public abstract class CallListView implements Serializable {
    private static final long serialVersionUID = 1L;

    private CallPeriod period;
    private LocalDate from;
    private LocalDate until;
    private CallType type = CallType.ALL;
    private String search;
    private transient List<CallHistoryRow> rows;
    private boolean truncated;

    protected CallListView(CallPeriod initialPeriod) {
        this.period = initialPeriod;
    }

    /** The calls matching the filter, up to one more than {@link CallHistoryService#MAX_ROWS}. */
    protected abstract List<CallHistoryRow> read(CallPeriod period, CallType type, String search);

    /** The same for the days {@code from} to {@code until}, both inclusive. */
    protected abstract List<CallHistoryRow> read(
            LocalDate from, LocalDate until, CallType type, String search);

    public List<CallHistoryRow> getRows() {
        if (rows == null) {
            List<CallHistoryRow> read = read(period, type, search);
            truncated = read.size() > CallHistoryService.MAX_ROWS;
            rows = truncated ? read.subList(0, CallHistoryService.MAX_ROWS) : read;
        }
        return rows;
    }

    /**
     * «Найти»: the days when either is set (an incomplete or inverted range is refused), else the
     * preset.
     */
    public void find() {
        rows = null;
        if (from == null && until == null) {
            if (period == null) {
                period = CallPeriod.TODAY;
            }
            return;
        }
        List<List<CallHistoryRow>> found = new ArrayList<>(1);
        if (UiActions.attempt(() -> found.add(read(from, until, type, search)))) {
            period = null;
            truncated = found.get(0).size() > CallHistoryService.MAX_ROWS;
            rows = truncated ? found.get(0).subList(0, CallHistoryService.MAX_ROWS) : found.get(0);
        } else {
            rows = List.of();
            truncated = false;
        }
    }

    /** A preset was chosen: the days are cleared. */
    public void presetChosen() {
        from = null;
        until = null;
        rows = null;
    }

    /** Whether the list was cut at the maximum and older calls need a narrower filter. */
    public boolean isTruncated() {
        getRows();
        return truncated;
    }

    /**
     * «Статистика: 3 вызова» above the table (spec B BR-78): the calls the filter found; «более
     * 500» when the list was cut.
     */
    public String getStatistics() {
        int shown = getRows().size();
        return truncated
                ? Messages.get("calls.statistics.more", shown)
                : Messages.get("calls.statistics", Messages.count(shown, "calls.count"));
    }

    public int getMaxRows() {
        return CallHistoryService.MAX_ROWS;
    }

    /** {@code m:ss} (or {@code h:mm:ss}) for a duration in seconds. */
    public String duration(int seconds) {
        int h = seconds / 3600;
        int m = seconds % 3600 / 60;
        int s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    public CallPeriod[] getPeriods() {
        return CallPeriod.values();
    }

    public CallType[] getTypes() {
        return CallType.values();
    }

    public CallPeriod getPeriod() {
        return period;
    }

    public void setPeriod(CallPeriod period) {
        this.period = period;
    }

    public CallType getType() {
        return type;
    }

    public void setType(CallType type) {
        this.type = type;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
