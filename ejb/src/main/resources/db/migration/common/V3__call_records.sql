-- Call records (CDR): exactly one per call, answered or not, written from the durable call-ended
-- queue. call_id is the caller's leg; its uniqueness in the domain makes a redelivered event harmless.

CREATE TABLE call_record (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id           BIGINT       NOT NULL,
    call_id             VARCHAR(255) NOT NULL,
    callee_call_id      VARCHAR(255),
    direction           VARCHAR(16)  NOT NULL,
    caller_number_id    BIGINT,
    caller_extension    VARCHAR(5),
    caller_name         VARCHAR(128),
    callee_number_id    BIGINT,
    callee_extension    VARCHAR(5),
    callee_name         VARCHAR(128),
    dialled             VARCHAR(64)  NOT NULL,
    started_at          DATETIME(6)  NOT NULL,
    answered_at         DATETIME(6),
    ended_at            DATETIME(6)  NOT NULL,
    ring_seconds        INT          NOT NULL,
    talk_seconds        INT          NOT NULL,
    result              VARCHAR(16)  NOT NULL,
    sip_status          INT          NOT NULL,
    CONSTRAINT uk_call_record_call UNIQUE (domain_id, call_id),
    CONSTRAINT fk_call_record_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
);
CREATE INDEX ix_call_record_domain_time ON call_record (domain_id, started_at);
