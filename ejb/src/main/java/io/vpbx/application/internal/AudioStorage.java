package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where audio lives on disk, under the data directory:
 *
 * <ul>
 *   <li>{@code audio/<domainId>/<audioFileId>.wav}: a domain's converted uploads;
 *   <li>{@code audio/builtin/...}: the prompts and default music shipped in the jar, copied out
 *       once per server start so the media engine reads plain files.
 * </ul>
 *
 * <p>Files follow their rows' transactions: a file written for a new row is deleted again if the
 * transaction rolls back, and a deleted row's file goes only after the commit. A file is written to
 * a temporary name first and then moved, so a reader never sees half a file.
 *
 * <p>On several nodes the data directory must be shared storage (ARCHITECTURE.md, scaling out).
 */
@ApplicationScoped
class AudioStorage {
    private static final Logger LOG = Logger.getLogger(AudioStorage.class.getName());

    @Inject private PlatformSettings settings;

    // The global name: this bean is also created on SIP worker threads, which have no java:comp.
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    private final Map<String, Path> builtIns = new ConcurrentHashMap<>();

    /** The converted sound of one of a domain's files (it may not exist). */
    Path fileOf(long domainId, long audioFileId) {
        return audioDirectory().resolve(Long.toString(domainId)).resolve(audioFileId + ".wav");
    }

    /** Stores a new file's sound; removed again if the current transaction rolls back. */
    void write(long domainId, long audioFileId, byte[] wav) {
        Path target = fileOf(domainId, audioFileId);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), audioFileId + "-", ".part");
            try {
                Files.write(temp, wav);
                Files.move(
                        temp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("storing audio " + target, e);
        }
        afterCompletion(
                committed -> {
                    if (!committed) {
                        deleteQuietly(target);
                    }
                });
    }

    /** Deletes a file's sound once the current transaction has committed. */
    void deleteAfterCommit(long domainId, long audioFileId) {
        Path target = fileOf(domainId, audioFileId);
        afterCompletion(
                committed -> {
                    if (committed) {
                        deleteQuietly(target);
                    }
                });
    }

    /**
     * A resource of the jar (e.g. {@code io/vpbx/prompts/music/default.wav}) as a plain file under
     * {@code audio/builtin/}, copied out on first use after each start (so an upgrade replaces it).
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    Path builtIn(String resource, String fileName) {
        return builtIns.computeIfAbsent(fileName, name -> extract(resource, name));
    }

    private Path extract(String resource, String fileName) {
        Path target = audioDirectory().resolve("builtin").resolve(fileName);
        try (InputStream in = AudioStorage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in audio " + resource);
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), fileName, ".part");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(
                        temp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("extracting " + resource, e);
        }
    }

    private Path audioDirectory() {
        return settings.dataDirectory().resolve("audio");
    }

    private interface Completion {
        void run(boolean committed);
    }

    private void afterCompletion(Completion completion) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            completion.run(true);
            return;
        }
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        completion.run(status == Status.STATUS_COMMITTED);
                    }
                });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete audio file " + file, e);
        }
    }
}
