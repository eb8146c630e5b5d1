package io.vpbx.application.media;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the SIP layer plays: 8 kHz mono 16-bit PCM WAV files (44-byte header), ready to packetize.
 * Needs no logged-in user, because SIP threads have no security context: the caller has already
 * resolved the tenant from the Request-URI, DID or trunk.
 */
public interface MediaFiles {
    /**
     * The music for a party on hold (spec F MOH-1, GS-8): the user's own choice, else the domain's,
     * else the built-in default music. A choice whose file has vanished from disk falls back the
     * same way, so a caller on hold always hears something.
     *
     * @param domainUserIdOrNull the user who put the call on hold, if known
     */
    Path musicOnHold(long domainId, Long domainUserIdOrNull);

    /**
     * The melody a caller hears instead of ringback while this user's phones ring («Мелодия гудка»,
     * spec B BR-48/BR-58): the user's own, else the domain's; empty for the ringback tone.
     */
    java.util.Optional<Path> ringback(long domainId, Long calleeUserIdOrNull);

    /**
     * The sound of one of the domain's audio files (a user's pre-call greeting, spec B
     * BR-46/BR-58), found on disk without a query; empty if it is not there (deleted since the
     * choice was read).
     */
    java.util.Optional<Path> audioFile(long domainId, long audioFileId);

    /**
     * A built-in prompt: {@code busy}, {@code not-available}, {@code please-hold}, {@code
     * no-such-number}, {@code call-cannot-be-completed}, {@code recording-notice}, {@code goodbye}.
     * Russian unless the locale's language is English.
     *
     * @throws IllegalArgumentException for an unknown prompt name
     */
    Path prompt(String name, Locale locale);
}
