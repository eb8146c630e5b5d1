package io.vpbx.infrastructure.persistence;

import io.vpbx.model.sip.SipRegistration;
import io.vpbx.model.sip.SipRegistrationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaSipRegistrationRepository implements SipRegistrationRepository {
    @Inject private EntityManager em;

    @Override
    public List<SipRegistration> listForNumber(long sipNumberId) {
        return em.createQuery(
                        "select r from SipRegistration r where r.sipNumberId = :number"
                                + " order by r.id",
                        SipRegistration.class)
                .setParameter("number", sipNumberId)
                .getResultList();
    }

    @Override
    public List<SipRegistration> listActiveInDomain(long domainId, Instant now) {
        return em.createQuery(
                        "select r from SipRegistration r where r.domainId = :domain"
                                + " and r.expiresAt > :now order by r.sipNumberId, r.id",
                        SipRegistration.class)
                .setParameter("domain", domainId)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public SipRegistration add(SipRegistration registration) {
        em.persist(registration);
        return registration;
    }

    @Override
    public void remove(SipRegistration registration) {
        em.remove(registration);
    }

    @Override
    public int purgeExpired(Instant before) {
        return em.createQuery("delete from SipRegistration r where r.expiresAt <= :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
