package io.vpbx.infrastructure.persistence;

import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.sip.SipNumberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSipNumberRepository implements SipNumberRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<SipNumber> findByLogin(long domainId, String login) {
        return em.createQuery(
                        "select n from SipNumber n where n.domainId = :domain and n.login = :login",
                        SipNumber.class)
                .setParameter("domain", domainId)
                .setParameter("login", login)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<SipNumber> findById(long domainId, long id) {
        return em.createQuery(
                        "select n from SipNumber n where n.domainId = :domain and n.id = :id",
                        SipNumber.class)
                .setParameter("domain", domainId)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<SipNumber> findByUser(long domainId, long userId) {
        return em.createQuery(
                        "select n from SipNumber n where n.domainId = :domain and n.userId = :user",
                        SipNumber.class)
                .setParameter("domain", domainId)
                .setParameter("user", userId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<SipNumber> listByUsers(long domainId, java.util.Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select n from SipNumber n where n.domainId = :domain and n.userId in :users",
                        SipNumber.class)
                .setParameter("domain", domainId)
                .setParameter("users", userIds)
                .getResultList();
    }

    @Override
    public Optional<SipNumber> lockById(long domainId, long id) {
        return Optional.ofNullable(em.find(SipNumber.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(n -> n.domainId() == domainId);
    }

    @Override
    public java.util.List<SipNumber> listInDomain(long domainId) {
        return em.createQuery(
                        "select n from SipNumber n where n.domainId = :domain order by n.id",
                        SipNumber.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public SipNumber add(SipNumber number) {
        em.persist(number);
        return number;
    }

    @Override
    public void remove(SipNumber number) {
        em.createQuery("delete from SipRegistration r where r.sipNumberId = :id")
                .setParameter("id", number.id())
                .executeUpdate();
        em.remove(number);
    }
}
