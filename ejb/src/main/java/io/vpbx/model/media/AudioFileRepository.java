package io.vpbx.model.media;

import java.util.List;
import java.util.Optional;

/** A domain's audio files. Every lookup is scoped to one domain. */
public interface AudioFileRepository {
    /** The file, if it exists and belongs to the domain; another domain's id finds nothing. */
    Optional<AudioFile> findInDomain(long domainId, long audioFileId);

    /** The domain's files of one kind, by name. */
    List<AudioFile> listInDomain(long domainId, AudioKind kind);

    boolean nameTaken(long domainId, AudioKind kind, String name);

    /**
     * How many of the domain's users chose this file as their own music on hold, ringback or
     * greeting.
     */
    long countUsersChoosing(long domainId, long audioFileId);

    /** Adds the file and assigns its id at once (the content is stored under that id). */
    AudioFile add(AudioFile file);

    void remove(AudioFile file);
}
