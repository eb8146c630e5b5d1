package io.vpbx.sip.call;

import io.vpbx.media.api.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Records answered calls (spec E §10.1): once a call is answered the core is asked, on a worker,
 * whether either party or the domain records it and where; then both sides are recorded. A finished
 * recording is handed to the core with the call's other media events, in order.
 */
final class CallRecorder {
    private static final Logger LOG = Logger.getLogger(CallRecorder.class);

    private final CallMediaHooks hooks;
    private final Executor workers;

    CallRecorder(CallMediaHooks hooks, Executor workers) {
        this.hooks = hooks;
        this.workers = workers;
    }

    /** Asks the core (on a worker) whether to record, then starts recording both sides. */
    void start(Call call) {
        Endpoint caller = call.callerEndpoint;
        Endpoint callee = call.answered.endpoint;
        workers.execute(
                () -> {
                    try {
                        Optional<Path> file =
                                hooks.recordingFile(
                                        call.domainId,
                                        call.callId,
                                        call.caller.sipNumberId(),
                                        call.callee.sipNumberId());
                        file.ifPresent(path -> call.media.record(caller, callee, path));
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Cannot start recording %s", call.callId);
                    }
                });
    }

    /** The media engine has finished the call's recording (on a media thread). */
    void finished(Call call, Path wav, Duration length) {
        call.events.execute(() -> hooks.recordingFinished(call.domainId, call.callId, wav, length));
    }
}
