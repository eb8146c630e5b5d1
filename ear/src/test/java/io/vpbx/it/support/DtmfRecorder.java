package io.vpbx.it.support;

import io.vpbx.application.sip.DtmfReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the DTMF events the server fires, for in-container tests to assert on. */
@ApplicationScoped
public class DtmfRecorder {
    private final List<DtmfReceived> events = new CopyOnWriteArrayList<>();

    void received(@Observes DtmfReceived event) {
        events.add(event);
    }

    public void clear() {
        events.clear();
    }

    /** The digits received in a domain so far, in order, as a string. */
    public String digits(long domainId) {
        StringBuilder digits = new StringBuilder();
        for (DtmfReceived event : events) {
            if (event.domainId() == domainId) {
                digits.append(event.digit());
            }
        }
        return digits.toString();
    }
}
