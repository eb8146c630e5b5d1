package io.vpbx.sip.stack;

import io.vpbx.application.sip.DtmfReceived;
import io.vpbx.sip.call.CallMediaHooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** TEMPORARY */
@ApplicationScoped
public class SipMediaHooks implements CallMediaHooks {
    @Inject Event<DtmfReceived> digits;

    @Override
    public Path musicOnHold(long domainId, long holderSipNumberId) {
        throw new IllegalStateException("not yet");
    }

    @Override
    public Optional<Path> recordingFile(long d, String c, long a, long b) {
        return Optional.empty();
    }

    @Override
    public void recordingFinished(long domainId, String callId, Path wav, Duration length) {}

    @Override
    public void dtmf(long domainId, String callId, boolean fromCaller, char digit, int ms) {
        digits.fire(new DtmfReceived(domainId, callId, fromCaller, digit, ms));
    }
}
