-- «Мелодия гудка» (spec B BR-48, BR-58; spec A BR-18): music the caller hears instead of ringback while
-- the callee's phones ring. The domain's choice, and a user's own that overrides it; null: ringback tone.
ALTER TABLE domain ADD COLUMN ringback_id BIGINT;
ALTER TABLE domain ADD CONSTRAINT fk_domain_ringback
    FOREIGN KEY (ringback_id) REFERENCES audio_file (id);

ALTER TABLE domain_user ADD COLUMN ringback_id BIGINT;
ALTER TABLE domain_user ADD CONSTRAINT fk_domain_user_ringback
    FOREIGN KEY (ringback_id) REFERENCES audio_file (id);
