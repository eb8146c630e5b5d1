package io.vpbx.application.media;

import io.vpbx.model.media.AudioKind;
import java.time.Instant;

/**
 * One of the domain's audio files as the console lists it.
 *
 * @param domainMusicOnHold whether it is the domain's music on hold now
 */
public record AudioFileRow(
        long id,
        AudioKind kind,
        String name,
        String originalName,
        long durationMs,
        long sizeBytes,
        Instant createdAt,
        long version,
        boolean domainMusicOnHold) {}
