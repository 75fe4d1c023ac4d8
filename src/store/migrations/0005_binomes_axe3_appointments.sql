-- Binômes and their history, axe 3 (social-only) supports, appointments with attendance,
-- the équipe pluridisciplinaire's decisions, and what the "à faire" tasks need to be closed.
-- @all
CREATE TABLE binome_assignments (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  conseiller_id BIGINT REFERENCES users(id),
  referent_social_id BIGINT REFERENCES users(id),
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user_id BIGINT REFERENCES users(id)
);
CREATE INDEX binome_assignments_person ON binome_assignments (person_id, id);

CREATE TABLE social_supports (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  profile_id BIGINT NOT NULL REFERENCES convention_profiles(id),
  profile_version_id BIGINT NOT NULL REFERENCES convention_profile_versions(id),
  service_org_id BIGINT REFERENCES organisations(id),
  state TEXT NOT NULL CHECK (state IN ('a_valider', 'en_cours', 'refuse', 'termine')),
  requested_by BIGINT NOT NULL REFERENCES users(id),
  planned_start TEXT NOT NULL,
  start_date TEXT,
  total_months INTEGER NOT NULL,
  renewals INTEGER NOT NULL DEFAULT 0,
  validated_by BIGINT REFERENCES users(id),
  validated_at TEXT,
  quota_override INTEGER NOT NULL DEFAULT 0,
  end_date TEXT,
  end_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX social_supports_person ON social_supports (person_id, id);
CREATE INDEX social_supports_service ON social_supports (service_org_id, start_date);

CREATE TABLE social_support_events (
  id {{PK}},
  social_support_id BIGINT NOT NULL REFERENCES social_supports(id),
  at TEXT NOT NULL,
  user_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX social_support_events_owner ON social_support_events (social_support_id, id);

-- Meetings of the support: structured facts only (no recording, no transcript, seed 003
-- annexe 2). scheduled_at is local time, YYYY-MM-DDTHH:MM.
CREATE TABLE appointments (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  support_id BIGINT REFERENCES supports(id),
  kind TEXT NOT NULL,
  scheduled_at TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('telephone', 'visio', 'sur_site')),
  place_org_id BIGINT REFERENCES organisations(id),
  attendance TEXT CHECK (attendance IS NULL OR attendance IN ('present', 'absent_excuse', 'absent_non_excuse')),
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX appointments_person ON appointments (person_id, scheduled_at);

CREATE TABLE ep_decisions (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  task_id BIGINT REFERENCES tasks(id),
  decided_on TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('orientation_maintenue', 'reorientation')),
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX ep_decisions_person ON ep_decisions (person_id, id);

ALTER TABLE tasks ADD COLUMN support_id BIGINT REFERENCES supports(id);
ALTER TABLE tasks ADD COLUMN due_on TEXT;
ALTER TABLE tasks ADD COLUMN done_by BIGINT REFERENCES users(id);

-- One row per day the "à faire" digest went out, so that several instances send it once.
CREATE TABLE digest_runs (
  day TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  messages INTEGER NOT NULL DEFAULT 0
);
