package io.vpbx.infrastructure.recording;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.recording.RecordingKeys;
import io.vpbx.application.recording.RecordingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Recordings as files under {@link PlatformSettings#recordingsDirectory()}, one file per key. A
 * file arrives under a temporary name and is renamed into place, so a reader never sees half a
 * recording. Keys are checked twice: against {@link RecordingKeys#VALID}, and that the resolved
 * path stays inside the root.
 */
@ApplicationScoped
public class FileSystemRecordingStore implements RecordingStore {
    @Inject private PlatformSettings settings;

    /** For CDI. */
    public FileSystemRecordingStore() {}

    /** A store rooted elsewhere (unit tests). */
    FileSystemRecordingStore(PlatformSettings settings) {
        this.settings = settings;
    }

    @Override
    public void put(String key, Path source) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.move(source, partial, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException crossDevice) {
            // The spool is on another file system (local disk, shared store): copy, then delete.
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(source);
        }
        try {
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return RecordingKeys.isValid(key) && Files.isRegularFile(resolve(key));
    }

    /** The file of a key; never outside the root, whatever the key says. */
    Path resolve(String key) {
        if (!RecordingKeys.isValid(key)) {
            throw new IllegalArgumentException("not a recording key: " + key);
        }
        Path root = settings.recordingsDirectory().toAbsolutePath().normalize();
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("not a recording key: " + key);
        }
        return file;
    }
}
