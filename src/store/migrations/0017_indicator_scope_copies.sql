-- The governance indicators at the scale of a département (issue 9, item 2): the supports and
-- the orientations (and axe 3 supports) carry a copy of what their person's current fiche says about scope and
-- typology (and a support the day of its orientation), so that the indicator counts read one
-- table through a date index instead of joining every row to its person.
-- The copies are kept by triggers, not by the application: every write path (services, flows,
-- purge and anonymisation, demo and synthetic loaders, restore, raw SQL of a bulk load) keeps
-- them equal to the fiche in the same transaction. A copy written by hand is overwritten.
-- @all
ALTER TABLE supports ADD COLUMN person_departement TEXT;
ALTER TABLE supports ADD COLUMN person_territory_id BIGINT;
ALTER TABLE supports ADD COLUMN person_agence_id BIGINT;
ALTER TABLE supports ADD COLUMN person_conseiller_id BIGINT;
ALTER TABLE supports ADD COLUMN person_referent_social_id BIGINT;
ALTER TABLE supports ADD COLUMN person_brsa INTEGER;
ALTER TABLE supports ADD COLUMN person_rqth INTEGER;
ALTER TABLE supports ADD COLUMN person_birth_date TEXT;
ALTER TABLE supports ADD COLUMN oriented_on TEXT;
ALTER TABLE orientations ADD COLUMN person_departement TEXT;
ALTER TABLE orientations ADD COLUMN person_territory_id BIGINT;
ALTER TABLE orientations ADD COLUMN person_agence_id BIGINT;
ALTER TABLE orientations ADD COLUMN person_conseiller_id BIGINT;
ALTER TABLE orientations ADD COLUMN person_referent_social_id BIGINT;
ALTER TABLE social_supports ADD COLUMN person_departement TEXT;
ALTER TABLE social_supports ADD COLUMN person_territory_id BIGINT;
ALTER TABLE social_supports ADD COLUMN person_agence_id BIGINT;
ALTER TABLE social_supports ADD COLUMN person_conseiller_id BIGINT;
ALTER TABLE social_supports ADD COLUMN person_referent_social_id BIGINT;

-- Backfill of the existing rows.
UPDATE supports SET
  person_departement = (SELECT p.departement FROM persons p WHERE p.id = supports.person_id),
  person_territory_id = (SELECT p.territory_id FROM persons p WHERE p.id = supports.person_id),
  person_agence_id = (SELECT p.agence_id FROM persons p WHERE p.id = supports.person_id),
  person_conseiller_id = (SELECT p.conseiller_id FROM persons p WHERE p.id = supports.person_id),
  person_referent_social_id =
    (SELECT p.referent_social_id FROM persons p WHERE p.id = supports.person_id),
  person_brsa = (SELECT p.brsa FROM persons p WHERE p.id = supports.person_id),
  person_rqth = (SELECT p.rqth FROM persons p WHERE p.id = supports.person_id),
  person_birth_date = (SELECT p.birth_date FROM persons p WHERE p.id = supports.person_id),
  oriented_on = (SELECT o.oriented_on FROM orientations o WHERE o.id = supports.orientation_id);
UPDATE orientations SET
  person_departement = (SELECT p.departement FROM persons p WHERE p.id = orientations.person_id),
  person_territory_id = (SELECT p.territory_id FROM persons p WHERE p.id = orientations.person_id),
  person_agence_id = (SELECT p.agence_id FROM persons p WHERE p.id = orientations.person_id),
  person_conseiller_id =
    (SELECT p.conseiller_id FROM persons p WHERE p.id = orientations.person_id),
  person_referent_social_id =
    (SELECT p.referent_social_id FROM persons p WHERE p.id = orientations.person_id);
UPDATE social_supports SET
  person_departement = (SELECT p.departement FROM persons p WHERE p.id = social_supports.person_id),
  person_territory_id = (SELECT p.territory_id FROM persons p WHERE p.id = social_supports.person_id),
  person_agence_id = (SELECT p.agence_id FROM persons p WHERE p.id = social_supports.person_id),
  person_conseiller_id =
    (SELECT p.conseiller_id FROM persons p WHERE p.id = social_supports.person_id),
  person_referent_social_id =
    (SELECT p.referent_social_id FROM persons p WHERE p.id = social_supports.person_id);

-- The counts' access paths, by scope column, each holding every column its count reads (no
-- row is fetched from the table): "binome" for the supports in progress at the end of a
-- period, read in binôme order so that grouping needs no sort; "start" for the entries, their
-- delays and the twelve-month cohort; "exit" for the département's exits (a territory's or
-- an agence's are read from "binome"). A counsellor's supports, entries and delays included,
-- are found by the département's "binome" index (département and counsellor lead it), their
-- orientations by their own. The
-- territory's and agence's indexes end with the columns a coordinateur's reach adds.
CREATE INDEX supports_ind_dep_binome ON supports (person_departement, person_conseiller_id,
  person_referent_social_id, exit_date, start_date, person_brsa, person_rqth, person_birth_date,
  exit_outcome, oriented_on);
