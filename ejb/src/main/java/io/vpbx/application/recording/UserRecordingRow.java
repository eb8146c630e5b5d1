package io.vpbx.application.recording;

/** One user of the settings page's list with their «Запись разговоров» toggle. */
public record UserRecordingRow(
        long userId, String extension, String displayName, boolean recordCalls) {}
