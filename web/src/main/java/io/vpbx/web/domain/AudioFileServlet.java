package io.vpbx.web.domain;

import io.vpbx.application.media.AudioFilesService;
import io.vpbx.model.shared.RuleViolation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays or downloads one of the domain's audio files (the converted WAV). Mapped under {@code
 * /domain/}, so only a logged-in domain admin reaches it, and the service finds only files of the
 * admin's own domain: another domain's id is a 404, like an id that never existed.
 */
@WebServlet(urlPatterns = "/domain/media/file")
public class AudioFileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject private AudioFilesService audio;

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
        Path file;
        try {
            file = audio.content(id);
        } catch (RuleViolation notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("audio/wav");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getParameter("download") != null) {
            response.setHeader(
                    "Content-Disposition", "attachment; filename=\"audio-" + id + ".wav\"");
        }
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
