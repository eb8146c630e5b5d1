package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.SecretBox;
import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.sip.Bindings;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.RegistrarPolicy;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.sip.SipNumberRepository;
import io.vpbx.model.sip.SipRegistration;
import io.vpbx.model.sip.SipRegistrationRepository;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainStatus;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.SipDomainName;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The registrar's decisions. Open to the SIP layer's unauthenticated threads ({@code @PermitAll}):
 * the SIP layer authenticates phones by digest with what {@link #account} returns, and only then
 * calls {@link #register} with the ids that account carried.
 */
@Stateless
@PermitAll
public class DefaultSipRegistrar implements SipRegistrar {
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private SipNumberRepository numbers;
    @Inject private SipRegistrationRepository registrations;
    @Inject private SecretBox secrets;
    @Inject private SipSourceGuard guard;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    @Override
    public Optional<SipAccount> account(String sipDomain, String login) {
        Optional<Domain> domain;
        try {
            domain = domains.findByName(new SipDomainName(sipDomain));
        } catch (RuleViolation notADomainName) {
            return Optional.empty();
        }
        if (domain.isEmpty() || login == null || login.length() > 64) {
            return Optional.empty();
        }
        Domain d = domain.get();
        return numbers.findByLogin(d.id(), login)
                .map(number -> account(d, number, users.findInDomain(d.id(), number.userId())));
    }

    private SipAccount account(Domain domain, SipNumber number, Optional<DomainUser> user) {
        String realm = domain.name().value();
        String password = secrets.open(number.passwordSecret());
        String a1 = number.login() + ":" + realm + ":" + password;
        SipAccount.State state;
        if (domain.status() != DomainStatus.ACTIVE) {
            state = SipAccount.State.DOMAIN_BLOCKED;
        } else if (!number.isEnabled() || user.map(u -> !u.isActive()).orElse(true)) {
            state = SipAccount.State.DISABLED;
        } else {
            state = SipAccount.State.USABLE;
        }
        return new SipAccount(
                domain.id(),
                number.id(),
                realm,
                number.login(),
                hex("MD5", a1),
                hex("SHA-256", a1),
                number.deviceLimit(),
                number.isMd5Only(),
                domain.sipAllowList(),
                state);
    }

    @Override
    public boolean domainExists(String sipDomain) {
        try {
            return domains.findByName(new SipDomainName(sipDomain)).isPresent();
        } catch (RuleViolation notADomainName) {
            return false;
        }
    }

    @Override
    public RegisterOutcome register(long domainId, long sipNumberId, RegisterAttempt attempt) {
        SipNumber number =
                numbers.lockById(domainId, sipNumberId)
                        .orElseThrow(() -> new IllegalArgumentException("no such SIP number"));
        List<SipRegistration> existing = registrations.listForNumber(number.id());
        Bindings.Result result =
                Bindings.apply(domainId, number.id(), number.deviceLimit(), existing, attempt);
        if (result.outcome() != Bindings.Outcome.APPLIED) {
            return new RegisterOutcome(result.outcome(), List.of(), number.deviceLimit());
        }
        result.removed().forEach(registrations::remove);
        result.added().forEach(registrations::add);
        return new RegisterOutcome(
                Bindings.Outcome.APPLIED,
                result.active().stream()
                        .map(
                                r ->
                                        new RegisterOutcome.Binding(
                                                r.contactUri(), r.secondsLeft(attempt.now())))
                        .toList(),
                number.deviceLimit());
    }

    @Override
    public RegistrarPolicy policy() {
        return settings.registrarPolicy();
    }

    @Override
    public boolean isBanned(String sourceAddress) {
        return guard.isBanned(sourceAddress);
    }

    @Override
    public void authenticationFailed(String sourceAddress, String sipDomain, String login) {
        guard.failed(sourceAddress, login + "@" + sipDomain);
    }

    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance(algorithm)
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
