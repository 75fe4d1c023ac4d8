#include "domain/resource.hpp"

#include <algorithm>

#include "domain/resource_lists.hpp"
#include "domain/support.hpp"
#include "domain/text.hpp"

namespace binome::domain {
namespace {

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_word(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
}

// Text typed in a form: valid UTF-8, no control character except line breaks and tabs where
// the field is multi-line.
bool clean(std::string_view text, bool multiline) {
  if (!multiline) return is_clean_utf8(text);
  std::string copy(text);
  std::replace_if(
      copy.begin(), copy.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return is_clean_utf8(copy);
}

struct Checker {
  FieldErrors errors;

  void add(const std::string& field, const std::string& rule, const std::string& message) {
    errors.push_back({field, rule, message});
  }
  void text(const std::string& field, const std::string& label, const std::string& value,
            std::size_t min, std::size_t max, bool multiline = false) {
    if (value.empty()) {
      if (min > 0) add(field, "obligatoire", label + " est obligatoire.");
      return;
    }
    if (!clean(value, multiline)) {
      add(field, "caracteres", label + " contient des caractères interdits.");
      return;
    }
    const auto n = utf8_length(value);
    if (n < min || n > max)
      add(field, "longueur",
          label + " doit compter entre " + std::to_string(min) + " et " + std::to_string(max) +
              " caractères (" + std::to_string(n) + " saisis).");
  }
  void opt_text(const std::string& field, const std::string& label,
                const std::optional<std::string>& value, std::size_t max, bool multiline = false) {
    if (!value) return;
    if (value->empty())
      add(field, "vide", label + " est vide : laissez le champ absent (null) ou renseignez-le.");
    else
      text(field, label, *value, 1, max, multiline);
  }
  void nom(const std::string& value) {
    text("nom", "Le nom", value, 3, 150);
    if (!value.empty() && value.back() == '.')
      add("nom", "format", "Le nom ne doit pas se terminer par un point.");
  }
  void date_maj(const std::string& value, Date today) {
    const auto d = parse_date(value);
    if (value.empty())
      add("date_maj", "obligatoire", "La date de mise à jour est obligatoire (AAAA-MM-JJ).");
    else if (!d)
      add("date_maj", "format", "La date de mise à jour doit être une date AAAA-MM-JJ valide.");
    else if (std::chrono::sys_days{*d} > std::chrono::sys_days{today})
      add("date_maj", "date_future", "La date de mise à jour ne peut pas être dans le futur.");
  }
  void address(const std::optional<std::string>& adresse,
               const std::optional<std::string>& complement,
               const std::optional<std::string>& code_postal,
               const std::optional<std::string>& commune,
               const std::optional<std::string>& code_insee) {
    opt_text("adresse", "L'adresse", adresse, 255);
    opt_text("complement_adresse", "Le complément d'adresse", complement, 255);
    opt_text("commune", "La commune", commune, 100);
    if (code_postal && !(code_postal->size() == 5 && all_digits(*code_postal)))
      add("code_postal", "format", "Le code postal doit compter 5 chiffres.");
    if (code_insee && !is_commune_code(*code_insee))
      add("code_insee", "format",
          "Le code INSEE de la commune doit compter 5 caractères (ex. 62041, 2A004).");
  }
  void contact(const std::optional<std::string>& telephone,
               const std::optional<std::string>& courriel) {
    if (telephone) {
      const auto& t = *telephone;
      const auto digits =
          std::count_if(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
      const bool chars_ok = std::all_of(t.begin(), t.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '.' || c == '-' || c == '(' ||
               c == ')';
      });
      if (!chars_ok || digits < 4 || digits > 15 || t.size() > 25)
        add("telephone", "format",
            "Le téléphone doit être un seul numéro (chiffres, espaces, « + »), ex. +33321000000 "
            "ou 03 21 00 00 00.");
    }
    if (courriel) {
      const auto& c = *courriel;
      const auto at = c.find('@');
      const bool ok = at != std::string::npos && at > 0 &&
                      c.find('@', at + 1) == std::string::npos &&
                      c.find('.', at) != std::string::npos && c.back() != '.' && c.size() <= 254 &&
                      c.find(' ') == std::string::npos && is_clean_utf8(c);
      if (!ok) add("courriel", "format", "Le courriel n'est pas une adresse valide.");
    }
  }
  void url(const std::string& field, const std::string& label,
           const std::optional<std::string>& value) {
    if (!value) return;
    const auto& v = *value;
    const bool ok = (v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0) && v.size() > 10 &&
                    v.size() <= 2083 && v.find(' ') == std::string::npos && is_clean_utf8(v);
    if (!ok) add(field, "format", label + " doit être une adresse web commençant par https://.");
  }
  template <std::size_t N>
  void codes(const std::string& field, const std::string& label,
             const std::vector<std::string>& values, const std::array<Labelled, N>& list) {
    std::set<std::string> seen;
    for (const auto& v : values) {
      if (!label_of(list, v))
        add(field, "liste", "« " + v + " » n'est pas une valeur admise pour " + label + ".");
      else if (!seen.insert(v).second)
        add(field, "doublon", "« " + v + " » figure deux fois dans " + label + ".");
    }
  }
  template <std::size_t N>
  void code(const std::string& field, const std::string& label,
            const std::optional<std::string>& value, const std::array<Labelled, N>& list) {
    if (value && !label_of(list, *value))
      add(field, "liste", "« " + *value + " » n'est pas une valeur admise pour " + label + ".");
  }
};

}  // namespace

std::string_view to_string(ResourceState s) {
  switch (s) {
    case ResourceState::brouillon:
      return "brouillon";
    case ResourceState::valide:
      return "valide";
    case ResourceState::publie:
      return "publie";
    case ResourceState::archive:
      return "archive";
  }
  return "brouillon";
}

std::string_view label_fr(ResourceState s) {
  switch (s) {
    case ResourceState::brouillon:
      return "Brouillon";
    case ResourceState::valide:
      return "Validé";
    case ResourceState::publie:
      return "Publié";
    case ResourceState::archive:
      return "Archivé";
  }
  return "Brouillon";
}

std::optional<ResourceState> parse_resource_state(std::string_view text) {
  for (auto s : {ResourceState::brouillon, ResourceState::valide, ResourceState::publie,
                 ResourceState::archive})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

bool is_valid_siret(std::string_view siret) {
  if (siret.size() != 14 || !all_digits(siret)) return false;
  // La Poste's establishments share one SIREN and follow another rule: digit sum % 5.
  if (siret.substr(0, 9) == "356000000") {
    int sum = 0;
    for (char c : siret) sum += c - '0';
    return sum % 5 == 0;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 14; ++i) {
    int d = siret[13 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

bool is_epci_code(std::string_view code) {
  if (code.size() != 9 || !all_digits(code)) return false;
  // An EPCI is identified by its SIREN, whose last digit is a Luhn key.
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    int d = code[8 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

bool is_commune_code(std::string_view code) {
  if (code.size() != 5 || !is_word(code)) return false;
  return all_digits(code) ||
         ((code.substr(0, 2) == "2A" || code.substr(0, 2) == "2B") && all_digits(code.substr(2)));
}

bool is_departement_code(std::string_view code) {
  if (code == "2A" || code == "2B") return true;
  if (code.size() == 2) return all_digits(code);
  return code.size() == 3 && all_digits(code) && code.substr(0, 2) == "97";
}

std::string departement_of_commune(std::string_view code) {
  if (code.substr(0, 2) == "97") return std::string(code.substr(0, 3));
  return std::string(code.substr(0, 2));
}

FieldErrors validate(const ResourceStructure& s, Date today) {
  Checker c;
  c.nom(s.nom);
  c.text("description", "La description", s.description, 50, 2000, true);
  if (s.siret && !is_valid_siret(*s.siret))
    c.add("siret", "format", "Le SIRET doit compter 14 chiffres et être valide (clé de contrôle).");
  c.address(s.adresse, s.complement_adresse, s.code_postal, s.commune, s.code_insee);
  c.contact(s.telephone, s.courriel);
  c.url("site_web", "Le site web", s.site_web);
  c.opt_text("horaires_accueil", "Les horaires d'accueil", s.horaires_accueil, 500);
  c.codes("reseaux_porteurs", "les réseaux porteurs", s.reseaux_porteurs, kDiReseauxPorteurs);
  c.date_maj(s.date_maj, today);
  return c.errors;
}

FieldErrors validate(const ResourceService& s, const std::set<std::string>& known_sub_themes,
                     Date today) {
  Checker c;
  c.nom(s.nom);
  c.text("description", "La présentation du service", s.description, 50, 2000, true);
  c.code("type", "le type de service", s.type, kDiServiceTypes);
  c.codes("thematiques", "les thématiques", s.thematiques, kDiThematiques);
  c.code("frais", "les frais", s.frais, kDiFrais);
  c.opt_text("frais_precisions", "La précision sur les frais", s.frais_precisions, 1000, true);
  c.codes("publics", "les publics", s.publics, kDiPublics);
  c.opt_text("publics_precisions", "La précision sur les publics", s.publics_precisions, 1000,
             true);
  c.opt_text("conditions_acces", "Les conditions d'accès", s.conditions_acces, 1000, true);
  c.address(s.adresse, s.complement_adresse, s.code_postal, s.commune, s.code_insee);
  c.contact(s.telephone, s.courriel);
  c.opt_text("contact_nom_prenom", "Le contact", s.contact_nom_prenom, 150);
  c.codes("modes_accueil", "les modes d'accueil", s.modes_accueil, kDiModesAccueil);
  c.codes("modes_mobilisation", "les modes de mobilisation", s.modes_mobilisation,
          kDiModesMobilisation);
  c.codes("mobilisable_par", "« mobilisable par »", s.mobilisable_par, kDiMobilisablePar);
  c.opt_text("mobilisation_precisions", "La précision sur la mobilisation",
             s.mobilisation_precisions, 1000, true);
  c.url("lien_mobilisation", "Le lien de mobilisation", s.lien_mobilisation);
  c.opt_text("horaires_accueil", "Les horaires d'accueil", s.horaires_accueil, 500);
  if (s.zone_eligibilite.empty())
    c.add("zone_eligibilite", "obligatoire",
          "La zone d'éligibilité est obligatoire : codes INSEE de communes, SIREN d'EPCI ou "
          "codes de départements.");
  std::set<std::string> zone;
  for (const auto& z : s.zone_eligibilite) {
    if (!is_commune_code(z) && !is_departement_code(z) && !is_epci_code(z) && z != "france" &&
        z != "99100")
      c.add("zone_eligibilite", "format",
            "« " + z +
                " » n'est ni un code INSEE de commune (5 caractères), ni le SIREN d'un EPCI "
                "(9 chiffres), ni un code de département, ni « france ».");
    else if (!zone.insert(z).second)
      c.add("zone_eligibilite", "doublon", "« " + z + " » figure deux fois dans la zone.");
  }
  if (s.sub_themes.empty())
    c.add("sous_thematiques", "obligatoire",
          "Classez le service dans au moins une sous-thématique des 7 problématiques.");
  std::set<std::string> subs;
  for (const auto& st : s.sub_themes) {
    if (!known_sub_themes.count(st))
      c.add("sous_thematiques", "liste", "« " + st + " » n'est pas une sous-thématique connue.");
    else if (!subs.insert(st).second)
      c.add("sous_thematiques", "doublon", "« " + st + " » figure deux fois.");
  }
  if (s.update_every_months < 1 || s.update_every_months > 12)
    c.add("frequence_mise_a_jour_mois", "intervalle",
          "La fréquence de mise à jour est comprise entre 1 et 12 mois.");
  c.date_maj(s.date_maj, today);
  return c.errors;
}

Date update_due_on(const std::string& date_maj, int months) {
  const auto d = parse_date(date_maj);
  if (!d) return Date{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};
  return plus_months(*d, months);
}

bool is_stale(const ResourceService& s, Date today) {
  return std::chrono::sys_days{update_due_on(s.date_maj, s.update_every_months)} <
         std::chrono::sys_days{today};
}

std::optional<ResourceSide> side_of(const Actor& actor) {
  if (actor.role != Role::conseiller && actor.role != Role::referent_social &&
      actor.role != Role::coordinateur)
    return std::nullopt;
  switch (actor.org_kind) {
    case OrgKind::departement:
    case OrgKind::service_departemental:
      return ResourceSide::departement;
    case OrgKind::agence:
    case OrgKind::ft_direction:
      return ResourceSide::france_travail;
    case OrgKind::partenaire:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string_view label_fr(ResourceSide side) {
  return side == ResourceSide::departement ? "le Département" : "France Travail";
}

bool may_edit_resources(const Actor& actor) {
  return side_of(actor).has_value();
}

bool may_link_resources(const Actor& actor) {
  return may_see_named_persons(actor.role);
}

void apply_validation(ResourceService& s, const Actor& actor, const std::string& now) {
  const auto side = side_of(actor);
  if (!side)
    throw DomainError(DomainError::Kind::forbidden, "validation_interdite",
                      "Seuls les professionnels du Département et de France Travail valident les "
                      "ressources.");
  if (s.state != ResourceState::brouillon)
    throw DomainError(DomainError::Kind::conflict, "etat",
                      "Seul un service en brouillon attend une validation (état actuel : " +
                          std::string(label_fr(s.state)) + ").");
  auto& by = *side == ResourceSide::departement ? s.validated_departement_by
                                                : s.validated_france_travail_by;
  auto& at = *side == ResourceSide::departement ? s.validated_departement_at
                                                : s.validated_france_travail_at;
  if (by)
    throw DomainError(DomainError::Kind::conflict, "deja_valide",
                      "Ce service est déjà validé pour " + std::string(label_fr(*side)) +
                          " ; la validation de l'autre partie est attendue.");
  by = actor.user_id;
  at = now;
  if (s.validated_departement_by && s.validated_france_travail_by) s.state = ResourceState::valide;
}

void apply_publication(ResourceService& s, const std::string& now) {
  if (s.state != ResourceState::valide)
    throw DomainError(DomainError::Kind::conflict, "etat",
                      "Un service se publie après la validation du Département et de France "
                      "Travail (état actuel : " +
                          std::string(label_fr(s.state)) + ").");
  s.state = ResourceState::publie;
  s.published_at = now;
}

void apply_archive(ResourceService& s, const std::string& now) {
  if (s.state == ResourceState::archive)
    throw DomainError(DomainError::Kind::conflict, "etat", "Ce service est déjà archivé.");
  s.state = ResourceState::archive;
  s.archived_at = now;
}

void apply_edit(ResourceService& s) {
  if (s.state == ResourceState::archive)
    throw DomainError(DomainError::Kind::conflict, "etat",
                      "Un service archivé ne se modifie plus.");
  s.state = ResourceState::brouillon;
  s.validated_departement_by.reset();
  s.validated_departement_at.reset();
  s.validated_france_travail_by.reset();
  s.validated_france_travail_at.reset();
  s.published_at.reset();
}

}  // namespace binome::domain
