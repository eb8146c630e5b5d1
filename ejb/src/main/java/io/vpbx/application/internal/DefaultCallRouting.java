package io.vpbx.application.internal;

import io.vpbx.application.sip.CallRouting;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.sip.SipNumberRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.Extension;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Routing inside one domain: the dialled digits are an extension, or a SIP number's login. Every
 * lookup names the caller's domain, so a call never leaves its tenant here.
 */
@Stateless
@PermitAll
public class DefaultCallRouting implements CallRouting {
    @Inject private DomainUserRepository users;
    @Inject private SipNumberRepository numbers;
    @Inject private RegistrationStore registrations;
    @Inject private Clock clock;

    @Override
    public Party caller(long domainId, long sipNumberId) {
        SipNumber number =
                numbers.findById(domainId, sipNumberId)
                        .orElseThrow(() -> new IllegalArgumentException("no such SIP number"));
        return party(number, users.findInDomain(domainId, number.userId()).orElse(null));
    }

    @Override
    public Route route(long domainId, String dialled) {
        Optional<SipNumber> number = Optional.empty();
        Optional<DomainUser> user = Optional.empty();
        try {
            user = users.findByExtension(domainId, new Extension(dialled));
            number = user.flatMap(u -> numbers.findByUser(domainId, u.id()));
        } catch (RuleViolation notAnExtension) {
            // Not 1–5 digits: maybe a SIP login.
        }
        if (number.isEmpty() && dialled != null) {
            number = numbers.findByLogin(domainId, dialled);
            user = number.flatMap(n -> users.findInDomain(domainId, n.userId()));
        }
        if (number.isEmpty()) {
            return new Route(Outcome.NOT_FOUND, null, List.of(), 0);
        }
        SipNumber callee = number.get();
        Party party = party(callee, user.orElse(null));
        if (!callee.isEnabled() || user.map(u -> !u.isActive()).orElse(true)) {
            return new Route(Outcome.UNAVAILABLE, party, List.of(), callee.ringSeconds());
        }
        Instant now = clock.instant();
        List<Device> devices =
                registrations.active(callee.id(), now).stream()
                        .map(
                                r ->
                                        new Device(
                                                r.contactUri(),
                                                r.sourceAddress(),
                                                r.sourcePort(),
                                                r.transport()))
                        .toList();
        return new Route(Outcome.DEVICES, party, devices, callee.ringSeconds());
    }

    private static Party party(SipNumber number, DomainUser user) {
        return new Party(
                number.id(),
                number.login(),
                user == null || user.extension() == null ? null : user.extension().value(),
                user == null ? number.login() : user.displayName(),
                number.channelLimit());
    }
}
