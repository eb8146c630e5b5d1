/**
 * Call recordings: a domain's retention ({@link io.vpbx.model.recording.RecordingRetention}) and
 * the metadata of each recorded call ({@link io.vpbx.model.recording.CallRecordingFile}); the audio
 * itself lives in a recording store.
 */
package io.vpbx.model.recording;
