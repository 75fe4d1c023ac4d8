-- Foundation: territories, organisations, users, sessions, persons and the audit trail.
-- Timestamps are ISO-8601 UTC text ("2026-11-22T05:00:00Z"), dates "YYYY-MM-DD", booleans
-- 0/1: the same values and comparisons on SQLite and PostgreSQL.
-- @all
CREATE TABLE departements (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE territories (
  id {{PK}},
  departement TEXT NOT NULL REFERENCES departements(code),
  name TEXT NOT NULL,
  UNIQUE (departement, name)
);

CREATE TABLE organisations (
  id {{PK}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('departement', 'service_departemental', 'ft_direction', 'agence', 'partenaire')),
  departement TEXT NOT NULL REFERENCES departements(code),
  territory_id BIGINT REFERENCES territories(id),
  parent_id BIGINT REFERENCES organisations(id),
  contract_start TEXT,
  contract_end TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (departement, name)
);

CREATE TABLE users (
  id {{PK}},
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('conseiller', 'referent_social', 'coordinateur', 'pilotage', 'admin', 'dpo')),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  function_title TEXT,
  phone TEXT,
  email TEXT,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

-- Failed logins, keyed by the SHA-256 of the login as typed (lower case): known and unknown
-- logins are slowed and locked alike, so the answers do not tell which accounts exist, and
-- a password typed into the login field is never stored.
CREATE TABLE login_throttle (
  login_key TEXT PRIMARY KEY,
  failed_count INTEGER NOT NULL,
  next_attempt_at TEXT,
  locked_until TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  client_ip TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE persons (
  id {{PK}},
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  street TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  commune TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  consent_electronic INTEGER NOT NULL DEFAULT 0,
  ft_id TEXT,
  caf_id TEXT,
  brsa INTEGER NOT NULL DEFAULT 0,
  rqth INTEGER NOT NULL DEFAULT 0,
  family_situation TEXT NOT NULL CHECK (family_situation IN ('seul', 'en_couple')),
  dependent_children INTEGER NOT NULL DEFAULT 0,
  departement TEXT NOT NULL REFERENCES departements(code),
  territory_id BIGINT NOT NULL REFERENCES territories(id),
  agence_id BIGINT REFERENCES organisations(id),
  conseiller_id BIGINT REFERENCES users(id),
  referent_social_id BIGINT REFERENCES users(id),
  search_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (email IS NULL OR consent_electronic = 1)
);
CREATE INDEX persons_conseiller ON persons (conseiller_id);
CREATE INDEX persons_referent_social ON persons (referent_social_id);
CREATE INDEX persons_territory ON persons (territory_id);
CREATE INDEX persons_agence ON persons (agence_id);
CREATE INDEX persons_departement ON persons (departement);
CREATE INDEX persons_name ON persons (last_name, first_name, id);

-- The trail: append-only, hash-chained; audit_head holds the end of the chain and is the
-- lock that serialises appends.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id BIGINT,
  user_login TEXT NOT NULL,
  organisation_id BIGINT,
  action TEXT NOT NULL,
  person_id BIGINT,
  target TEXT NOT NULL,
  route TEXT NOT NULL,
  client_ip TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_person ON audit_log (person_id, seq);
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE INDEX audit_log_at ON audit_log (at);

-- The persons shown by a list read, one row each, so that the dpo finds every access to a
-- person; the record's target ("personnes:3,8,…", under the chain's hash) is the reference.
CREATE TABLE audit_person (
  person_id BIGINT NOT NULL,
  seq BIGINT NOT NULL REFERENCES audit_log(seq),
  PRIMARY KEY (person_id, seq)
);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'le journal d''audit est en ajout seul'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'le journal d''audit est en ajout seul'); END;

-- @postgres
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'le journal d''audit est en ajout seul';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
