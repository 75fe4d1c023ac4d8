-- The NIR at rest (issue 8, item 4): job_seeker_snapshots keeps it sealed (XChaCha20-Poly1305,
-- key in a file outside the database) with a keyed hash for lookups. The clear column `nir`
-- stays only so that rows imported before this migration can be sealed by binome at start-up
-- (SQL cannot: the key is not in the database); once sealed it is NULL, and binome never
-- writes it again.
-- Raw exchange files (issue 5, item 5): the imported file kept in the configured directory
-- (its SHA-256 is file_sha256) until the purge removes it, 90 days after the import.
-- @all
ALTER TABLE job_seeker_snapshots ADD COLUMN nir_sealed TEXT;
ALTER TABLE job_seeker_snapshots ADD COLUMN nir_hash TEXT;
DROP INDEX job_seeker_snapshots_nir;
CREATE INDEX job_seeker_snapshots_nir_hash ON job_seeker_snapshots (nir_hash);
ALTER TABLE flow_imports ADD COLUMN raw_file TEXT;
ALTER TABLE flow_imports ADD COLUMN raw_removed_at TEXT;
-- Which key seals this database's NIRs (a keyed hash of a constant, which tells nothing of the
-- key): a process given another key is refused before it writes anything.
CREATE TABLE nir_key_check (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL
);
