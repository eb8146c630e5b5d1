-- Who or what ended an answered call (CallEndReason); null for calls that were never answered.
ALTER TABLE call_record ADD COLUMN end_reason VARCHAR(16);
