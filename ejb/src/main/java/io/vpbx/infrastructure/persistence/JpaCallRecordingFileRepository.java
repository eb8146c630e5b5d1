package io.vpbx.infrastructure.persistence;

import io.vpbx.model.recording.CallRecordingFile;
import io.vpbx.model.recording.CallRecordingFileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCallRecordingFileRepository implements CallRecordingFileRepository {
    @Inject private EntityManager em;

    @Override
    public CallRecordingFile add(CallRecordingFile recording) {
        em.persist(recording);
        return recording;
    }

    @Override
    public Optional<CallRecordingFile> findInDomain(long domainId, long id) {
        return em.createQuery(
                        "select r from CallRecordingFile r where r.id = :id and r.domainId = :domain",
                        CallRecordingFile.class)
                .setParameter("id", id)
                .setParameter("domain", domainId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<CallRecordingFile> findByCallId(long domainId, String callId) {
        return em.createQuery(
                        "select r from CallRecordingFile r where r.domainId = :domain"
                                + " and r.callId = :callId",
                        CallRecordingFile.class)
                .setParameter("domain", domainId)
                .setParameter("callId", callId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<CallRecordingFile> findByCallIds(long domainId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select r from CallRecordingFile r where r.domainId = :domain"
                                + " and r.callId in :callIds",
                        CallRecordingFile.class)
                .setParameter("domain", domainId)
                .setParameter("callIds", callIds)
                .getResultList();
    }

    @Override
    public List<CallRecordingFile> listInDomain(long domainId, long afterId, int limit) {
        return em.createQuery(
                        "select r from CallRecordingFile r where r.domainId = :domain"
                                + " and r.id > :after order by r.id",
                        CallRecordingFile.class)
                .setParameter("domain", domainId)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<CallRecordingFile> listExpired(Instant now, long afterId, int limit) {
        return em.createQuery(
                        "select r from CallRecordingFile r where r.expiresAt <= :now"
                                + " and r.id > :after order by r.id",
                        CallRecordingFile.class)
                .setParameter("now", now)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void remove(CallRecordingFile recording) {
        em.remove(recording);
    }
}
