package io.vpbx.application.internal;

import io.vpbx.application.media.MediaFiles;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The audio the SIP layer plays. No security context: the tenant comes from the call, which the SIP
 * layer has already resolved. Each lookup reads the choice from the database (two indexed reads at
 * most), so a change in the console applies to the next hold.
 */
@ApplicationScoped
public class DefaultMediaFiles implements MediaFiles {
    /** The prompts shipped in the jar ({@code bin/generate-prompts}). */
    static final Set<String> PROMPTS =
            Set.of(
                    "busy",
                    "not-available",
                    "please-hold",
                    "no-such-number",
                    "call-cannot-be-completed",
                    "recording-notice",
                    "goodbye");

    private static final String RESOURCES = "io/vpbx/prompts/";

    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private AudioStorage storage;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Path musicOnHold(long domainId, Long domainUserIdOrNull) {
        if (domainUserIdOrNull != null) {
            Optional<Path> own =
                    users.findInDomain(domainId, domainUserIdOrNull)
                            .map(DomainUser::musicOnHoldId)
                            .map(id -> storage.fileOf(domainId, id))
                            .filter(Files::isRegularFile);
            if (own.isPresent()) {
                return own.get();
            }
        }
        Optional<Path> domainMusic =
                this.domains
                        .findById(domainId)
                        .map(Domain::musicOnHoldId)
                        .map(id -> storage.fileOf(domainId, id))
                        .filter(Files::isRegularFile);
        return domainMusic.orElseGet(this::defaultMusic);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Path> ringback(long domainId, Long calleeUserIdOrNull) {
        if (calleeUserIdOrNull != null) {
            Optional<Path> own =
                    users.findInDomain(domainId, calleeUserIdOrNull)
                            .map(DomainUser::ringbackId)
                            .map(id -> storage.fileOf(domainId, id))
                            .filter(Files::isRegularFile);
            if (own.isPresent()) {
                return own;
            }
        }
        return domains.findById(domainId)
                .map(Domain::ringbackId)
                .map(id -> storage.fileOf(domainId, id))
                .filter(Files::isRegularFile);
    }

    @Override
    public Optional<Path> audioFile(long domainId, long audioFileId) {
        return Optional.of(storage.fileOf(domainId, audioFileId)).filter(Files::isRegularFile);
    }

    @Override
    public Path prompt(String name, Locale locale) {
        if (!PROMPTS.contains(name)) {
            throw new IllegalArgumentException("no built-in prompt " + name);
        }
        String language = locale != null && "en".equals(locale.getLanguage()) ? "en" : "ru";
        return storage.builtIn(
                RESOURCES + language + "/" + name + ".wav",
                "prompt-" + language + "-" + name + ".wav");
    }

    private Path defaultMusic() {
        return storage.builtIn(RESOURCES + "music/default.wav", "music-default.wav");
    }
}
