package io.vpbx.web.shared;

import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.model.shared.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A call recording as MP3, for a player ({@code ?id=}) and for download ({@code ?id=&download=1},
 * with the recording's file name). Encoded on the fly while it streams, so an hour-long call is
 * never held in memory; the price is that the player cannot seek ahead of what has arrived.
 */
public abstract class RecordingMp3Servlet extends TenantDownloadServlet<RecordingDownload> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordingMp3Servlet.class.getName());

    /**
     * Encodes the recording into {@code out}.
     *
     * @throws RuleViolation when it was deleted (by the retention job) since {@link #find}
     */
    protected abstract void writeMp3(long id, OutputStream out) throws IOException;

    @Override
    protected final void send(
            long id,
            RecordingDownload recording,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        start(request, response, "audio/mpeg", recording.fileName(), false);
        try {
            writeMp3(id, response.getOutputStream());
        } catch (RuleViolation gone) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (IOException e) {
            // Usually the browser went away (the player closed); nothing to answer.
            LOG.log(Level.FINE, "Recording " + id + " not streamed to the end", e);
        }
    }
}
