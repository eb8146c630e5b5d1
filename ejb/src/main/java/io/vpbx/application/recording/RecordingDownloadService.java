package io.vpbx.application.recording;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Playback and download of recordings from the call history, for the caller's domain only: a
 * recording of another domain is reported as not found, exactly like one that does not exist.
 */
public interface RecordingDownloadService {
    /**
     * The recording, if it belongs to the caller's domain and its audio is still stored.
     *
     * @throws io.vpbx.model.shared.NotFound otherwise
     */
    RecordingDownload recording(long recordingId);

    /**
     * Streams the recording as MP3, encoding on the fly (no transaction is held meanwhile).
     *
     * @throws io.vpbx.model.shared.NotFound if it is not the caller's domain's or is gone
     */
    void writeMp3(long recordingId, OutputStream out) throws IOException;
}
