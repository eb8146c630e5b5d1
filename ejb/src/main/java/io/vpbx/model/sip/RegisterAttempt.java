package io.vpbx.model.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one REGISTER asks of the registrar, already parsed: the contacts with the expiry each gets
 * (zero removes), or "remove all" ({@code Contact: *}).
 *
 * @param contacts empty for a query (a REGISTER without Contact only lists the bindings)
 */
public record RegisterAttempt(
        String callId,
        long cseq,
        boolean removeAll,
        List<Contact> contacts,
        Instant now,
        String sourceAddress,
        int sourcePort,
        String transport,
        String userAgent) {
    public RegisterAttempt {
        contacts = List.copyOf(contacts);
    }

    /** One Contact of the request; {@code expires} is already bounded by the registrar policy. */
    public record Contact(String uri, Duration expires) {
        public boolean removes() {
            return expires.isZero();
        }
    }

    SipRegistration.Refresh refresh(Duration expires) {
        return new SipRegistration.Refresh(
                callId, cseq, now, expires, sourceAddress, sourcePort, transport, userAgent);
    }
}
