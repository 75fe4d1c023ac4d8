// The data items of the three flows (PECGM, PECDH, CGPEM), one id each. The schema tree maps
// every element to its item, so the reader stores values in a flat array, not a DOM.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace binome::flows {

enum class Field : std::size_t {
  none,
  // entete
  fichier,
  periodicite,
  departement,
  date_reference,
  date_fabrication,
  version,
  // fin
  fin_departement,
  fin_date_reference,
  fin_nb_dossier,
  // dossier/individu
  nir,
  nom_naissance,
  nom_marital,
  prenom,
  date_naissance,
  certification_identite,
  commune_residence,
  // dossier/allocataire
  allocataire,
  identifiant_caf,
  identifiant_msa,
  code_pe,
  identifiant_pe,
  // dossier/inscription
  date_debut_ide,
  code_categorie,
  lib_categorie,
  code_situation,
  lib_situation,
  date_cessation_ide,
  motif_cessation_ide,
  lib_cessation_ide,
  date_radiation_ide,
  motif_radiation_ide,
  lib_radiation_ide,
  // dossier/suivi
  principale_nom,
  principale_voie,
  principale_complement,
  principale_code_postal,
  principale_cedex,
  principale_bureau,
  deleguee_nom,
  deleguee_voie,
  deleguee_complement,
  deleguee_code_postal,
  deleguee_cedex,
  deleguee_bureau,
  // dossier/formation, rome-v3
  code_niveau,
  lib_niveau,
  code_secteur,
  lib_secteur,
  code_rome,
  lib_rome,
  // dossier/ppae
  conseiller_pe,
  date_signature,
  date_notification,
  axe_code,
  axe_libelle,
  modalite_code,
  modalite_libelle,
  date_dernier_ent,
  // dossier/orientation, correspondant (CGPEM)
  nature,
  date_decision,
  correspondant,
  corr_organisme,
  corr_service,
  corr_nom,
  corr_prenom,
  corr_telephone,
  corr_email,
  count_
};

inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::count_);

// Values of one record (or of the header and trailer): present flag, text (UTF-8) and the
// line where the element started. Reused from one dossier to the next: no allocation once
// the strings have grown.
struct Values {
  std::array<std::string, kFieldCount> text;
  std::array<bool, kFieldCount> present{};
  std::array<unsigned long, kFieldCount> line{};
  // Set when the element's value broke its XSD type: rules skip it (reported once).
  std::array<bool, kFieldCount> bad{};

  bool has(Field f) const { return present[static_cast<std::size_t>(f)]; }
  // Present and well-typed.
  bool ok(Field f) const { return has(f) && !bad[static_cast<std::size_t>(f)]; }
  const std::string& get(Field f) const { return text[static_cast<std::size_t>(f)]; }
  unsigned long line_of(Field f) const { return line[static_cast<std::size_t>(f)]; }
  void clear() {
    present.fill(false);
    bad.fill(false);
  }
};

}  // namespace binome::flows
