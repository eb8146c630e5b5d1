package io.vpbx.it.support;

import io.vpbx.application.recording.CallRecordingPolicy;
import io.vpbx.application.sip.CallRecording;
import io.vpbx.application.sip.CallRouting;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Test-only (added to the console's WAR by {@link Deployments#vpbxWithRecordingFixture()}, never
 * shipped): lets a browser test make a recorded call in the server, as the SIP layer will once the
 * media engine records.
 *
 * <ul>
 *   <li>{@code ?domain=<name>&from=<ext>&to=<ext>&seconds=2}: a call record plus its recording;
 *   <li>{@code ?domain=<name>&seconds=2}: a recording alone (no call record).
 * </ul>
 *
 * Answers the new recording's id as plain text.
 */
@WebServlet("/it-fixture/recorded-call")
public class RecordingFixtureServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject private CallRecordingPolicy policy;
    @Inject private CallRecording callRecords;
    @Inject private CallRouting routing;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            long domainId = Recordings.domainId(request.getParameter("domain"));
            double seconds = Double.parseDouble(request.getParameter("seconds"));
            long recordingId;
            if (request.getParameter("from") != null) {
                recordingId =
                        Recordings.call(
                                        policy,
                                        callRecords,
                                        routing,
                                        domainId,
                                        Recordings.sipNumberId(
                                                domainId, request.getParameter("from")),
                                        Recordings.sipNumberId(
                                                domainId, request.getParameter("to")),
                                        seconds)
                                .recordingId();
            } else {
                String callId = UUID.randomUUID() + "@fixture";
                Path spool = policy.spoolFile(domainId, callId);
                Files.write(spool, Recordings.stereoWav(seconds));
                policy.recordingFinished(
                        domainId, callId, spool, Duration.ofMillis((long) (seconds * 1000)));
                recordingId = Recordings.recordingId(domainId, callId);
            }
            response.setContentType("text/plain");
            response.getWriter().print(recordingId);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
