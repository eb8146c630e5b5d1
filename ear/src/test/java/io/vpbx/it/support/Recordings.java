package io.vpbx.it.support;

import io.vpbx.application.recording.CallRecordingPolicy;
import io.vpbx.application.sip.CallEnded;
import io.vpbx.application.sip.CallRecording;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.model.calls.CallEndReason;
import io.vpbx.model.calls.CallResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Recorded calls made inside the server the way the SIP layer will make them: a stereo 8 kHz WAV
 * written to the spool file the policy hands out, the call record through {@link CallRecording},
 * and {@link CallRecordingPolicy#recordingFinished}.
 */
public final class Recordings {
    private Recordings() {}

    /** A recorded call; {@code recordingId} is the new call_recording row. */
    public record Made(String callId, long recordingId, String storageKey, long sizeBytes) {}

    /** Stereo 16-bit PCM at 8 kHz: 440 Hz on the left (caller), 1 kHz on the right (callee). */
    public static byte[] stereoWav(double seconds) {
        int rate = 8000;
        int frames = (int) Math.round(seconds * rate);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2);
        b.putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 1000 * i / rate)));
        }
        return b.array();
    }

    /** Records a call of {@code seconds} between two numbers of the domain, with its record. */
    public static Made call(
            CallRecordingPolicy policy,
            CallRecording records,
            CallRouting routing,
            long domainId,
            long callerNumberId,
            long calleeNumberId,
            double seconds)
            throws IOException, SQLException, NamingException {
        String callId = UUID.randomUUID() + "@127.0.0.1";
        Instant ended = Instant.now();
        Instant answered = ended.minusMillis((long) (seconds * 1000));
        CallRouting.Party caller = routing.caller(domainId, callerNumberId);
        CallRouting.Party callee = routing.caller(domainId, calleeNumberId);
        records.record(
                new CallEnded(
                        domainId,
                        callId,
                        "leg-" + callId,
                        caller,
                        callee,
                        callee.extension(),
                        answered.minusSeconds(2),
                        answered,
                        ended,
                        CallResult.ANSWERED,
                        200,
                        CallEndReason.CALLER_HUNG_UP));
        Path spool = policy.spoolFile(domainId, callId);
        Files.write(spool, stereoWav(seconds));
        policy.recordingFinished(
                domainId, callId, spool, Duration.ofMillis((long) (seconds * 1000)));
        return made(domainId, callId);
    }

    /** The id of the domain's recording of a call. */
    public static long recordingId(long domainId, String callId)
            throws SQLException, NamingException {
        return made(domainId, callId).recordingId();
    }

    private static Made made(long domainId, String callId) throws SQLException, NamingException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT id, storage_key, size_bytes FROM call_recording"
                                        + " WHERE domain_id = ? AND call_id = ?")) {
            q.setLong(1, domainId);
            q.setString(2, callId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no recording row for " + callId);
                }
                return new Made(callId, rs.getLong(1), rs.getString(2), rs.getLong(3));
            }
        }
    }

    /** The id of a SIP number of the domain, by the user's extension. */
    public static long sipNumberId(long domainId, String extension)
            throws SQLException, NamingException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT n.id FROM sip_number n JOIN domain_user u ON u.id = n.user_id"
                                        + " WHERE n.domain_id = ? AND u.extension = ?")) {
            q.setLong(1, domainId);
            q.setString(2, extension);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no SIP number " + extension);
                }
                return rs.getLong(1);
            }
        }
    }

    public static long domainId(String name) throws SQLException, NamingException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id FROM domain WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no domain " + name);
                }
                return rs.getLong(1);
            }
        }
    }

    /** The recordings directory of the server (its {@code vpbx.data.dir}/recordings by default). */
    public static Path directory() {
        String configured = System.getProperty("vpbx.recordings.dir");
        return configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("vpbx.data.dir")).resolve("recordings");
    }

    public static DataSource dataSource() throws NamingException {
        return InitialContext.doLookup("java:jboss/datasources/VpbxDS");
    }
}
