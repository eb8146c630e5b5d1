package io.vpbx.application.internal;

import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainUser;
import jakarta.inject.Inject;

/**
 * Tells {@link SipDirectory} when a domain, a user or a SIP number is saved or deleted. Registered
 * for every entity in {@code META-INF/orm.xml}; other entities are ignored.
 */
public class SipDirectoryListener {
    @Inject private SipDirectory directory;

    /** Post-persist, post-update and post-remove callback (mapped in orm.xml). */
    public void saved(Object entity) {
        if (entity instanceof Domain domain) {
            directory.changed(domain.id());
        } else if (entity instanceof DomainUser user) {
            directory.changed(user.domainId());
        } else if (entity instanceof SipNumber number) {
            directory.changed(number.domainId());
        }
    }
}
