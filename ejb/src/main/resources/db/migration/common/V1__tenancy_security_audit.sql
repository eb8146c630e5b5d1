-- vPBX foundation schema: platform operators, pools and subgroups, domains (tenants), domain users,
-- pool admins, login throttling, one-time tokens and the append-only action history.
-- Written for MariaDB and for H2 in MySQL mode (the zero-setup database of `bin/vpbx start`).

CREATE TABLE platform_operator (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    login          VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(128) NOT NULL,
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(512) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uk_platform_operator_login UNIQUE (login)
);

CREATE TABLE pool (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                   VARCHAR(128) NOT NULL,
    routing_number_length  INT          NOT NULL,
    created_at             DATETIME(6)  NOT NULL,
    version                BIGINT       NOT NULL,
    CONSTRAINT uk_pool_name UNIQUE (name)
);

CREATE TABLE pool_subgroup (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    pool_id    BIGINT       NOT NULL,
    name       VARCHAR(128) NOT NULL,
    is_system  BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT uk_pool_subgroup_name UNIQUE (pool_id, name),
    CONSTRAINT fk_pool_subgroup_pool FOREIGN KEY (pool_id) REFERENCES pool (id)
);

CREATE TABLE domain (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                     VARCHAR(253) NOT NULL,
    display_name             VARCHAR(128) NOT NULL,
    company_name             VARCHAR(256) NOT NULL,
    app_id                   VARCHAR(12)  NOT NULL,
    routing_number           VARCHAR(8),
    pool_id                  BIGINT,
    subgroup_id              BIGINT,
    personal_account_number  VARCHAR(20),
    notification_email       VARCHAR(254),
    status                   VARCHAR(24)  NOT NULL,
    max_users                INT          NOT NULL,
    max_channels             INT          NOT NULL,
    created_at               DATETIME(6)  NOT NULL,
    version                  BIGINT       NOT NULL,
    CONSTRAINT uk_domain_name UNIQUE (name),
    CONSTRAINT uk_domain_app_id UNIQUE (app_id),
    CONSTRAINT uk_domain_routing_number UNIQUE (pool_id, routing_number),
    CONSTRAINT fk_domain_pool FOREIGN KEY (pool_id) REFERENCES pool (id),
    CONSTRAINT fk_domain_subgroup FOREIGN KEY (subgroup_id) REFERENCES pool_subgroup (id)
);

CREATE TABLE domain_user (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id      BIGINT       NOT NULL,
    login          VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(128) NOT NULL,
    email          VARCHAR(254),
    password_hash  VARCHAR(512) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uk_domain_user_login UNIQUE (domain_id, login),
    CONSTRAINT fk_domain_user_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
);

CREATE TABLE pool_admin (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    pool_id        BIGINT       NOT NULL,
    login          VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(128) NOT NULL,
    email          VARCHAR(254) NOT NULL,
    phone          VARCHAR(32),
    password_hash  VARCHAR(512) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uk_pool_admin_login UNIQUE (login),
    CONSTRAINT fk_pool_admin_pool FOREIGN KEY (pool_id) REFERENCES pool (id)
);

CREATE TABLE pool_admin_subgroup (
    pool_admin_id  BIGINT NOT NULL,
    subgroup_id    BIGINT NOT NULL,
    PRIMARY KEY (pool_admin_id, subgroup_id),
    CONSTRAINT fk_pas_admin FOREIGN KEY (pool_admin_id) REFERENCES pool_admin (id),
    CONSTRAINT fk_pas_subgroup FOREIGN KEY (subgroup_id) REFERENCES pool_subgroup (id)
);

-- Failed console logins per (console account key, source address): drives the temporary lock-out.
CREATE TABLE login_failure (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_key    VARCHAR(400) NOT NULL,
    source_ip      VARCHAR(45)  NOT NULL,
    failure_times  VARCHAR(1000) NOT NULL,
    last_failure_at DATETIME(6) NOT NULL,
    locked_until   DATETIME(6),
    version        BIGINT       NOT NULL,
    CONSTRAINT uk_login_failure UNIQUE (account_key, source_ip)
);

-- Single-use, expiring tokens: password-recovery links and pool-to-domain console jumps.
-- Only a SHA-256 digest of the token is stored, so a database read does not yield a usable link.
CREATE TABLE one_time_token (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    purpose       VARCHAR(24)  NOT NULL,
    token_digest  VARCHAR(64)  NOT NULL,
    domain_id     BIGINT,
    subject_id    BIGINT       NOT NULL,
    issued_by     VARCHAR(200),
    issued_at     DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    used_at       DATETIME(6),
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_one_time_token_digest UNIQUE (token_digest)
);

-- The action history. Append-only: the application never updates or deletes a row, and on MariaDB a
-- trigger (see the vendor migration) refuses UPDATE and DELETE outright.
CREATE TABLE audit_entry (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at   DATETIME(6)   NOT NULL,
    actor_kind    VARCHAR(16)   NOT NULL,
    actor_login   VARCHAR(200)  NOT NULL,
    actor_name    VARCHAR(200)  NOT NULL,
    actor_ip      VARCHAR(45)   NOT NULL,
    pool_id       BIGINT,
    domain_id     BIGINT,
    object_type   VARCHAR(32)   NOT NULL,
    object_name   VARCHAR(300)  NOT NULL,
    action        VARCHAR(16)   NOT NULL,
    change_data   TEXT
);
-- Histories are read newest first by id (keyset paging) within a pool or a domain.
CREATE INDEX ix_audit_pool ON audit_entry (pool_id, id);
CREATE INDEX ix_audit_domain ON audit_entry (domain_id, id);
CREATE INDEX ix_audit_time ON audit_entry (occurred_at);

-- Audit exports to xlsx, run as Jakarta Batch jobs. The file is served only to the scope that asked.
CREATE TABLE audit_export (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    requested_by      VARCHAR(200) NOT NULL,
    pool_id           BIGINT,
    domain_id         BIGINT,
    period_from       DATETIME(6),
    period_to         DATETIME(6),
    actor_text        VARCHAR(200),
    object_text       VARCHAR(300),
    object_type       VARCHAR(32),
    action            VARCHAR(16),
    up_to_id          BIGINT,
    locale_tag        VARCHAR(16)  NOT NULL,
    job_execution_id  BIGINT,
    status            VARCHAR(16)  NOT NULL,
    total_rows        BIGINT       NOT NULL,
    written_rows      BIGINT       NOT NULL,
    file_name         VARCHAR(200),
    requested_at      DATETIME(6)  NOT NULL,
    finished_at       DATETIME(6),
    version           BIGINT       NOT NULL
);