CREATE INDEX supports_ind_dep_start ON supports (person_departement, start_date, oriented_on,
  exit_date, exit_outcome, person_conseiller_id, person_referent_social_id);
CREATE INDEX supports_ind_dep_exit ON supports (person_departement, exit_date, start_date,
  exit_outcome);
CREATE INDEX supports_ind_territory_binome ON supports (person_territory_id,
  person_conseiller_id, person_referent_social_id, exit_date, start_date, person_brsa,
  person_rqth, person_birth_date, exit_outcome, person_departement, oriented_on);
CREATE INDEX supports_ind_territory_start ON supports (person_territory_id, start_date,
  oriented_on, exit_date, exit_outcome, person_conseiller_id, person_referent_social_id,
  person_departement);
CREATE INDEX supports_ind_agence_binome ON supports (person_agence_id, person_conseiller_id,
  person_referent_social_id, exit_date, start_date, person_brsa, person_rqth, person_birth_date,
  exit_outcome, person_departement, person_territory_id, oriented_on);
CREATE INDEX supports_ind_agence_start ON supports (person_agence_id, start_date, oriented_on,
  exit_date, exit_outcome, person_conseiller_id, person_referent_social_id, person_departement,
  person_territory_id);
CREATE INDEX orientations_ind_departement ON orientations (person_departement, oriented_on,
  origin);
CREATE INDEX orientations_ind_territory ON orientations (person_territory_id, oriented_on,
  origin, person_departement);
CREATE INDEX orientations_ind_agence ON orientations (person_agence_id, oriented_on, origin,
  person_departement, person_territory_id);
CREATE INDEX orientations_ind_conseiller ON orientations (person_conseiller_id, oriented_on);
CREATE INDEX social_supports_ind_departement ON social_supports (person_departement,
  start_date, end_date, service_org_id);

