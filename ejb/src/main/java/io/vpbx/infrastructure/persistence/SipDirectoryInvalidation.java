package io.vpbx.infrastructure.persistence;

import io.vpbx.application.internal.SipDirectory;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupMember;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.PickupGroup;
import jakarta.enterprise.inject.spi.CDI;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Tells {@link SipDirectory} when a domain, a user, a SIP number, a pickup group, a call group or a
 * call group's membership has been saved or deleted, once the transaction has committed, so that
 * the next SIP request reloads that domain's accounts. Hibernate's own post-commit events,
 * registered by this integrator (found through {@code META-INF/services}): a JPA
 * {@code @PostUpdate} listener declared in {@code orm.xml} did not fire for updates in WildFly's
 * Hibernate, which an integration test caught.
 */
public final class SipDirectoryInvalidation
        implements Integrator,
                PostCommitInsertEventListener,
                PostCommitUpdateEventListener,
                PostCommitDeleteEventListener {

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor factory) {
        EventListenerRegistry events =
                factory.getServiceRegistry().getService(EventListenerRegistry.class);
        events.appendListeners(EventType.POST_COMMIT_INSERT, this);
        events.appendListeners(EventType.POST_COMMIT_UPDATE, this);
        events.appendListeners(EventType.POST_COMMIT_DELETE, this);
    }

    @Override
    public void disintegrate(
            SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {}

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        Class<?> type = persister.getMappedClass();
        return type == Domain.class
                || type == DomainUser.class
                || type == SipNumber.class
                || type == PickupGroup.class
                || type == CallGroup.class
                || type == CallGroupMember.class;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {}

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {}

    @Override
    public void onPostDeleteCommitFailed(PostDeleteEvent event) {}

    private static void changed(Object entity) {
        Long domainId = null;
        if (entity instanceof Domain domain) {
            domainId = domain.id();
        } else if (entity instanceof DomainUser user) {
            domainId = user.domainId();
        } else if (entity instanceof SipNumber number) {
            domainId = number.domainId();
        } else if (entity instanceof PickupGroup group) {
            // Deleting a group moves its members out by a bulk update, which fires no event.
            domainId = group.domainId();
        } else if (entity instanceof CallGroup group) {
            domainId = group.domainId();
        } else if (entity instanceof CallGroupMember member) {
            domainId = member.domainId();
        }
        if (domainId != null) {
            CDI.current().select(SipDirectory.class).get().changed(domainId);
        }
    }
}
