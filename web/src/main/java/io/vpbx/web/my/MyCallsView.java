package io.vpbx.web.my;

import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * «Мои вызовы»: the employee's own calls (made or taken on their SIP number) with the domain
 * history's presets, type filter and search, and the recordings of those calls.
 */
@Named
@ViewScoped
public class MyCallsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient MyCabinetService cabinet;

    private CallPeriod period = CallPeriod.LAST_30_DAYS;
    private CallType type = CallType.ALL;
    private String search;
    private transient List<CallHistoryRow> rows;
    private boolean truncated;

    public List<CallHistoryRow> getRows() {
        if (rows == null) {
            List<CallHistoryRow> read = cabinet.callHistory(period, type, search);
            truncated = read.size() > CallHistoryService.MAX_ROWS;
            rows = truncated ? read.subList(0, CallHistoryService.MAX_ROWS) : read;
        }
        return rows;
    }

    public void find() {
        rows = null;
    }

    /** Whether the list was cut at the maximum and older calls need a narrower filter. */
    public boolean isTruncated() {
        getRows();
        return truncated;
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

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
