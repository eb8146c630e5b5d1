package io.vpbx.application.recording;

import io.vpbx.model.recording.RecordingRetention;

/**
 * The domain's recording settings as the settings page shows them.
 *
 * @param recordAllCalls the domain default: every call is recorded
 * @param usersRecording users with "record calls" on
 * @param users users who take calls (with an extension)
 */
public record RecordingSettings(
        RecordingRetention retention, boolean recordAllCalls, long usersRecording, long users) {}
