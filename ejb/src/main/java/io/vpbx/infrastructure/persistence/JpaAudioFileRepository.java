package io.vpbx.infrastructure.persistence;

import io.vpbx.model.media.AudioFile;
import io.vpbx.model.media.AudioFileRepository;
import io.vpbx.model.media.AudioKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAudioFileRepository implements AudioFileRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<AudioFile> findInDomain(long domainId, long audioFileId) {
        return em.createQuery(
                        "select f from AudioFile f where f.id = :id and f.domainId = :domain",
                        AudioFile.class)
                .setParameter("id", audioFileId)
                .setParameter("domain", domainId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<AudioFile> listInDomain(long domainId, AudioKind kind) {
        return em.createQuery(
                        "select f from AudioFile f where f.domainId = :domain and f.kind = :kind"
                                + " order by f.name, f.id",
                        AudioFile.class)
                .setParameter("domain", domainId)
                .setParameter("kind", kind)
                .getResultList();
    }

    @Override
    public boolean nameTaken(long domainId, AudioKind kind, String name) {
        return em.createQuery(
                                "select count(f) from AudioFile f where f.domainId = :domain"
                                        + " and f.kind = :kind and f.name = :name",
                                Long.class)
                        .setParameter("domain", domainId)
                        .setParameter("kind", kind)
                        .setParameter("name", name)
                        .getSingleResult()
                > 0;
    }

    @Override
    public long countUsersChoosing(long domainId, long audioFileId) {
        return em.createQuery(
                        "select count(u) from DomainUser u where u.domainId = :domain"
                                + " and (u.musicOnHoldId = :file or u.ringbackId = :file"
                                + " or u.greetingId = :file)",
                        Long.class)
                .setParameter("domain", domainId)
                .setParameter("file", audioFileId)
                .getSingleResult();
    }

    @Override
    public AudioFile add(AudioFile file) {
        em.persist(file);
        em.flush();
        return file;
    }

    @Override
    public void remove(AudioFile file) {
        em.remove(file);
        em.flush();
    }
}
