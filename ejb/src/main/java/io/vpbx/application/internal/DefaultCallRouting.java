package io.vpbx.application.internal;

import io.vpbx.application.sip.CallRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Routing inside one domain: the dialled digits are an extension, or a SIP number's login. Every
 * lookup names the caller's domain, so a call never leaves its tenant here. The domain's lines and
 * the devices come from memory ({@link SipDirectory}, {@link RegistrationStore}): setting up a call
 * runs no query.
 */
@ApplicationScoped
public class DefaultCallRouting implements CallRouting {
    @Inject private SipDirectory directory;
    @Inject private RegistrationStore registrations;
    @Inject private Clock clock;

    @Override
    public Party caller(long domainId, long sipNumberId) {
        return directory
                .line(domainId, sipNumberId)
                .map(DefaultCallRouting::party)
                .orElseThrow(() -> new IllegalArgumentException("no such SIP number"));
    }

    @Override
    public Route route(long domainId, String dialled) {
        Optional<SipAccountLoader.Line> found =
                dialled == null || dialled.isEmpty()
                        ? Optional.empty()
                        : directory.dialled(domainId, dialled);
        if (found.isEmpty()) {
            return new Route(Outcome.NOT_FOUND, null, List.of(), 0);
        }
        SipAccountLoader.Line callee = found.get();
        if (!callee.available()) {
            return new Route(Outcome.UNAVAILABLE, party(callee), List.of(), callee.ringSeconds());
        }
        List<Device> devices =
                registrations.active(callee.sipNumberId(), clock.instant()).stream()
                        .map(
                                r ->
                                        new Device(
                                                r.contactUri(),
                                                r.sourceAddress(),
                                                r.sourcePort(),
                                                r.transport()))
                        .toList();
        return new Route(Outcome.DEVICES, party(callee), devices, callee.ringSeconds());
    }

    private static Party party(SipAccountLoader.Line line) {
        return new Party(
                line.sipNumberId(),
                line.userId(),
                line.login(),
                line.extension(),
                line.displayName(),
                line.channelLimit());
    }
}
