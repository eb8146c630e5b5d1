package io.vpbx.application.internal;

import io.vpbx.model.sip.SipRegistrationRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Deletes expired contact bindings every minute. The registrar ignores expired bindings anyway;
 * this keeps the table to what is registered. Idempotent, so harmless on several nodes.
 */
@Singleton
@PermitAll
public class RegistrationPurge {
    private static final Logger LOG = Logger.getLogger(RegistrationPurge.class.getName());

    @Inject private SipRegistrationRepository registrations;
    @Inject private Clock clock;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void purge() {
        int removed = registrations.purgeExpired(clock.instant());
        if (removed > 0) {
            LOG.fine(() -> "Purged " + removed + " expired SIP registrations");
        }
    }
}
