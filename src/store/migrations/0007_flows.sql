-- RSA flows from France Travail (PECGM, PECDH): the imports, the last job-seeker snapshot of
-- each person a file named, and the events a file brought (for the "à faire" list).
-- Only persons followed in binome are kept: dossiers that match nobody are counted, not stored.
-- @all
CREATE TABLE flow_imports (
  id {{PK}},
  kind TEXT NOT NULL CHECK (kind IN ('PECGM', 'PECDH')),
  departement TEXT NOT NULL,
  date_reference TEXT NOT NULL,
  date_fabrication TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  dossiers INTEGER NOT NULL,
  matched INTEGER NOT NULL,
  unmatched INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  events INTEGER NOT NULL,
  forced INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);
CREATE INDEX flow_imports_kind ON flow_imports (kind, departement, date_reference);
CREATE INDEX flow_imports_sha ON flow_imports (file_sha256);

CREATE TABLE job_seeker_snapshots (
  person_id BIGINT PRIMARY KEY REFERENCES persons(id),
  import_id BIGINT NOT NULL REFERENCES flow_imports(id),
  kind TEXT NOT NULL,
  date_reference TEXT NOT NULL,
  nir TEXT,
  code_pe TEXT,
  identifiant_pe TEXT,
  date_debut_ide TEXT,
  code_categorie TEXT,
  date_cessation TEXT,
  motif_cessation TEXT,
  date_radiation TEXT,
  motif_radiation TEXT,
  structure_principale TEXT,
  structure_deleguee TEXT,
  ppae_date_signature TEXT,
  axe TEXT,
  modalite TEXT
);
CREATE INDEX job_seeker_snapshots_nir ON job_seeker_snapshots (nir);

CREATE TABLE flow_events (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  import_id BIGINT NOT NULL REFERENCES flow_imports(id),
  kind TEXT NOT NULL CHECK (kind IN ('inscription', 'cessation', 'radiation', 'changement_site',
                                     'entree_glo', 'sortie_glo')),
  event_date TEXT NOT NULL,
  detail TEXT NOT NULL,
  created_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX flow_events_person ON flow_events (person_id, closed_at);

-- Reconciliation by France Travail id.
CREATE INDEX persons_ft_id ON persons (ft_id);
