package io.vpbx.web.domain;

import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.web.shared.CallListView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/** «История вызовов»: the domain's calls, today's first. */
@Named
@ViewScoped
public class CallHistoryView extends CallListView {
    private static final long serialVersionUID = 1L;

    @Inject private transient CallHistoryService history;

    public CallHistoryView() {
        super(CallPeriod.TODAY);
    }

    @Override
    protected List<CallHistoryRow> read(CallPeriod period, CallType type, String search) {
        return history.history(period, type, search);
    }

    @Override
    protected List<CallHistoryRow> read(
            LocalDate from, LocalDate until, CallType type, String search) {
        return history.history(from, until, type, search);
    }
}
