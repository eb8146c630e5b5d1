package io.vpbx.web.platform;

import io.vpbx.application.sip.SipBan;
import io.vpbx.application.sip.SipBansService;
import io.vpbx.web.shared.UiActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** «Блокировки SIP»: sources banned for repeated authentication failures, and lifting a ban. */
@Named
@RequestScoped
public class SipBansView {
    @Inject private SipBansService bans;

    private List<SipBan> rows;

    public List<SipBan> getRows() {
        if (rows == null) {
            rows = bans.activeBans();
        }
        return rows;
    }

    public void lift(String address) {
        if (UiActions.attempt(() -> bans.lift(address))) {
            UiActions.info("sipBans.lifted", address);
            rows = null;
        }
    }
}
