package io.vpbx.web.my;

import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.recording.RecordingDownload;
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
 * A recording of one of the employee's own calls as MP3, for the player ({@code ?id=}) and for
 * download ({@code ?id=&download=1}). Any other id, a colleague's call or another domain's, is 404:
 * nothing tells whether it exists.
 */
@WebServlet(urlPatterns = "/my/calls/recording")
public class MyRecordingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MyRecordingServlet.class.getName());

    @Inject private MyCabinetService cabinet;

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
            recording = cabinet.recording(id);
        } catch (RuleViolation | EJBAccessException notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("audio/mpeg");
        response.setHeader("Cache-Control", "private, no-store");
        String disposition = "1".equals(request.getParameter("download")) ? "attachment" : "inline";
        response.setHeader(
                "Content-Disposition", disposition + "; filename=\"" + recording.fileName() + "\"");
        try {
            cabinet.writeMp3(id, response.getOutputStream());
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
