-- «Должность» (spec B §7.2, §7.5): an employee's job title, shown in the user list and on the user page.
-- Optional; the optimistic lock of domain_user (version) already exists since V1.
ALTER TABLE domain_user ADD COLUMN job_title VARCHAR(128);

-- The user list searches and sorts a domain's users page by page (a domain may have 10,000 of them).
CREATE INDEX ix_domain_user_domain_extension ON domain_user (domain_id, extension);
CREATE INDEX ix_domain_user_domain_name ON domain_user (domain_id, display_name);
