package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.recording.CallRecordingPolicy;
import io.vpbx.application.recording.RecordingKeys;
import io.vpbx.application.recording.RecordingStore;
import io.vpbx.model.recording.CallRecordingFile;
import io.vpbx.model.recording.CallRecordingFileRepository;
import io.vpbx.model.sip.SipNumberRepository;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides which calls are recorded and files the finished recordings. Called by the SIP layer's
 * workers without a logged-in user, hence {@code @PermitAll}; every lookup is scoped to the domain
 * the SIP layer resolved.
 */
@Stateless
@PermitAll
public class DefaultCallRecordingPolicy implements CallRecordingPolicy {
    private static final Logger LOG = Logger.getLogger(DefaultCallRecordingPolicy.class.getName());

    /** A RIFF header with an empty data chunk: anything this long or shorter holds no audio. */
    private static final int WAV_HEADER_BYTES = 44;

    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private SipNumberRepository numbers;
    @Inject private CallRecordingFileRepository recordings;
    @Inject private RecordingStore store;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    @Override
    public boolean shouldRecord(long domainId, long callerSipNumberId, long calleeSipNumberId) {
        Optional<Domain> domain = domains.findById(domainId);
        if (domain.isEmpty()) {
            return false;
        }
        return domain.get().recordsAllCalls()
                || userRecords(domainId, callerSipNumberId)
                || userRecords(domainId, calleeSipNumberId);
    }

    private boolean userRecords(long domainId, long sipNumberId) {
        return numbers.findById(domainId, sipNumberId)
                .flatMap(n -> users.findInDomain(domainId, n.userId()))
                .map(DomainUser::recordsCalls)
                .orElse(false);
    }

    @Override
    public Path spoolFile(long domainId, String callId) {
        Path directory = settings.recordingSpoolDirectory().resolve(Long.toString(domainId));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the recording spool " + directory, e);
        }
        // The random part keeps a retransmitted or reused Call-ID from writing into a live file.
        return directory.resolve(
                RecordingKeys.sanitise(callId)
                        + "-"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + ".wav");
    }

    @Override
    public void recordingFinished(long domainId, String callId, Path wav, Duration length) {
        try {
            file(domainId, callId, wav, length);
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Recording of call " + callId + " in domain " + domainId + " is lost",
                    e);
        } finally {
            deleteQuietly(wav);
        }
    }

    private void file(long domainId, String callId, Path wav, Duration length) throws IOException {
        if (wav == null || !Files.isRegularFile(wav)) {
            LOG.warning(
                    () ->
                            "No recording file for call "
                                    + callId
                                    + " in domain "
                                    + domainId
                                    + ": "
                                    + wav);
            return;
        }
        long size = Files.size(wav);
        if (size <= WAV_HEADER_BYTES) {
            LOG.info(() -> "Empty recording of call " + callId + " in domain " + domainId);
            return;
        }
        Optional<Domain> domain = domains.findById(domainId);
        if (domain.isEmpty()) {
            LOG.warning(() -> "Recording of call " + callId + " for unknown domain " + domainId);
            return;
        }
        if (recordings.findByCallId(domainId, callId).isPresent()) {
            LOG.warning(() -> "Call " + callId + " in domain " + domainId + " is already recorded");
            return;
        }
        Duration duration =
                length != null && !length.isNegative() && !length.isZero()
                        ? length
                        : lengthFromHeader(wav, size);
        Instant now = clock.instant();
        String key = RecordingKeys.of(domainId, callId, now, settings.displayZone());
        store.put(key, wav);
        recordings.add(
                new CallRecordingFile(
                        domainId,
                        callId,
                        key,
                        size,
                        duration,
                        now,
                        domain.get().recordingRetention(),
                        settings.displayZone()));
        LOG.fine(() -> "Recording of call " + callId + " stored as " + key);
    }

    /** The length the WAV's own header gives (byte rate), for when the engine gave none. */
    private static Duration lengthFromHeader(Path wav, long size) throws IOException {
        try (InputStream in = Files.newInputStream(wav)) {
            byte[] header = in.readNBytes(WAV_HEADER_BYTES);
            if (header.length < WAV_HEADER_BYTES) {
                return Duration.ZERO;
            }
            int byteRate = ByteBuffer.wrap(header, 28, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (byteRate <= 0) {
                return Duration.ZERO;
            }
            return Duration.ofMillis((size - WAV_HEADER_BYTES) * 1000 / byteRate);
        }
    }

    private static void deleteQuietly(Path wav) {
        if (wav == null) {
            return;
        }
        try {
            Files.deleteIfExists(wav);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot delete the spooled recording " + wav + ": " + e);
        }
    }
}
