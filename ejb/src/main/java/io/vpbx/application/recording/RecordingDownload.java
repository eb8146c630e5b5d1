package io.vpbx.application.recording;

import java.time.Duration;

/**
 * A recording the caller may download.
 *
 * @param fileName the download name, {@code call-<yyyyMMdd-HHmmss>-<from>-<to>.mp3}
 */
public record RecordingDownload(long recordingId, String fileName, Duration length) {}
