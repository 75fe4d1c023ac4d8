-- Convention profiles: the rules of each département's convention, as versioned data.
-- @all
CREATE TABLE convention_profiles (
  id {{PK}},
  code TEXT NOT NULL UNIQUE,
  departement TEXT NOT NULL REFERENCES departements(code),
  label TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX convention_profiles_departement ON convention_profiles (departement, valid_from);

-- The party signing for the Département, by date (a successor keeps the profile's history).
CREATE TABLE convention_parties (
  profile_id BIGINT NOT NULL REFERENCES convention_profiles(id),
  name TEXT NOT NULL,
  from_date TEXT NOT NULL,
  PRIMARY KEY (profile_id, from_date)
);

-- Every change is a new version, in force from its date; none is ever updated or deleted,
-- so "before" and "after" of each change stay readable.
CREATE TABLE convention_profile_versions (
  id {{PK}},
  profile_id BIGINT NOT NULL REFERENCES convention_profiles(id),
  effective_from TEXT NOT NULL,
  rules TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX convention_profile_versions_profile ON convention_profile_versions (profile_id, effective_from, id);

-- The four conventions of the seeds.
INSERT INTO departements (code, name) VALUES ('62', 'Pas-de-Calais') ON CONFLICT (code) DO NOTHING;
INSERT INTO departements (code, name) VALUES ('67', 'Bas-Rhin') ON CONFLICT (code) DO NOTHING;
INSERT INTO departements (code, name) VALUES ('68', 'Haut-Rhin') ON CONFLICT (code) DO NOTHING;
INSERT INTO departements (code, name) VALUES ('77', 'Seine-et-Marne') ON CONFLICT (code) DO NOTHING;
INSERT INTO convention_profiles (code, departement, label, valid_from, valid_to) VALUES ('68-2020', '68', 'Haut-Rhin × Pôle emploi, convention 2020-2021 (seed 000)', '2020-01-01', '2021-12-31');
INSERT INTO convention_parties (profile_id, name, from_date) SELECT id, 'Département du Haut-Rhin', '2020-01-01' FROM convention_profiles WHERE code = '68-2020';
INSERT INTO convention_parties (profile_id, name, from_date) SELECT id, 'Collectivité européenne d''Alsace', '2021-01-01' FROM convention_profiles WHERE code = '68-2020';
INSERT INTO convention_profile_versions (profile_id, effective_from, rules, changed_by, changed_at) SELECT id, '2020-01-01', '{"decision_modes": ["diagnostic_partage"], "tacit_publics": [], "entry_deadline_days": 21, "alert_days_before_deadline": 7, "axe2": {"initial_months": [6], "renewal_months": [6], "max_renewals": null, "max_total_months": null, "review_months": 6, "in_work_followup_months": 2}, "portfolio_min": 70, "portfolio_max": 100, "brsa_share_target_pct": 65, "new_entries_per_binome_year": null, "axe3": {"duration_months": 6, "max_renewals": 1, "max_total_months": null, "quota_per_service_year": null, "quota_total_year": null, "validated_by": "Département (CTSA)"}, "metiers_en_tension": [], "dedicated_counsellors_etp": 14, "retention": {"fiche_years_after_convention_end": 10, "application_data_months": null, "flow_data_months": null, "exchange_files_days": 90}}', 'données initiales (seeds)', '2026-11-22T00:00:00Z' FROM convention_profiles WHERE code = '68-2020';
INSERT INTO convention_profiles (code, departement, label, valid_from, valid_to) VALUES ('77-2015', '77', 'Seine-et-Marne × Pôle emploi, convention 2015-2018 (seeds 001, 004)', '2015-11-01', '2018-12-31');
INSERT INTO convention_parties (profile_id, name, from_date) SELECT id, 'Département de Seine-et-Marne', '2015-11-01' FROM convention_profiles WHERE code = '77-2015';
INSERT INTO convention_profile_versions (profile_id, effective_from, rules, changed_by, changed_at) SELECT id, '2015-11-01', '{"decision_modes": ["diagnostic_partage"], "tacit_publics": [], "entry_deadline_days": null, "alert_days_before_deadline": 7, "axe2": {"initial_months": [6], "renewal_months": [6], "max_renewals": null, "max_total_months": 18, "review_months": 6, "in_work_followup_months": 2}, "portfolio_min": 70, "portfolio_max": 100, "brsa_share_target_pct": null, "new_entries_per_binome_year": null, "axe3": {"duration_months": 6, "max_renewals": 1, "max_total_months": null, "quota_per_service_year": 24, "quota_total_year": 336, "validated_by": "Département (MDS)"}, "metiers_en_tension": [], "dedicated_counsellors_etp": 22, "retention": {"fiche_years_after_convention_end": 10, "application_data_months": null, "flow_data_months": null, "exchange_files_days": 90}}', 'données initiales (seeds)', '2026-11-22T00:00:00Z' FROM convention_profiles WHERE code = '77-2015';
INSERT INTO convention_profiles (code, departement, label, valid_from, valid_to) VALUES ('67-2021', '67', 'Bas-Rhin × Pôle emploi, convention 2021 (seed 002) — signée par le Département du Bas-Rhin, auquel la Collectivité européenne d''Alsace succède', '2021-01-01', '2021-12-31');
INSERT INTO convention_parties (profile_id, name, from_date) SELECT id, 'Collectivité européenne d''Alsace', '2021-01-01' FROM convention_profiles WHERE code = '67-2021';
INSERT INTO convention_profile_versions (profile_id, effective_from, rules, changed_by, changed_at) SELECT id, '2021-01-01', '{"decision_modes": ["diagnostic_partage", "confiance_reciproque"], "tacit_publics": [], "entry_deadline_days": 21, "alert_days_before_deadline": 7, "axe2": {"initial_months": [6], "renewal_months": [6], "max_renewals": 1, "max_total_months": 12, "review_months": 6, "in_work_followup_months": 2}, "portfolio_min": 70, "portfolio_max": null, "brsa_share_target_pct": null, "new_entries_per_binome_year": null, "axe3": {"duration_months": 6, "max_renewals": 0, "max_total_months": 6, "quota_per_service_year": null, "quota_total_year": null, "validated_by": "Département (UTAMS)"}, "metiers_en_tension": [], "dedicated_counsellors_etp": 20, "retention": {"fiche_years_after_convention_end": 10, "application_data_months": null, "flow_data_months": null, "exchange_files_days": 90}}', 'données initiales (seeds)', '2026-11-22T00:00:00Z' FROM convention_profiles WHERE code = '67-2021';
INSERT INTO convention_profiles (code, departement, label, valid_from, valid_to) VALUES ('62-2024', '62', 'Pas-de-Calais × France Travail, convention 2024-2025 (seed 003)', '2024-01-01', '2025-12-31');
INSERT INTO convention_parties (profile_id, name, from_date) SELECT id, 'Département du Pas-de-Calais', '2024-01-01' FROM convention_profiles WHERE code = '62-2024';
INSERT INTO convention_profile_versions (profile_id, effective_from, rules, changed_by, changed_at) SELECT id, '2024-01-01', '{"decision_modes": ["accord_tacite", "accord_bilateral"], "tacit_publics": ["brsa_oriente_ft", "nouvel_entrant_rsa", "de_non_brsa", "metier_en_tension"], "entry_deadline_days": 21, "alert_days_before_deadline": 7, "axe2": {"initial_months": [6, 12], "renewal_months": [6, 12], "max_renewals": null, "max_total_months": 18, "review_months": 6, "in_work_followup_months": 2}, "portfolio_min": 70, "portfolio_max": 100, "brsa_share_target_pct": 80, "new_entries_per_binome_year": 100, "axe3": {"duration_months": 6, "max_renewals": 1, "max_total_months": 24, "quota_per_service_year": null, "quota_total_year": null, "validated_by": "Président du Conseil départemental ou son représentant"}, "metiers_en_tension": ["G1501", "G1502", "G1602", "G1604", "G1603", "G1605", "G1703", "G1801", "J1301", "J1501", "J1503", "J1504", "J1505", "J1506", "J1507", "K1207", "K1301", "K1302", "N4101", "N4102", "N4103", "N4105"], "dedicated_counsellors_etp": 50, "retention": {"fiche_years_after_convention_end": 10, "application_data_months": 12, "flow_data_months": 2, "exchange_files_days": 90}}', 'données initiales (seeds)', '2026-11-22T00:00:00Z' FROM convention_profiles WHERE code = '62-2024';
