-- «Группы обработки вызовов» (spec C §1.1, §1.3; spec B §1.1 callGroups): hunt groups with their own
-- extension, which shares the domain's numbering plan with the users' extensions (the service checks
-- both tables under the domain's lock). A user may be in many groups.
-- Algorithms: NOT_SET («не задан»: the caller hears «абонент недоступен») and ALL_SIMULTANEOUS (every
-- member's phones ring at once). The ACD algorithms come with the queue engine.
CREATE TABLE call_group (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id   BIGINT       NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    extension   VARCHAR(5)   NOT NULL,
    algorithm   VARCHAR(32)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uk_call_group_name UNIQUE (domain_id, name),
    CONSTRAINT uk_call_group_extension UNIQUE (domain_id, extension),
    CONSTRAINT fk_call_group_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
);

-- A member's priority matters only to the ACD algorithms (spec C BR-D1..D5); 10 by default.
CREATE TABLE call_group_member (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id   BIGINT  NOT NULL,
    group_id    BIGINT  NOT NULL,
    user_id     BIGINT  NOT NULL,
    priority    INT     NOT NULL DEFAULT 10,
    CONSTRAINT uk_call_group_member UNIQUE (group_id, user_id),
    CONSTRAINT fk_call_group_member_group FOREIGN KEY (group_id)
        REFERENCES call_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_call_group_member_user FOREIGN KEY (user_id)
        REFERENCES domain_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_call_group_member_user ON call_group_member (domain_id, user_id);
