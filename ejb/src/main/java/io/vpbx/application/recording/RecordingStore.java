package io.vpbx.application.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the audio of recordings is kept, by key ({@link RecordingKeys}). The file system
 * implementation keeps them under a directory (shared storage when several nodes run); an object
 * store can implement the same four operations.
 */
public interface RecordingStore {
    /**
     * Takes {@code source} into the store under {@code key}, moving it when it can (the source is
     * gone afterwards) and copying it otherwise. An existing object under the key is replaced.
     *
     * @throws IllegalArgumentException for a key that is not a valid storage key
     */
    void put(String key, Path source) throws IOException;

    /** The stored audio, to be read once and closed. */
    InputStream open(String key) throws IOException;

    /** Deletes the object; returns whether there was one. */
    boolean delete(String key) throws IOException;

    boolean exists(String key);
}
