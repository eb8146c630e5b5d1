package io.vpbx.web.my;

import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.web.shared.RecordingMp3Servlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A recording of one of the employee's own calls as MP3, for the player and for download. Any other
 * id, a colleague's call or another domain's, is 404.
 */
@WebServlet(urlPatterns = "/my/calls/recording")
public class MyRecordingServlet extends RecordingMp3Servlet {
    private static final long serialVersionUID = 1L;

    @Inject private MyCabinetService cabinet;

    @Override
    protected RecordingDownload find(long id) {
        return cabinet.recording(id);
    }

    @Override
    protected void writeMp3(long id, OutputStream out) throws IOException {
        cabinet.writeMp3(id, out);
    }
}
