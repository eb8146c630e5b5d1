package io.vpbx.web.shared;

import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.ExportFile;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
public class ExportDownloadServlet extends TenantDownloadServlet<ExportFile> {
    private static final long serialVersionUID = 1L;

    @Inject private ActionHistoryService history;

    @Override
    protected ExportFile find(long id) {
        return history.exportFile(id);
    }

    @Override
    protected void send(
            long id, ExportFile file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        start(
                request,
                response,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                file.downloadName(),
                true);
        sendFile(response, file.path());
    }
}
