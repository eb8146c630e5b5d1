-- Call recording (spec E §10.1): how long a domain keeps its recordings, whether it records every
-- call by default, and the per-user "record calls" flag.
ALTER TABLE domain ADD COLUMN recording_retention VARCHAR(16) NOT NULL DEFAULT 'ONE_MONTH';
ALTER TABLE domain ADD COLUMN record_all_calls BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE domain_user ADD COLUMN record_calls BOOLEAN NOT NULL DEFAULT FALSE;

-- One recording per call. The call record (call_record) is written asynchronously from the
-- call-ended queue, so the two are linked by (domain_id, call_id), not by a foreign key: either may
-- be written first. storage_key names the file in the recording store.
CREATE TABLE call_recording (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id    BIGINT       NOT NULL,
    call_id      VARCHAR(255) NOT NULL,
    storage_key  VARCHAR(512) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    duration_ms  BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uk_call_recording_call UNIQUE (domain_id, call_id),
    CONSTRAINT fk_call_recording_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
);
CREATE INDEX ix_call_recording_expires ON call_recording (expires_at);
