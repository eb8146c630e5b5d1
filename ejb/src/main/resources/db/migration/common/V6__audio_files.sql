-- A domain's greetings and music on hold (spec F §13.3). Uploads are converted to 8 kHz mono 16-bit PCM;
-- the converted sound lives on disk under <data dir>/audio/<domain_id>/<id>.wav, the row describes it.
CREATE TABLE audio_file (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id      BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    name           VARCHAR(128) NOT NULL,
    original_name  VARCHAR(255) NOT NULL,
    duration_ms    BIGINT       NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uk_audio_file_name UNIQUE (domain_id, kind, name),
    CONSTRAINT fk_audio_file_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
);

-- The domain's music on hold (MOH-1); null: the built-in default music.
ALTER TABLE domain ADD COLUMN music_on_hold_id BIGINT;
ALTER TABLE domain ADD CONSTRAINT fk_domain_music_on_hold
    FOREIGN KEY (music_on_hold_id) REFERENCES audio_file (id);

-- A user's own music on hold, overriding the domain's (MOH-1); null: the domain's.
ALTER TABLE domain_user ADD COLUMN music_on_hold_id BIGINT;
ALTER TABLE domain_user ADD CONSTRAINT fk_domain_user_music_on_hold
    FOREIGN KEY (music_on_hold_id) REFERENCES audio_file (id);
