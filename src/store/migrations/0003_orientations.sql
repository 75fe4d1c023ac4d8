-- Orientations towards accompagnement global, their history, the origins referential and
-- the tasks of the "à faire" list. Lists of closed-list codes are stored comma-separated.
-- @all
CREATE TABLE orientation_origins (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  position INTEGER NOT NULL
);
INSERT INTO orientation_origins (code, label, position) VALUES
  ('france_travail', 'France Travail', 1),
  ('service_departemental', 'Service du Département (SLAI, MDS, UTAMS, TDS)', 2),
  ('plateforme_rsa', 'Plateforme ou commission RSA', 3),
  ('ccas', 'CCAS / CIAS', 4),
  ('caf', 'CAF', 5),
  ('autre_partenaire', 'Autre partenaire', 6);

CREATE TABLE orientations (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  profile_id BIGINT NOT NULL REFERENCES convention_profiles(id),
  profile_version_id BIGINT NOT NULL REFERENCES convention_profile_versions(id),
  oriented_on TEXT NOT NULL,
  orienteur_id BIGINT NOT NULL REFERENCES users(id),
  side TEXT NOT NULL CHECK (side IN ('france_travail', 'departement', 'partenaire')),
  origin TEXT NOT NULL REFERENCES orientation_origins(code),
  decision_mode TEXT NOT NULL,
  tacit_public TEXT,
  rome_code TEXT,
  registered_job_seeker INTEGER NOT NULL,
  social_criteria TEXT NOT NULL,
  professional_criteria TEXT NOT NULL,
  obstacles TEXT NOT NULL,
  consent_collected_by BIGINT NOT NULL REFERENCES users(id),
  consent_collected_on TEXT NOT NULL,
  consent_signature_on TEXT NOT NULL,
  electronic_exchange INTEGER NOT NULL,
  override_reason TEXT,
  override_by BIGINT REFERENCES users(id),
  status TEXT NOT NULL,
  ft_position INTEGER,
  ft_position_by BIGINT REFERENCES users(id),
  ft_position_at TEXT,
  dep_position INTEGER,
  dep_position_by BIGINT REFERENCES users(id),
  dep_position_at TEXT,
  decision TEXT CHECK (decision IS NULL OR decision IN ('oui', 'non')),
  decision_reason TEXT,
  planned_start_on TEXT,
  decided_by BIGINT REFERENCES users(id),
  decided_at TEXT,
  no_shows INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX orientations_person ON orientations (person_id, id);
CREATE INDEX orientations_status ON orientations (status, oriented_on);

-- Every step, timestamped: the history shown on the person's page.
CREATE TABLE orientation_events (
  id {{PK}},
  orientation_id BIGINT NOT NULL REFERENCES orientations(id),
  at TEXT NOT NULL,
  user_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX orientation_events_orientation ON orientation_events (orientation_id, id);

-- Tasks of the "à faire" list that are not computed from deadlines.
CREATE TABLE tasks (
  id {{PK}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  orientation_id BIGINT REFERENCES orientations(id),
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  done_at TEXT
);
CREATE INDEX tasks_user ON tasks (user_id, done_at);
