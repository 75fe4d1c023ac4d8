-- Axe 1, the base of social resources (seed 003 annexe 1): structures and services in the
-- fields of the data·inclusion schema v1, filed under the sub-themes of the convention's 7
-- problématiques; the sub-themes and their mapping to data·inclusion thématiques are data that
-- admin edits. Lists are stored as '|a|b|' text (empty: ''), so a LIKE '%|code|%' filters them
-- on both backends; the zone and the sub-themes also have their own indexed tables.
-- @all
CREATE TABLE resource_problematiques (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE resource_sub_themes (
  code TEXT PRIMARY KEY,
  problematique TEXT NOT NULL REFERENCES resource_problematiques(code),
  label TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE resource_sub_theme_thematiques (
  sub_theme TEXT NOT NULL REFERENCES resource_sub_themes(code),
  thematique TEXT NOT NULL,
  PRIMARY KEY (sub_theme, thematique)
);

CREATE TABLE resource_structures (
  id {{PK}},
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  departement TEXT NOT NULL REFERENCES departements(code),
  nom TEXT NOT NULL,
  description TEXT NOT NULL,
  siret TEXT,
  adresse TEXT,
  complement_adresse TEXT,
  code_postal TEXT,
  commune TEXT,
  code_insee TEXT,
  telephone TEXT,
  courriel TEXT,
  site_web TEXT,
  horaires_accueil TEXT,
  reseaux_porteurs TEXT NOT NULL DEFAULT '',
  date_maj TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX resource_structures_dep ON resource_structures (departement, nom);

CREATE TABLE resource_services (
  id {{PK}},
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  structure_id BIGINT NOT NULL REFERENCES resource_structures(id),
  departement TEXT NOT NULL REFERENCES departements(code),
  territory_id BIGINT REFERENCES territories(id),
  nom TEXT NOT NULL,
  description TEXT NOT NULL,
  type TEXT,
  thematiques TEXT NOT NULL DEFAULT '',
  frais TEXT,
  frais_precisions TEXT,
  publics TEXT NOT NULL DEFAULT '',
  publics_precisions TEXT,
  conditions_acces TEXT,
  adresse TEXT,
  complement_adresse TEXT,
  code_postal TEXT,
  commune TEXT,
  code_insee TEXT,
  telephone TEXT,
  courriel TEXT,
  contact_nom_prenom TEXT,
  modes_accueil TEXT NOT NULL DEFAULT '',
  zone_eligibilite TEXT NOT NULL DEFAULT '',
  modes_mobilisation TEXT NOT NULL DEFAULT '',
  mobilisable_par TEXT NOT NULL DEFAULT '',
  mobilisation_precisions TEXT,
  lien_mobilisation TEXT,
  horaires_accueil TEXT,
  date_maj TEXT NOT NULL,
  update_every_months INTEGER NOT NULL DEFAULT 3 CHECK (update_every_months BETWEEN 1 AND 12),
  due_on TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('brouillon', 'valide', 'publie', 'archive')),
  validated_departement_by BIGINT REFERENCES users(id),
  validated_departement_at TEXT,
  validated_france_travail_by BIGINT REFERENCES users(id),
  validated_france_travail_at TEXT,
  published_at TEXT,
  archived_at TEXT,
  search_name TEXT NOT NULL,
  search_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX resource_services_dep_state ON resource_services (departement, state, due_on);
CREATE INDEX resource_services_structure ON resource_services (structure_id);

CREATE TABLE resource_service_sub_themes (
  service_id BIGINT NOT NULL REFERENCES resource_services(id),
  sub_theme TEXT NOT NULL REFERENCES resource_sub_themes(code),
  PRIMARY KEY (service_id, sub_theme)
);
CREATE INDEX resource_service_sub_themes_code ON resource_service_sub_themes (sub_theme, service_id);

CREATE TABLE resource_service_zone (
  service_id BIGINT NOT NULL REFERENCES resource_services(id),
  code TEXT NOT NULL,
  PRIMARY KEY (service_id, code)
);
CREATE INDEX resource_service_zone_code ON resource_service_zone (code, service_id);

-- A person linked to a service during the support: structured facts only, no free text.
CREATE TABLE person_resource_actions (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  service_id BIGINT NOT NULL REFERENCES resource_services(id),
  problematique TEXT NOT NULL REFERENCES resource_problematiques(code),
  status TEXT NOT NULL CHECK (status IN ('proposee', 'realisee', 'abandonnee')),
  proposed_on TEXT NOT NULL,
  done_on TEXT,
  abandoned_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX person_resource_actions_person ON person_resource_actions (person_id, id);

INSERT INTO resource_problematiques (code, label, position) VALUES ('se_loger', 'Se loger', 1);
INSERT INTO resource_problematiques (code, label, position) VALUES ('se_deplacer', 'Se déplacer', 2);
INSERT INTO resource_problematiques (code, label, position) VALUES ('se_soigner', 'Se soigner', 3);
INSERT INTO resource_problematiques (code, label, position) VALUES ('difficultes_financieres', 'Faire face à des difficultés financières', 4);
INSERT INTO resource_problematiques (code, label, position) VALUES ('difficultes_administratives', 'Faire face à des difficultés administratives, juridiques et judiciaires', 5);
INSERT INTO resource_problematiques (code, label, position) VALUES ('contraintes_familiales', 'Surmonter des contraintes familiales', 6);
INSERT INTO resource_problematiques (code, label, position) VALUES ('lien_social', 'Lien social et communication', 7);
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_loger.acceder_logement', 'se_loger', 'Accéder à un logement', 1);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_loger.acceder_logement', 'logement-hebergement--louer-un-logement');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_loger.acceder_logement', 'logement-hebergement--changer-de-logement');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_loger.acceder_logement', 'logement-hebergement--acheter-un-logement');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_loger.acceder_logement', 'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_loger.hebergement', 'se_loger', 'Trouver un hébergement d''urgence ou temporaire', 2);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_loger.hebergement', 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_loger.maintien', 'se_loger', 'Se maintenir dans son logement (impayés, expulsion)', 3);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_loger.maintien', 'logement-hebergement--se-maintenir-dans-le-logement');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_loger.maintien', 'logement-hebergement--reduire-les-impayes-de-loyer');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_deplacer.permis', 'se_deplacer', 'Passer le permis de conduire', 1);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_deplacer.permis', 'mobilite--preparer-un-permis');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_deplacer.vehicule', 'se_deplacer', 'Accéder à un véhicule, le réparer', 2);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_deplacer.vehicule', 'mobilite--acceder-a-un-vehicule');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_deplacer.vehicule', 'mobilite--entretenir-reparer-son-vehicule');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_deplacer.financer', 'se_deplacer', 'Financer ses déplacements', 3);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_deplacer.financer', 'mobilite--financer-ma-mobilite');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_deplacer.accompagnement', 'se_deplacer', 'Être accompagné, utiliser les transports', 4);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_deplacer.accompagnement', 'mobilite--etre-accompagne-dans-son-parcours-mobilite');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_deplacer.accompagnement', 'mobilite--mobilite-douce-partagee-collective');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_soigner.acces_soins', 'se_soigner', 'Accéder aux soins et à une couverture santé', 1);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_soigner.acces_soins', 'sante--acces-aux-soins');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_soigner.acces_soins', 'sante--sante-sexuelle');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_soigner.sante_mentale', 'se_soigner', 'Santé mentale et addictions', 2);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_soigner.sante_mentale', 'sante--sante-mentale');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_soigner.sante_mentale', 'sante--addictions');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('se_soigner.handicap', 'se_soigner', 'Faire reconnaître un handicap (MDPH)', 3);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('se_soigner.handicap', 'sante--constituer-un-dossier-mdph-invalidite');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('difficultes_financieres.budget', 'difficultes_financieres', 'Être aidé à gérer son budget', 1);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.budget', 'difficultes-financieres--acquerir-une-autonomie-budgetaire');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.budget', 'difficultes-financieres--ameliorer-sa-gestion-budgetaire');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.budget', 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.budget', 'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('difficultes_financieres.aides', 'difficultes_financieres', 'Obtenir des aides', 2);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.aides', 'equipement-et-alimentation--alimentation');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.aides', 'equipement-et-alimentation--habillement');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.aides', 'equipement-et-alimentation--electromenager');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.aides', 'equipement-et-alimentation--aide-menagere');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('difficultes_financieres.surendettement', 'difficultes_financieres', 'Constituer un dossier de surendettement', 3);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_financieres.surendettement', 'difficultes-financieres--situation-dendettement-surendettement');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('difficultes_administratives.demarches', 'difficultes_administratives', 'Être accompagné dans ses démarches administratives', 1);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_administratives.demarches', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_administratives.demarches', 'numerique--acceder-a-des-services-en-ligne');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('difficultes_administratives.droits', 'difficultes_administratives', 'Accéder à ses droits', 2);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_administratives.droits', 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_administratives.droits', 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_administratives.droits', 'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_administratives.droits', 'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('difficultes_administratives.judiciaire', 'difficultes_administratives', 'Faire face à une procédure judiciaire', 3);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('difficultes_administratives.judiciaire', 'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('contraintes_familiales.garde_enfants', 'contraintes_familiales', 'Faire garder ses enfants', 1);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('contraintes_familiales.garde_enfants', 'famille--garde-denfants');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('contraintes_familiales.parentalite', 'contraintes_familiales', 'Être soutenu dans son rôle de parent', 2);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('contraintes_familiales.parentalite', 'famille--soutien-a-la-parentalite-et-a-leducation');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('contraintes_familiales.aidants', 'contraintes_familiales', 'S''occuper d''un proche dépendant', 3);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('contraintes_familiales.aidants', 'famille--prise-en-charge-personne-dependante');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('contraintes_familiales.aidants', 'famille--soutien-aidants');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('contraintes_familiales.separation_violences', 'contraintes_familiales', 'Faire face à une séparation ou à des violences', 4);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('contraintes_familiales.separation_violences', 'famille--surmonter-conflits-separation-violence');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('lien_social.isolement', 'lien_social', 'Rompre l''isolement', 1);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.isolement', 'remobilisation--lien-social');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.isolement', 'remobilisation--activites-sportives-et-culturelles');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.isolement', 'remobilisation--benevolat-action-citoyenne');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('lien_social.confiance', 'lien_social', 'Reprendre confiance en soi', 2);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.confiance', 'remobilisation--bien-etre-confiance-en-soi');
INSERT INTO resource_sub_themes (code, problematique, label, position) VALUES ('lien_social.communication', 'lien_social', 'Maîtriser le français et le numérique', 3);
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.communication', 'lecture-ecriture-calcul--maitriser-le-francais');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.communication', 'lecture-ecriture-calcul--maitriser-le-calcul');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.communication', 'numerique--maitriser-les-fondamentaux-du-numerique');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.communication', 'numerique--acceder-a-une-connexion-internet');
INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES ('lien_social.communication', 'numerique--acquerir-un-equipement');

-- Free-text search over a folded copy (lower case, no accents, œ -> oe: domain::fold_for_search)
-- of the name and the body, so both backends need nothing beyond their defaults: SQLite's FTS5
-- (name weighted over body by bm25), PostgreSQL's 'simple' text search on a stored tsvector.
-- @sqlite
CREATE VIRTUAL TABLE resource_services_fts USING fts5(name, body, tokenize = 'unicode61 remove_diacritics 2');
-- @postgres
ALTER TABLE resource_services ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', search_name), 'A') || setweight(to_tsvector('simple', search_body), 'B')) STORED;
CREATE INDEX resource_services_search ON resource_services USING GIN (search_vector);
