package io.vpbx.web.domain;

import io.vpbx.application.media.AudioFilesService;
import io.vpbx.web.shared.TenantDownloadServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Plays or downloads one of the domain's audio files (the converted WAV). Mapped under {@code
 * /domain/}, so only a logged-in domain admin reaches it, and the service finds only files of the
 * admin's own domain.
 */
@WebServlet(urlPatterns = "/domain/media/file")
public class AudioFileServlet extends TenantDownloadServlet<Path> {
    private static final long serialVersionUID = 1L;

    @Inject private AudioFilesService audio;

    @Override
    protected Path find(long id) {
        return audio.content(id);
    }

    @Override
    protected void send(
            long id, Path file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        start(request, response, "audio/wav", "audio-" + id + ".wav", false);
        sendFile(response, file);
    }
}
