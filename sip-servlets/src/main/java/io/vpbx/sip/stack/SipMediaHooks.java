package io.vpbx.sip.stack;

import io.vpbx.application.media.MediaFiles;
import io.vpbx.application.recording.CallRecordingPolicy;
import io.vpbx.application.sip.DtmfReceived;
import io.vpbx.sip.call.CallMediaHooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The calls' media questions answered by the core's services. */
@ApplicationScoped
public class SipMediaHooks implements CallMediaHooks {
    @Inject private MediaFiles files;
    @Inject private CallRecordingPolicy recordings;
    @Inject private Event<DtmfReceived> digits;

    @Override
    public Path musicOnHold(long domainId, Long holderUserId) {
        return files.musicOnHold(domainId, holderUserId);
    }

    @Override
    public Optional<Path> ringback(long domainId, Long calleeUserId) {
        return files.ringback(domainId, calleeUserId);
    }

    @Override
    public Optional<Path> greeting(long domainId, long audioFileId) {
        return files.audioFile(domainId, audioFileId);
    }

    @Override
    public Path prompt(String name) {
        return files.prompt(
                name,
                java.util.Locale.forLanguageTag(System.getProperty("vpbx.prompts.language", "ru")));
    }

    @Override
    public Optional<Path> recordingFile(
            long domainId, String callId, long callerSipNumberId, long calleeSipNumberId) {
        if (!recordings.shouldRecord(domainId, callerSipNumberId, calleeSipNumberId)) {
            return Optional.empty();
        }
        return Optional.of(recordings.spoolFile(domainId, callId));
    }

    @Override
    public void recordingFinished(long domainId, String callId, Path wav, Duration length) {
        recordings.recordingFinished(domainId, callId, wav, length);
    }

    @Override
    public void dtmf(
            long domainId, String callId, boolean fromCaller, char digit, int durationMillis) {
        digits.fire(new DtmfReceived(domainId, callId, fromCaller, digit, durationMillis));
    }
}
