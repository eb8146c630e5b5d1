package io.vpbx.application.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The timers of the SIP hot path, whose beans are plain CDI beans so that a request never goes
 * through an EJB interceptor chain: the registrations' write-behind every second and purge every
 * minute, each in a transaction of its own, and the bans' clean-up.
 */
@Singleton
@PermitAll
public class SipHousekeeping {
    @Inject private LocalRegistrationStore registrations;
    @Inject private SipSourceGuard guard;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void writeBehind() {
        registrations.writeBehind();
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void purge() {
        registrations.purge();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void forgetOldBans() {
        guard.forgetOld();
    }

    /** What is still unwritten when the node stops is stored. */
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void stop() {
        registrations.stop();
    }
}
