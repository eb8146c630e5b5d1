/**
 * Call recording (spec E §10.1): which calls are recorded ({@link
 * io.vpbx.application.recording.CallRecordingPolicy}, asked by the SIP layer), where the audio is
 * kept ({@link io.vpbx.application.recording.RecordingStore}), the domain console's settings page,
 * playback and mp3 download from the call history, and the retention job's view of expired
 * recordings.
 */
package io.vpbx.application.recording;
