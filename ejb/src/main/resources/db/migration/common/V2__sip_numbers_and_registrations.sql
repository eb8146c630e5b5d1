-- SIP core: the extension of a domain user, the SIP number every user gets (seed 002) and the
-- registrations (contact bindings, RFC 3261 §10) of those numbers.

ALTER TABLE domain_user ADD COLUMN extension VARCHAR(5);
CREATE UNIQUE INDEX uk_domain_user_extension ON domain_user (domain_id, extension);

CREATE TABLE sip_number (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id        BIGINT       NOT NULL,
    user_id          BIGINT       NOT NULL,
    login            VARCHAR(32)  NOT NULL,
    password_secret  VARCHAR(255) NOT NULL,
    device_limit     INT          NOT NULL,
    channel_limit    INT          NOT NULL,
    ring_seconds     INT          NOT NULL,
    enabled          BOOLEAN      NOT NULL,
    md5_only         BOOLEAN      NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT uk_sip_number_login UNIQUE (domain_id, login),
    CONSTRAINT uk_sip_number_user UNIQUE (user_id),
    CONSTRAINT fk_sip_number_domain FOREIGN KEY (domain_id) REFERENCES domain (id),
    CONSTRAINT fk_sip_number_user FOREIGN KEY (user_id) REFERENCES domain_user (id)
);

CREATE TABLE sip_registration (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id       BIGINT       NOT NULL,
    sip_number_id   BIGINT       NOT NULL,
    contact_uri     VARCHAR(512) NOT NULL,
    call_id         VARCHAR(255) NOT NULL,
    cseq            BIGINT       NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    registered_at   DATETIME(6)  NOT NULL,
    source_address  VARCHAR(64)  NOT NULL,
    source_port     INT          NOT NULL,
    transport       VARCHAR(8)   NOT NULL,
    user_agent      VARCHAR(255),
    version         BIGINT       NOT NULL,
    CONSTRAINT uk_sip_registration_contact UNIQUE (sip_number_id, contact_uri),
    CONSTRAINT fk_sip_registration_number FOREIGN KEY (sip_number_id) REFERENCES sip_number (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_sip_registration_domain ON sip_registration (domain_id);
CREATE INDEX ix_sip_registration_expiry ON sip_registration (expires_at);
