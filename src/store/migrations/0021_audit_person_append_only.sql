-- The persons shown by a list read (audit_person) are how the dpo finds every access to a
-- person, yet nothing guarded them: a row could be deleted, and `audit verify`, which follows
-- the chain of audit_log, did not notice. They are now append-only like the log, and `audit
-- verify` checks them against the record they belong to (its target "personnes:3,8,…" is under
-- the chain's hash). On PostgreSQL the foreign key to audit_log goes: it was checked once per
-- row, 50 times for a page of the list of persons (0.3 to 0.65 ms of each such request), and
-- the verification now covers what it covered and more.
-- @sqlite
CREATE TRIGGER audit_person_no_update BEFORE UPDATE ON audit_person
BEGIN SELECT RAISE(ABORT, 'le journal d''audit est en ajout seul'); END;
CREATE TRIGGER audit_person_no_delete BEFORE DELETE ON audit_person
BEGIN SELECT RAISE(ABORT, 'le journal d''audit est en ajout seul'); END;

-- @postgres
ALTER TABLE audit_person DROP CONSTRAINT IF EXISTS audit_person_seq_fkey;
CREATE TRIGGER audit_person_no_change BEFORE UPDATE OR DELETE ON audit_person
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
