-- Axe 2 supports: one per entry, with its periods, bilans, exit and in-work follow-up.
-- @all
CREATE TABLE supports (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  orientation_id BIGINT NOT NULL UNIQUE REFERENCES orientations(id),
  profile_id BIGINT NOT NULL REFERENCES convention_profiles(id),
  profile_version_id BIGINT NOT NULL REFERENCES convention_profile_versions(id),
  start_date TEXT NOT NULL,
  initial_months INTEGER NOT NULL,
  total_months INTEGER NOT NULL,
  renewals INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL CHECK (state IN ('en_cours', 'suivi_emploi', 'termine')),
  last_bilan_result TEXT,
  last_bilan_on TEXT,
  bilan_since_period_start INTEGER NOT NULL DEFAULT 0,
  exit_outcome TEXT,
  exit_date TEXT,
  followup_end TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX supports_person ON supports (person_id, id);
CREATE INDEX supports_state ON supports (state);

CREATE TABLE support_events (
  id {{PK}},
  support_id BIGINT NOT NULL REFERENCES supports(id),
  at TEXT NOT NULL,
  user_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX support_events_support ON support_events (support_id, id);