-- @sqlite
-- SQLite cannot change NEW in a BEFORE trigger: the row is completed right after its write.
-- recursive_triggers is off, so these UPDATEs do not fire their own trigger again.
CREATE TRIGGER supports_copy_on_insert AFTER INSERT ON supports
BEGIN
  UPDATE supports SET
    (person_departement, person_territory_id, person_agence_id, person_conseiller_id,
     person_referent_social_id, person_brsa, person_rqth, person_birth_date) =
    (SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id,
            p.brsa, p.rqth, p.birth_date FROM persons p WHERE p.id = NEW.person_id),
    oriented_on = (SELECT o.oriented_on FROM orientations o WHERE o.id = NEW.orientation_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER supports_copy_on_update AFTER UPDATE OF person_id, orientation_id,
  person_departement, person_territory_id, person_agence_id, person_conseiller_id,
  person_referent_social_id, person_brsa, person_rqth, person_birth_date, oriented_on ON supports
BEGIN
  UPDATE supports SET
    (person_departement, person_territory_id, person_agence_id, person_conseiller_id,
     person_referent_social_id, person_brsa, person_rqth, person_birth_date) =
    (SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id,
            p.brsa, p.rqth, p.birth_date FROM persons p WHERE p.id = NEW.person_id),
    oriented_on = (SELECT o.oriented_on FROM orientations o WHERE o.id = NEW.orientation_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER orientations_copy_on_insert AFTER INSERT ON orientations
BEGIN
  UPDATE orientations SET
    (person_departement, person_territory_id, person_agence_id, person_conseiller_id,
     person_referent_social_id) =
    (SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id
     FROM persons p WHERE p.id = NEW.person_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER social_supports_copy_on_insert AFTER INSERT ON social_supports
BEGIN
  UPDATE social_supports SET
    (person_departement, person_territory_id, person_agence_id, person_conseiller_id,
     person_referent_social_id) =
    (SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id
     FROM persons p WHERE p.id = NEW.person_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER orientations_copy_on_update AFTER UPDATE OF person_id, person_departement,
  person_territory_id, person_agence_id, person_conseiller_id, person_referent_social_id
  ON orientations
BEGIN
  UPDATE orientations SET
    (person_departement, person_territory_id, person_agence_id, person_conseiller_id,
     person_referent_social_id) =
    (SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id
     FROM persons p WHERE p.id = NEW.person_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER social_supports_copy_on_update AFTER UPDATE OF person_id, person_departement,
  person_territory_id, person_agence_id, person_conseiller_id, person_referent_social_id
  ON social_supports
BEGIN
  UPDATE social_supports SET
    (person_departement, person_territory_id, person_agence_id, person_conseiller_id,
     person_referent_social_id) =
    (SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id
     FROM persons p WHERE p.id = NEW.person_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER orientations_date_to_supports AFTER UPDATE OF oriented_on ON orientations
BEGIN
  UPDATE supports SET oriented_on = NEW.oriented_on WHERE orientation_id = NEW.id;
END;
CREATE TRIGGER persons_fiche_to_copies AFTER UPDATE OF departement, territory_id, agence_id,
  conseiller_id, referent_social_id, brsa, rqth, birth_date ON persons
BEGIN
  UPDATE supports SET person_departement = NEW.departement,
    person_territory_id = NEW.territory_id, person_agence_id = NEW.agence_id,
    person_conseiller_id = NEW.conseiller_id, person_referent_social_id = NEW.referent_social_id,
    person_brsa = NEW.brsa, person_rqth = NEW.rqth, person_birth_date = NEW.birth_date
  WHERE person_id = NEW.id;
  UPDATE orientations SET person_departement = NEW.departement,
    person_territory_id = NEW.territory_id, person_agence_id = NEW.agence_id,
    person_conseiller_id = NEW.conseiller_id, person_referent_social_id = NEW.referent_social_id
  WHERE person_id = NEW.id;
  UPDATE social_supports SET person_departement = NEW.departement,
    person_territory_id = NEW.territory_id, person_agence_id = NEW.agence_id,
    person_conseiller_id = NEW.conseiller_id, person_referent_social_id = NEW.referent_social_id
  WHERE person_id = NEW.id;
END;

-- @postgres
CREATE FUNCTION supports_copy_fiche() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id,
         p.brsa, p.rqth, p.birth_date
    INTO NEW.person_departement, NEW.person_territory_id, NEW.person_agence_id,
         NEW.person_conseiller_id, NEW.person_referent_social_id, NEW.person_brsa,
         NEW.person_rqth, NEW.person_birth_date
    FROM persons p WHERE p.id = NEW.person_id;
  SELECT o.oriented_on INTO NEW.oriented_on FROM orientations o WHERE o.id = NEW.orientation_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER supports_copy_fiche BEFORE INSERT OR UPDATE OF person_id, orientation_id,
  person_departement, person_territory_id, person_agence_id, person_conseiller_id,
  person_referent_social_id, person_brsa, person_rqth, person_birth_date, oriented_on ON supports
FOR EACH ROW EXECUTE FUNCTION supports_copy_fiche();

-- Shared by orientations and social_supports (same copied columns).
CREATE FUNCTION orientations_copy_fiche() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.departement, p.territory_id, p.agence_id, p.conseiller_id, p.referent_social_id
    INTO NEW.person_departement, NEW.person_territory_id, NEW.person_agence_id,
         NEW.person_conseiller_id, NEW.person_referent_social_id
    FROM persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER orientations_copy_fiche BEFORE INSERT OR UPDATE OF person_id, person_departement,
  person_territory_id, person_agence_id, person_conseiller_id, person_referent_social_id
  ON orientations
FOR EACH ROW EXECUTE FUNCTION orientations_copy_fiche();
CREATE TRIGGER social_supports_copy_fiche BEFORE INSERT OR UPDATE OF person_id, person_departement,
  person_territory_id, person_agence_id, person_conseiller_id, person_referent_social_id
  ON social_supports
FOR EACH ROW EXECUTE FUNCTION orientations_copy_fiche();

CREATE FUNCTION orientations_date_to_supports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE supports SET oriented_on = NEW.oriented_on WHERE orientation_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER orientations_date_to_supports AFTER UPDATE OF oriented_on ON orientations
FOR EACH ROW EXECUTE FUNCTION orientations_date_to_supports();

CREATE FUNCTION persons_fiche_to_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE supports SET person_departement = NEW.departement,
    person_territory_id = NEW.territory_id, person_agence_id = NEW.agence_id,
    person_conseiller_id = NEW.conseiller_id, person_referent_social_id = NEW.referent_social_id,
    person_brsa = NEW.brsa, person_rqth = NEW.rqth, person_birth_date = NEW.birth_date
  WHERE person_id = NEW.id;
  UPDATE orientations SET person_departement = NEW.departement,
    person_territory_id = NEW.territory_id, person_agence_id = NEW.agence_id,
    person_conseiller_id = NEW.conseiller_id, person_referent_social_id = NEW.referent_social_id
  WHERE person_id = NEW.id;
  UPDATE social_supports SET person_departement = NEW.departement,
    person_territory_id = NEW.territory_id, person_agence_id = NEW.agence_id,
    person_conseiller_id = NEW.conseiller_id, person_referent_social_id = NEW.referent_social_id
  WHERE person_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER persons_fiche_to_copies AFTER UPDATE OF departement, territory_id, agence_id,
  conseiller_id, referent_social_id, brsa, rqth, birth_date ON persons
FOR EACH ROW EXECUTE FUNCTION persons_fiche_to_copies();
