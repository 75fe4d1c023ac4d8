-- A coordinator's « Mes personnes » counted and sorted the whole territory (10 000 persons on
-- the bench base) to show 20 of them: 19 ms on SQLite, 10 ms on PostgreSQL, each page. The
-- indexes of a territory, an agence and a département now hold the persons in the list's order,
-- with the two columns of its condition (neither restricted nor anonymised): the page reads 20
-- entries and the count reads the index alone. They replace the one-column indexes, which they
-- extend. (Partial indexes on that condition were tried first: SQLite's planner, once ANALYZE
-- had run, kept the one-column index for the count.)
DROP INDEX persons_territory;
DROP INDEX persons_agence;
DROP INDEX persons_departement;
CREATE INDEX persons_territory_name
  ON persons (territory_id, last_name, first_name, id, restricted_at, anonymised_at);
CREATE INDEX persons_agence_name
  ON persons (agence_id, last_name, first_name, id, restricted_at, anonymised_at);
CREATE INDEX persons_departement_name
  ON persons (departement, last_name, first_name, id, restricted_at, anonymised_at);
