// Axe 1, the base of social resources (seed 003 art. 2.2 and annexe 1; seed 002 and seed 000
// axe 1): structures and their services in the fields of the data·inclusion schema v1, each
// service also filed under the sub-themes of the convention's 7 problématiques; a life cycle
// brouillon → validé by both sides → publié → archivé; a refresh at least every 3 months.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/organisation.hpp"
#include "domain/scope.hpp"
#include "domain/time.hpp"

namespace binome::domain {

struct ResourceStructure {
  std::int64_t id = 0;
  std::string source, source_id;  // data·inclusion "source" and "id": the import key
  std::string departement;
  std::string nom, description;
  std::optional<std::string> siret, adresse, complement_adresse, code_postal, commune, code_insee,
      telephone, courriel, site_web, horaires_accueil;
  std::vector<std::string> reseaux_porteurs;
  std::string date_maj;  // YYYY-MM-DD
};

enum class ResourceState { brouillon, valide, publie, archive };
std::string_view to_string(ResourceState s);
std::string_view label_fr(ResourceState s);
std::optional<ResourceState> parse_resource_state(std::string_view text);

struct ResourceService {
  std::int64_t id = 0;
  std::string source, source_id;
  std::int64_t structure_id = 0;
  std::string structure_source_id;  // the structure's data·inclusion id, same source
  std::string departement;
  std::optional<std::int64_t> territory_id;  // none: the whole département
  std::string nom, description;
  std::optional<std::string> type, frais, frais_precisions, publics_precisions, conditions_acces,
      adresse, complement_adresse, code_postal, commune, code_insee, telephone, courriel,
      contact_nom_prenom, mobilisation_precisions, lien_mobilisation, horaires_accueil;
  std::vector<std::string> thematiques, publics, modes_accueil, zone_eligibilite,
      modes_mobilisation, mobilisable_par;
  std::vector<std::string> sub_themes;  // codes of the convention's sub-themes
  std::string date_maj;                 // YYYY-MM-DD, the last update of its content
  int update_every_months = 3;          // seed 003 annexe 1: "à minima tous les 3 mois"

  ResourceState state = ResourceState::brouillon;
  std::optional<std::int64_t> validated_departement_by, validated_france_travail_by;
  std::optional<std::string> validated_departement_at, validated_france_travail_at, published_at,
      archived_at;
};

// Every problem of a record at once, fields named as in the data·inclusion schema.
FieldErrors validate(const ResourceStructure& s, Date today);
FieldErrors validate(const ResourceService& s, const std::set<std::string>& known_sub_themes,
                     Date today);

// Checks used by the validators, exposed for the tests and the import.
bool is_valid_siret(std::string_view siret);
bool is_commune_code(std::string_view code);      // 5 characters: 62041, 2A004
bool is_departement_code(std::string_view code);  // 2 or 3 characters: 62, 2A, 974
bool is_epci_code(std::string_view code);         // SIREN of an EPCI: 9 digits, Luhn key
// The département of a commune code: "62041" -> "62", "97411" -> "974".
std::string departement_of_commune(std::string_view code);

// Freshness: the date the next update is due, and whether it is past on `today`.
Date update_due_on(const std::string& date_maj, int months);
bool is_stale(const ResourceService& s, Date today);

// Life cycle. The two sides of the partnership each validate once: the Département's
// services (and the Département itself) and France Travail (agences, direction). Partners
// and the roles that never support people do not validate.
enum class ResourceSide { departement, france_travail };
std::optional<ResourceSide> side_of(const Actor& actor);
std::string_view label_fr(ResourceSide side);
// Who may create and edit services of their département (conseillers, référents sociaux and
// coordinateurs of either side); partners' users and pilotage/admin/dpo read only.
bool may_edit_resources(const Actor& actor);
// Who may link a person to a service: those who see named persons (then scoped by Reach).
// Everybody with an account reads the published base: resources are not personal data.
bool may_link_resources(const Actor& actor);

// A validation by one side, applied to the service; throws DomainError (conflict) when the
// state or side forbids it. When both sides have validated, the service becomes validé.
void apply_validation(ResourceService& s, const Actor& actor, const std::string& now);
void apply_publication(ResourceService& s, const std::string& now);
void apply_archive(ResourceService& s, const std::string& now);
// A change of content: the validations are withdrawn and the service goes back to brouillon.
void apply_edit(ResourceService& s);

}  // namespace binome::domain
