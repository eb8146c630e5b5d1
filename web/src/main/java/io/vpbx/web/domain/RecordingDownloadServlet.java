package io.vpbx.web.domain;

import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.application.recording.RecordingDownloadService;
import io.vpbx.web.shared.RecordingMp3Servlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A call recording of the domain as MP3 for the call history's player and download, with a {@code
 * call-<date>-<from>-<to>.mp3} file name. Under {@code /domain/}, so only a domain admin gets here,
 * and the service finds only the admin's own domain's recordings.
 */
@WebServlet(urlPatterns = "/domain/calls/recording")
public class RecordingDownloadServlet extends RecordingMp3Servlet {
    private static final long serialVersionUID = 1L;

    @Inject private RecordingDownloadService recordings;

    @Override
    protected RecordingDownload find(long id) {
        return recordings.recording(id);
    }

    @Override
    protected void writeMp3(long id, OutputStream out) throws IOException {
        recordings.writeMp3(id, out);
    }
}
