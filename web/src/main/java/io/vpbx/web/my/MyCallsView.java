package io.vpbx.web.my;

import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.web.shared.CallListView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * «Мои вызовы»: the employee's own calls (made or taken on their SIP number), the last 30 days
 * first, and the recordings of those calls.
 */
@Named
@ViewScoped
public class MyCallsView extends CallListView {
    private static final long serialVersionUID = 1L;

    @Inject private transient MyCabinetService cabinet;

    public MyCallsView() {
        super(CallPeriod.LAST_30_DAYS);
    }

    @Override
    protected List<CallHistoryRow> read(CallPeriod period, CallType type, String search) {
        return cabinet.callHistory(period, type, search);
    }

    @Override
    protected List<CallHistoryRow> read(
            LocalDate from, LocalDate until, CallType type, String search) {
        return cabinet.callHistory(from, until, type, search);
    }
}
