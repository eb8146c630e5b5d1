package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.media.AudioFileRow;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.media.AudioTranscoder;
import io.vpbx.application.media.TranscodedAudio;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.media.AudioFile;
import io.vpbx.model.media.AudioFileRepository;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The domain's greetings and music. The domain is always the caller's; ids of another domain's
 * files are not found. An upload is converted before anything is stored, so a refused upload leaves
 * neither a row nor a file behind.
 */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultAudioFilesService implements AudioFilesService {
    private static final Logger LOG = Logger.getLogger(DefaultAudioFilesService.class.getName());

    @Inject private CallerContext caller;
    @Inject private DomainRepository domains;
    @Inject private AudioFileRepository files;
    @Inject private AudioTranscoder transcoder;
    @Inject private AudioStorage storage;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    @Override
    public long upload(AudioKind kind, String name, String originalFileName, InputStream content) {
        Domain domain = myDomain();
        Objects.requireNonNull(kind, "kind");
        String cleanName = DisplayText.require("name", name, AudioFile.MAX_NAME);
        requireFreeName(domain.id(), kind, cleanName);
        TranscodedAudio audio;
        try {
            audio = transcoder.toInternalFormat(content);
        } catch (io.vpbx.model.media.AudioRejected rejected) {
            LOG.info(
                    () ->
                            "Upload refused in domain "
                                    + domain.id()
                                    + " ("
                                    + originalFileName
                                    + "): "
                                    + rejected);
            throw rejected;
        }
        AudioFile file =
                files.add(
                        new AudioFile(
                                domain.id(),
                                kind,
                                cleanName,
                                originalFileName,
                                audio.durationMs(),
                                audio.wav().length,
                                clock.instant()));
        storage.write(domain.id(), file.id(), audio.wav());
        auditTrail.record(
                AuditObjectType.AUDIO_FILE,
                file.name(),
                AuditAction.ADD,
                poolOf(domain),
                domain.id(),
                AuditChanges.create()
                        .set("kind", kind.name())
                        .set("name", file.name())
                        .set("originalName", file.originalName())
                        .set("duration", seconds(file.durationMs())));
        return file.id();
    }

    @Override
    public void rename(long audioFileId, long version, String newName) {
        Domain domain = myDomain();
        AudioFile file = mine(domain, audioFileId);
        ConcurrentEdit.check(version, file.version());
        String before = file.name();
        String cleanName = DisplayText.require("name", newName, AudioFile.MAX_NAME);
        if (cleanName.equals(before)) {
            return;
        }
        requireFreeName(domain.id(), file.kind(), cleanName);
        file.rename(cleanName);
        auditTrail.record(
                AuditObjectType.AUDIO_FILE,
                cleanName,
                AuditAction.EDIT,
                poolOf(domain),
                domain.id(),
                AuditChanges.create().changed("name", before, cleanName));
    }

    @Override
    public void delete(long audioFileId) {
        Domain domain = myDomain();
        AudioFile file = mine(domain, audioFileId);
        if (file.id().equals(domain.musicOnHoldId()) || file.id().equals(domain.ringbackId())) {
            throw new RuleViolation("error.audio.inUse.domain", file.name());
        }
        long users = files.countUsersChoosing(domain.id(), file.id());
        if (users > 0) {
            throw new RuleViolation("error.audio.inUse.users", file.name(), users);
        }
        files.remove(file);
        storage.deleteAfterCommit(domain.id(), file.id());
        auditTrail.record(
                AuditObjectType.AUDIO_FILE,
                file.name(),
                AuditAction.DELETE,
                poolOf(domain),
                domain.id(),
                AuditChanges.create()
                        .changed("kind", file.kind().name(), null)
                        .changed("name", file.name(), null)
                        .changed("originalName", file.originalName(), null));
    }

    @Override
    public List<AudioFileRow> list(AudioKind kind) {
        Domain domain = myDomain();
        Long moh = domain.musicOnHoldId();
        return files.listInDomain(domain.id(), Objects.requireNonNull(kind)).stream()
                .map(
                        f ->
                                new AudioFileRow(
                                        f.id(),
                                        f.kind(),
                                        f.name(),
                                        f.originalName(),
                                        f.durationMs(),
                                        f.sizeBytes(),
                                        f.createdAt(),
                                        f.version(),
                                        f.id().equals(moh)))
                .toList();
    }

    @Override
    public Long domainMusicOnHold() {
        return myDomain().musicOnHoldId();
    }

    @Override
    public void chooseDomainMusicOnHold(Long audioFileIdOrNullForBuiltIn) {
        Domain domain = myDomain();
        chooseForDomain(
                domain,
                "musicOnHold",
                domain.musicOnHoldId(),
                audioFileIdOrNullForBuiltIn,
                domain::chooseMusicOnHold);
    }

    @Override
    public Long domainRingback() {
        return myDomain().ringbackId();
    }

    @Override
    public void chooseDomainRingback(Long audioFileIdOrNullForTone) {
        Domain domain = myDomain();
        chooseForDomain(
                domain,
                "ringback",
                domain.ringbackId(),
                audioFileIdOrNullForTone,
                domain::chooseRingback);
    }

    /** One of the domain's choices of a file (or none), audited by the files' names. */
    private void chooseForDomain(
            Domain domain,
            String field,
            Long beforeId,
            Long chosenId,
            java.util.function.Consumer<AudioFile> choose) {
        if (Objects.equals(beforeId, chosenId)) {
            return;
        }
        AudioFile chosen = chosenId == null ? null : mine(domain, chosenId);
        String before =
                beforeId == null
                        ? null
                        : files.findInDomain(domain.id(), beforeId)
                                .map(AudioFile::name)
                                .orElse("#" + beforeId);
        choose.accept(chosen);
        auditTrail.domainEdited(
                domain,
                AuditChanges.create()
                        .changed(field, before, chosen == null ? null : chosen.name()));
    }

    @Override
    public Path content(long audioFileId) {
        Domain domain = myDomain();
        AudioFile file = mine(domain, audioFileId);
        Path path = storage.fileOf(domain.id(), file.id());
        if (!Files.isRegularFile(path)) {
            throw new NotFound("audioFile");
        }
        return path;
    }

    private void requireFreeName(long domainId, AudioKind kind, String name) {
        if (files.nameTaken(domainId, kind, name)) {
            throw RuleViolation.onField("name", "error.audio.nameTaken", name);
        }
    }

    private AudioFile mine(Domain domain, long audioFileId) {
        return files.findInDomain(domain.id(), audioFileId)
                .orElseThrow(() -> new NotFound("audioFile"));
    }

    private Domain myDomain() {
        return domains.findById(caller.actor().ownDomainId())
                .orElseThrow(() -> new NotFound("domain"));
    }

    private static Long poolOf(Domain domain) {
        return domain.pool() == null ? null : domain.pool().id();
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
