-- «Группы перехвата» (spec B §7.4, BR-27..31): a user belongs to at most one pickup group of their
-- domain; dialling the domain's pickup code answers a call ringing on another member.
CREATE TABLE pickup_group (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id   BIGINT       NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uk_pickup_group_name UNIQUE (domain_id, name),
    CONSTRAINT fk_pickup_group_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
);

ALTER TABLE domain_user ADD COLUMN pickup_group_id BIGINT;
ALTER TABLE domain_user ADD CONSTRAINT fk_domain_user_pickup_group
    FOREIGN KEY (pickup_group_id) REFERENCES pickup_group (id);
CREATE INDEX ix_domain_user_pickup_group ON domain_user (domain_id, pickup_group_id);

-- «Номер перехвата»: set in the domain's general settings; *8 as on most PBXs.
ALTER TABLE domain ADD COLUMN pickup_code VARCHAR(8) NOT NULL DEFAULT '*8';

-- The user page's remaining fields (spec B §1.1, §7.5; seed 002).
-- «Ограничение исходящей связи»: NONE, INTERNATIONAL, INTERNATIONAL_AND_LONG_DISTANCE, ALL_EXCEPT_INTERNAL.
ALTER TABLE domain_user ADD COLUMN outgoing_restriction VARCHAR(40) NOT NULL DEFAULT 'NONE';
-- «Период отсутствия»: inclusive dates; calls to the user take the "not available" path meanwhile.
ALTER TABLE domain_user ADD COLUMN absent_from DATE;
ALTER TABLE domain_user ADD COLUMN absent_until DATE;
-- «Уведомления о голосовой почте на e-mail» and «Оператор контакт-центра».
ALTER TABLE domain_user ADD COLUMN voicemail_to_email BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE domain_user ADD COLUMN contact_center_operator BOOLEAN NOT NULL DEFAULT FALSE;
-- «Приветствие перед разговором»: a greeting the caller hears before the user's phones ring.
ALTER TABLE domain_user ADD COLUMN greeting_id BIGINT;
ALTER TABLE domain_user ADD CONSTRAINT fk_domain_user_greeting
    FOREIGN KEY (greeting_id) REFERENCES audio_file (id);
