-- Governance: the monthly portfolio review of an agence (seed 002 art. 5.2) with its
-- attendance, the decisions taken in it (each through the application service of the single
-- action, the row only links the review to what was done) and its agenda frozen at closing.
-- @all
CREATE TABLE portfolio_reviews (
  id {{PK}},
  agence_id BIGINT NOT NULL REFERENCES organisations(id),
  month TEXT NOT NULL,
  held_on TEXT NOT NULL,
  secretariat_side TEXT NOT NULL CHECK (secretariat_side IN ('france_travail', 'departement')),
  status TEXT NOT NULL CHECK (status IN ('ouverte', 'close')),
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  closed_by BIGINT REFERENCES users(id),
  closed_at TEXT,
  UNIQUE (agence_id, month)
);

CREATE TABLE portfolio_review_attendees (
  id {{PK}},
  review_id BIGINT NOT NULL REFERENCES portfolio_reviews(id),
  user_id BIGINT REFERENCES users(id),
  role TEXT NOT NULL,
  organisation TEXT NOT NULL,
  present INTEGER NOT NULL
);
CREATE INDEX portfolio_review_attendees_review ON portfolio_review_attendees (review_id, id);

CREATE TABLE portfolio_review_decisions (
  id {{PK}},
  review_id BIGINT NOT NULL REFERENCES portfolio_reviews(id),
  kind TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES persons(id),
  subject_id BIGINT NOT NULL,
  detail TEXT NOT NULL,
  decided_by BIGINT NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL
);
CREATE INDEX portfolio_review_decisions_review ON portfolio_review_decisions (review_id, id);

-- The agenda as it stood at closing: the tableau de suivi of a closed review reads this.
CREATE TABLE portfolio_review_items (
  id {{PK}},
  review_id BIGINT NOT NULL REFERENCES portfolio_reviews(id),
  kind TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES persons(id),
  subject_id BIGINT NOT NULL,
  label TEXT NOT NULL,
  due_on TEXT
);
CREATE INDEX portfolio_review_items_review ON portfolio_review_items (review_id, id);

-- Committees: COPIL, comité opérationnel, local cells. The agenda is a closed list; the
-- indicator pack is the JSON of the indicators generated for the meeting (small cells
-- masked); the relevé de conclusions is the only free text and must hold no personal data.
CREATE TABLE committees (
  id {{PK}},
  departement TEXT NOT NULL REFERENCES departements(code),
  kind TEXT NOT NULL CHECK (kind IN ('copil', 'comite_operationnel', 'cellule_locale')),
  held_on TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  agenda TEXT NOT NULL,
  indicator_pack TEXT NOT NULL,
  conclusions TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX committees_departement ON committees (departement, held_on);

CREATE TABLE committee_attendees (
  id {{PK}},
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  role TEXT NOT NULL,
  organisation TEXT NOT NULL,
  present INTEGER NOT NULL
);
CREATE INDEX committee_attendees_committee ON committee_attendees (committee_id, id);
