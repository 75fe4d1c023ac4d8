-- RGPD: retention (anonymised and restricted persons, one purge per day across instances),
-- data-subject requests, the breach register and the six-monthly review of sub-processors.
-- @all
-- A person anonymised by the purge or an erasure keeps its row (the orientation, support and
-- axe 3 rows that indicators count point to it) without its identity. A restricted person
-- (art. 18: erasure of a fiche kept for the FSE, limitation, opposition) is kept but no
-- longer shown to anyone but the dpo.
ALTER TABLE persons ADD COLUMN anonymised_at TEXT;
ALTER TABLE persons ADD COLUMN restricted_at TEXT;
ALTER TABLE persons ADD COLUMN restriction_reason TEXT;

-- One row per day the purge ran, so that several instances purge once.
CREATE TABLE purge_runs (
  day TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  persons_followup INTEGER NOT NULL DEFAULT 0,
  persons_anonymised INTEGER NOT NULL DEFAULT 0
);

-- Requests of data subjects, answered within one month (seed 000 art. 7).
-- The requester's identity as given is kept: it is the register's content.
CREATE TABLE rgpd_requests (
  id {{PK}},
  kind TEXT NOT NULL CHECK (kind IN ('acces', 'rectification', 'effacement', 'opposition', 'limitation')),
  received_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  person_id BIGINT REFERENCES persons(id),
  status TEXT NOT NULL CHECK (status IN ('ouverte', 'traitee')),
  outcome TEXT,
  answer TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  answered_by BIGINT REFERENCES users(id),
  answered_at TEXT
);
CREATE INDEX rgpd_requests_status ON rgpd_requests (status, due_on);

-- Personal-data breaches: the other party is told within 36 hours of the discovery
-- (48 hours for an incident of the API amendment).
CREATE TABLE breaches (
  id {{PK}},
  discovered_at TEXT NOT NULL,
  api_incident INTEGER NOT NULL,
  nature TEXT NOT NULL CHECK (nature IN ('confidentialite', 'integrite', 'disponibilite')),
  summary TEXT NOT NULL,
  persons_affected INTEGER,
  deadline_at TEXT NOT NULL,
  notified_at TEXT,
  notified_to TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);

-- The list of sub-processors is shared with the other party at least every six months
-- (seed 003, convention d'application art. 4).
CREATE TABLE subprocessor_reviews (
  id {{PK}},
  departement TEXT NOT NULL REFERENCES departements(code),
  reviewed_on TEXT NOT NULL,
  reviewed_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX subprocessor_reviews_dep ON subprocessor_reviews (departement, reviewed_on);
