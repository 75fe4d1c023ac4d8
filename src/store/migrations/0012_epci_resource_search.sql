-- Axe 1: EPCI in the zones d'éligibilité, and a resource search bounded by its page.
-- The membership of communes in their EPCI à fiscalité propre is data that admin loads
-- (`binome communes import`, `PUT /api/v1/admin/communes`): no official list ships offline. A commune
-- belongs to at most one EPCI à fiscalité propre, hence the commune as key; an EPCI may span
-- two départements, hence (département, SIREN) as its key, each département loading its own.
-- @all
CREATE TABLE epcis (
  departement TEXT NOT NULL REFERENCES departements(code),
  siren TEXT NOT NULL,
  nom TEXT NOT NULL,
  PRIMARY KEY (departement, siren)
);

CREATE TABLE communes (
  code_insee TEXT PRIMARY KEY,
  nom TEXT NOT NULL,
  code_postal TEXT NOT NULL,
  departement TEXT NOT NULL REFERENCES departements(code),
  epci TEXT
);
CREATE INDEX communes_departement ON communes (departement, nom);
CREATE INDEX communes_epci ON communes (epci, code_insee);

-- The ranking of a filtered search reads (state, due_on, name) from this index, not the rows.
CREATE INDEX resource_services_rank ON resource_services (departement, state, nom, id, due_on);
