package io.vpbx.application.media;

import io.vpbx.model.media.AudioKind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The domain console's greetings and music ("Приветствия и музыка", spec F §13.3), always in the
 * caller's domain: no method takes a domain id, and another domain's file ids are simply not found.
 */
public interface AudioFilesService {
    /**
     * Converts an upload to the internal format and stores it under a name unique within the domain
     * and kind.
     *
     * @param originalFileName the name the browser sent, kept for reference only: the type is
     *     detected from the content
     * @return the new file's id
     * @throws io.vpbx.model.media.AudioRejected when the upload cannot be used; nothing is stored
     */
    long upload(AudioKind kind, String name, String originalFileName, InputStream content);

    /** Renames a file; the new name must be free among the domain's files of that kind. */
    void rename(long audioFileId, long version, String newName);

    /**
     * Deletes a file and its sound. Refused (rule violation {@code error.audio.inUse}) while the
     * file is the domain's music on hold or some user's: the admin first chooses other music, so
     * what callers hear never changes as a side effect of a delete.
     */
    void delete(long audioFileId);

    /** The domain's files of one kind, by name. */
    List<AudioFileRow> list(AudioKind kind);

    /**
     * The domain's music on hold: the id of one of its music files, or {@code null} for built-in.
     */
    Long domainMusicOnHold();

    /**
     * Chooses the domain's music on hold (MOH-1): one of its own music files, or {@code null} for
     * the built-in default music.
     */
    void chooseDomainMusicOnHold(Long audioFileIdOrNullForBuiltIn);

    /** The domain's ringback melody: one of its music files, or {@code null} for the tone. */
    Long domainRingback();

    /**
     * Chooses the melody callers hear instead of ringback while the domain's employees' phones ring
     * (an employee's own choice overrides it), or {@code null} for the ringback tone.
     */
    void chooseDomainRingback(Long audioFileIdOrNullForTone);

    /**
     * The converted sound of one of the domain's files, for playing or downloading in the console.
     */
    Path content(long audioFileId);
}
