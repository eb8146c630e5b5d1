package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.recording.Mp3Encoder;
import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.application.recording.RecordingDownloadService;
import io.vpbx.application.recording.RecordingStore;
import io.vpbx.model.calls.CallRecord;
import io.vpbx.model.calls.CallRecordRepository;
import io.vpbx.model.recording.CallRecordingFile;
import io.vpbx.model.recording.CallRecordingFileRepository;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Recordings of the caller's domain for the call history's player and download. Another domain's
 * recording is not found, exactly as a missing one, so its existence does not leak.
 */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultRecordingDownloadService implements RecordingDownloadService {
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Inject private CallerContext caller;
    @Inject private CallRecordingFileRepository recordings;
    @Inject private CallRecordRepository calls;
    @Inject private RecordingStore store;
    @Inject private Mp3Encoder encoder;
    @Inject private PlatformSettings settings;

    @Override
    public RecordingDownload recording(long recordingId) {
        CallRecordingFile recording = mine(recordingId);
        return new RecordingDownload(recording.id(), fileName(recording), recording.length());
    }

    /**
     * Outside any transaction: encoding an hour-long call takes a while, and holding a transaction
     * (and a connection) meanwhile would starve the pool.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeMp3(long recordingId, OutputStream out) throws IOException {
        CallRecordingFile recording = mine(recordingId);
        try (InputStream wav = new BufferedInputStream(store.open(recording.storageKey()))) {
            encoder.encode(wav, out);
        }
    }

    private CallRecordingFile mine(long recordingId) {
        ActorRef actor = caller.actor();
        if (actor.domainId() == null) {
            throw new NotFound("recording");
        }
        CallRecordingFile recording =
                recordings
                        .findInDomain(actor.domainId(), recordingId)
                        .orElseThrow(() -> new NotFound("recording"));
        if (!store.exists(recording.storageKey())) {
            throw new NotFound("recording");
        }
        return recording;
    }

    /** {@code call-<date>-<from>-<to>.mp3}, from the call record when it is there. */
    private String fileName(CallRecordingFile recording) {
        CallRecord call = calls.findByCallId(recording.domainId(), recording.callId()).orElse(null);
        return fileName(recording, call, settings.displayZone());
    }

    /** The download name of a recording of {@code call} (null when its record is gone). */
    static String fileName(CallRecordingFile recording, CallRecord call, ZoneId zone) {
        Instant at = call == null ? recording.createdAt() : call.startedAt();
        String time = LocalDateTime.ofInstant(at, zone).format(NAME_TIME);
        if (call == null) {
            return "call-" + time + ".mp3";
        }
        CallRecord.Party callee = call.callee();
        String to =
                callee != null && callee.extension() != null ? callee.extension() : call.dialled();
        return "call-" + time + "-" + safe(call.caller().extension()) + "-" + safe(to) + ".mp3";
    }

    private static String safe(String part) {
        if (part == null || part.isBlank()) {
            return "unknown";
        }
        String cleaned = part.replaceAll("[^0-9A-Za-z+_]", "_");
        return cleaned.length() > 32 ? cleaned.substring(0, 32) : cleaned;
    }
}
