package io.vpbx.web.domain;

import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.application.recording.RecordingDownloadService;
import io.vpbx.model.shared.RuleViolation;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A call recording as MP3, for the call history's player ({@code ?id=}) and for download ({@code
 * ?id=&download=1}, with a {@code call-<date>-<from>-<to>.mp3} file name). Encoded on the fly while
 * it streams, so an hour-long call is never held in memory; the price is that the player cannot
 * seek ahead of what has arrived. Under {@code /domain/}, so only a domain admin gets here, and the
 * service finds only the admin's own domain's recordings: any other id is 404, never 403, so
 * nothing tells whether another domain's recording exists.
 */
@WebServlet(urlPatterns = "/domain/calls/recording")
public class RecordingDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordingDownloadServlet.class.getName());

    @Inject private RecordingDownloadService recordings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RecordingDownload recording;
        try {
            recording = recordings.recording(id);
        } catch (RuleViolation | EJBAccessException notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("audio/mpeg");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String disposition = "1".equals(request.getParameter("download")) ? "attachment" : "inline";
        response.setHeader(
                "Content-Disposition", disposition + "; filename=\"" + recording.fileName() + "\"");
        try {
            recordings.writeMp3(id, response.getOutputStream());
        } catch (RuleViolation gone) {
            // Deleted by the retention job between the two calls.
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
