/**
 * The {@code recording-retention} job: deletes call recordings (audio and metadata) whose retention
 * has run out, page by page, and logs what went per domain.
 */
package io.vpbx.batch.recordingretention;
