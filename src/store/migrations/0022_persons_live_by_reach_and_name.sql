-- A coordinator's « Mes personnes » counted and sorted the whole territory (10 000 persons on
-- the bench base) to show 20 of them: 19 ms on SQLite, 10 ms on PostgreSQL, each page. These
-- indexes hold the live persons (neither restricted nor anonymised, the list's own condition)
-- of a territory, an agence or a département in the list's order: the page reads 20 entries
-- and the count reads the index alone. A referent's reach already has its two small indexes.
CREATE INDEX persons_live_territory_name ON persons (territory_id, last_name, first_name, id)
  WHERE restricted_at IS NULL AND anonymised_at IS NULL;
CREATE INDEX persons_live_agence_name ON persons (agence_id, last_name, first_name, id)
  WHERE restricted_at IS NULL AND anonymised_at IS NULL;
CREATE INDEX persons_live_departement_name ON persons (departement, last_name, first_name, id)
  WHERE restricted_at IS NULL AND anonymised_at IS NULL;
