package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.RegistrarPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The registrar's decisions. The SIP layer authenticates phones by digest with what {@link
 * #account} returns, and only then calls {@link #register} with that account. Accounts and bindings
 * are held in memory ({@link SipDirectory}, {@link RegistrationStore}), so the hot path runs
 * without a transaction; and it is a plain CDI bean, not an EJB, because the EJB interceptor chain
 * (security, transaction, request scope) cost more than the work itself on every SIP request.
 */
@ApplicationScoped
public class DefaultSipRegistrar implements SipRegistrar {
    @Inject private SipDirectory directory;
    @Inject private RegistrationStore bindings;
    @Inject private SipSourceGuard guard;
    @Inject private PlatformSettings settings;

    @Override
    public Optional<SipAccount> account(String sipDomain, String login) {
        if (login == null || login.length() > 64) {
            return Optional.empty();
        }
        return directory.account(sipDomain, login);
    }

    @Override
    public boolean domainExists(String sipDomain) {
        return directory.domainExists(sipDomain);
    }

    @Override
    public RegisterOutcome register(SipAccount account, RegisterAttempt attempt) {
        return bindings.register(
                account.domainId(), account.sipNumberId(), account.deviceLimit(), attempt);
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
}
