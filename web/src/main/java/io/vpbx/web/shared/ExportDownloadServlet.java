package io.vpbx.web.shared;

import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.ExportFile;
import io.vpbx.model.shared.RuleViolation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Downloads a finished action-history export. Mapped inside each console, so the caller is that
 * console's login, and the service hands out only the caller's own exports: any other id is simply
 * not found.
 */
@WebServlet(
        urlPatterns = {
            "/platform/history/export",
            "/group/history/export",
            "/domain/history/export"
        })
public class ExportDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject private ActionHistoryService history;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        ExportFile file;
        try {
            file = history.exportFile(id);
        } catch (RuleViolation notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!Files.isRegularFile(file.path())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + file.downloadName() + "\"");
        response.setContentLengthLong(Files.size(file.path()));
        Files.copy(file.path(), response.getOutputStream());
    }
}
