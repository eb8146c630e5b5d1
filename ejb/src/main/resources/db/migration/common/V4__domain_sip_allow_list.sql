-- The addresses a domain's phones may register from (seed 004 §2.1.1.4); empty: any address.
ALTER TABLE domain ADD COLUMN sip_allow_list VARCHAR(2000) NOT NULL DEFAULT '';
