#include "flows/schema.hpp"

#include <chrono>

namespace binome::flows {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}
bool upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (!digit(s[i])) return false;
  return true;
}

// The hand translations of the XSD patterns of common.xsd and the flow schemas. XSD patterns
// match the whole value.

// 0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]
bool p_departement(std::string_view s) {
  if (s.size() == 2) {
    if (s == "2A" || s == "2B") return true;
    if (!digits(s, 0, 2)) return false;
    const int n = (s[0] - '0') * 10 + (s[1] - '0');
    return n >= 1 && n <= 95;
  }
  return s.size() == 3 && s[0] == '9' && s[1] == '7' && s[2] >= '1' && s[2] <= '6';
}
// [1-478][0-9]{4}(2[AB]|[0-9]{2})[0-9]{6}
bool p_nir13(std::string_view s) {
  if (s.size() != 13) return false;
  if (!(s[0] == '1' || s[0] == '2' || s[0] == '3' || s[0] == '4' || s[0] == '7' || s[0] == '8'))
    return false;
  if (!digits(s, 1, 4) || !digits(s, 7, 6)) return false;
  return digits(s, 5, 2) || (s[5] == '2' && (s[6] == 'A' || s[6] == 'B'));
}
// [A-Z][A-Z '\-]*
bool p_nom_majuscule(std::string_view s) {
  if (s.empty() || !upper(s[0])) return false;
  for (char c : s)
    if (!(upper(c) || c == ' ' || c == '\'' || c == '-')) return false;
  return true;
}
// (2[AB]|[0-9]{2})[0-9]{3}
bool p_commune(std::string_view s) {
  return s.size() == 5 && digits(s, 2, 3) &&
         (digits(s, 0, 2) || (s[0] == '2' && (s[1] == 'A' || s[1] == 'B')));
}
bool p_code_pe(std::string_view s) {
  return s.size() == 3 && digits(s, 0, 3);
}
// [0-9]{7}[0-9A-Z]
bool p_identifiant_pe(std::string_view s) {
  return s.size() == 8 && digits(s, 0, 7) && (digit(s[7]) || upper(s[7]));
}
bool p_code_postal(std::string_view s) {
  return s.size() == 5 && digits(s, 0, 5);
}
bool p_cedex(std::string_view s) {
  return (s.size() == 1 || s.size() == 2) && digits(s, 0, s.size());
}
// [A-N][0-9]{4}
bool p_code_rome(std::string_view s) {
  return s.size() == 5 && s[0] >= 'A' && s[0] <= 'N' && digits(s, 1, 4);
}
bool p_nb_dossier(std::string_view s) {
  return !s.empty() && s.size() <= 8 && digits(s, 0, s.size());
}
bool p_telephone(std::string_view s) {
  return s.size() == 10 && digits(s, 0, 10);
}
// [1-8]?
bool p_code_categorie(std::string_view s) {
  return s.empty() || (s.size() == 1 && s[0] >= '1' && s[0] <= '8');
}
// 0[1-7]
bool p_axe(std::string_view s) {
  return s.size() == 2 && s[0] == '0' && s[1] >= '1' && s[1] <= '7';
}
// 0[1-6]
bool p_nature(std::string_view s) {
  return s.size() == 2 && s[0] == '0' && s[1] >= '1' && s[1] <= '6';
}

bool xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// xs:date restricted by \d{4}-\d{2}-\d{2}: after whitespace collapsing, four-digit year
// (0000 is not a year in XSD 1.0), a real day of that month.
bool valid_date(std::string_view s) {
  while (!s.empty() && xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && xml_space(s.back())) s.remove_suffix(1);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4) || !digits(s, 5, 2) ||
      !digits(s, 8, 2))
    return false;
  auto number = [&](std::size_t from, std::size_t n) {  // digits already checked
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = number(0, 4);
  const unsigned m = unsigned(number(5, 2));
  const unsigned d = unsigned(number(8, 2));
  if (y == 0) return false;
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                     std::chrono::day{d}}
      .ok();
}

SimpleType an(std::size_t n) {
  return SimpleType{"an" + std::to_string(n), n, {}, nullptr, {}, false};
}
SimpleType enumeration(std::string name, std::vector<std::string> values) {
  return SimpleType{std::move(name), 0, std::move(values), nullptr, {}, false};
}
SimpleType pattern(std::string name, bool (*p)(std::string_view), std::string text,
                   std::size_t max_length = 0) {
  return SimpleType{std::move(name), max_length, {}, p, std::move(text), false};
}

// Every simple type, built once.
struct Types {
  SimpleType an2 = an(2), an3 = an(3), an5 = an(5), an13 = an(13), an15 = an(15), an25 = an(25),
             an26 = an(26), an27 = an(27), an30 = an(30), an32 = an(32), an40 = an(40),
             an45 = an(45), an50 = an(50), an60 = an(60), an75 = an(75), an90 = an(90),
             an150 = an(150);
  SimpleType date{"date", 0, {}, nullptr, "\\d{4}-\\d{2}-\\d{2}", true};
  SimpleType departement =
      pattern("departement", p_departement, "0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]");
  SimpleType nir13 = pattern("nir13", p_nir13, "[1-478][0-9]{4}(2[AB]|[0-9]{2})[0-9]{6}");
  SimpleType nom_majuscule25 = pattern("nomMajuscule25", p_nom_majuscule, "[A-Z][A-Z '\\-]*", 25);
  SimpleType oui_non = enumeration("ouiNon", {"O", "N"});
  SimpleType commune = pattern("communeInsee", p_commune, "(2[AB]|[0-9]{2})[0-9]{3}");
  SimpleType code_pe = pattern("codePe", p_code_pe, "[0-9]{3}");
  SimpleType identifiant_pe = pattern("identifiantPe", p_identifiant_pe, "[0-9]{7}[0-9A-Z]");
  SimpleType code_postal = pattern("codePostal", p_code_postal, "[0-9]{5}");
  SimpleType cedex = pattern("cedex", p_cedex, "[0-9]{1,2}");
  SimpleType code_rome = pattern("codeRome", p_code_rome, "[A-N][0-9]{4}");
  SimpleType nb_dossier = pattern("nbDossier", p_nb_dossier, "[0-9]{1,8}");
  SimpleType version = enumeration("version", {"001,0"});
  SimpleType telephone = pattern("telephone", p_telephone, "[0-9]{10}");
  SimpleType code_categorie = pattern("code-categorie", p_code_categorie, "[1-8]?");
  SimpleType axe = pattern("axe", p_axe, "0[1-7]");
  SimpleType nature = pattern("nature", p_nature, "0[1-6]");
  SimpleType modalite = enumeration("modalite", {"APR", "GUI", "REN", "SUI", "GLO"});
  SimpleType fichier_any = enumeration("fichier", {"PECG", "PECD", "CGPE"});
  SimpleType fichier_pecg = enumeration("fichier", {"PECG"});
  SimpleType fichier_pecd = enumeration("fichier", {"PECD"});
  SimpleType fichier_cgpe = enumeration("fichier", {"CGPE"});
  SimpleType periodicite_m = enumeration("periodicite", {"M"});
  SimpleType periodicite_h = enumeration("periodicite", {"H"});
  SimpleType periodicite_mhj = enumeration("periodicite", {"M", "H", "J"});
};
const Types& types() {
  static const Types t;
  return t;
}

// Owns the nodes of the four trees.
class Builder {
 public:
  const Node* leaf(const std::string& name, const std::string& path, Field field,
                   const SimpleType& type) {
    auto n = std::make_unique<Node>();
    n->name = name;
    n->path = path;
    n->field = field;
    n->type = &type;
    return keep(std::move(n));
  }
  const Node* complex(const std::string& name, const std::string& path,
                      std::vector<Particle> children, Field field = Field::none) {
    auto n = std::make_unique<Node>();
    n->name = name;
    n->path = path;
    n->field = field;
    n->children = std::move(children);
    return keep(std::move(n));
  }

 private:
  const Node* keep(std::unique_ptr<Node> n) {
    nodes_.push_back(std::move(n));
    return nodes_.back().get();
  }
  std::vector<std::unique_ptr<Node>> nodes_;
};

Particle one(const Node* n) {
  return {n, 1, 1};
}
Particle opt(const Node* n) {
  return {n, 0, 1};
}

struct Schemas {
  Builder b;
  const Node *pecgm = nullptr, *pecdh = nullptr, *cgpem = nullptr, *generic = nullptr;

  const Node* entete(const SimpleType& fichier, const SimpleType& periodicite) {
    const auto& t = types();
    return b.complex(
        "entete", "entete",
        {one(b.leaf("fichier", "entete/fichier", Field::fichier, fichier)),
         one(b.leaf("periodicite", "entete/periodicite", Field::periodicite, periodicite)),
         one(b.leaf("departement", "entete/departement", Field::departement, t.departement)),
         one(b.leaf("date-reference", "entete/date-reference", Field::date_reference, t.date)),
         one(b.leaf("date-fabrication", "entete/date-fabrication", Field::date_fabrication,
                    t.date)),
         one(b.leaf("version", "entete/version", Field::version, t.version))});
  }
  // common.xsd complexType "fin"
  const Node* fin() {
    const auto& t = types();
    return b.complex(
        "fin", "fin",
        {one(b.leaf("departement", "fin/departement", Field::fin_departement, t.departement)),
         one(b.leaf("date-reference", "fin/date-reference", Field::fin_date_reference, t.date)),
         one(b.leaf("nb-dossier", "fin/nb-dossier", Field::fin_nb_dossier, t.nb_dossier))});
  }
  // common.xsd complexType "adresseStructure"
  const Node* structure(const std::string& name, Field first) {
    const auto& t = types();
    const std::string p = "suivi/" + name + "/";
    auto f = [first](int i) { return static_cast<Field>(static_cast<std::size_t>(first) + i); };
    return b.complex(
        name, "suivi/" + name,
        {one(b.leaf("nom", p + "nom", f(0), t.an27)), opt(b.leaf("voie", p + "voie", f(1), t.an32)),
         opt(b.leaf("complement", p + "complement", f(2), t.an32)),
         opt(b.leaf("code-postal", p + "code-postal", f(3), t.code_postal)),
         opt(b.leaf("cedex", p + "cedex", f(4), t.cedex)),
         opt(b.leaf("bureau", p + "bureau", f(5), t.an26))});
  }
  // individu of PECGM and PECDH (plain names), or CGPEM (upper-case names, fewer items).
  const Node* individu(bool cgpem) {
    const auto& t = types();
    const SimpleType& nom = cgpem ? t.nom_majuscule25 : t.an25;
    std::vector<Particle> c{
        opt(b.leaf("nir", "individu/nir", Field::nir, t.nir13)),
        one(b.leaf("nom-naissance", "individu/nom-naissance", Field::nom_naissance, nom)),
        opt(b.leaf("nom-marital", "individu/nom-marital", Field::nom_marital, nom)),
        one(b.leaf("prenom", "individu/prenom", Field::prenom, nom)),
        one(b.leaf("date-naissance", "individu/date-naissance", Field::date_naissance, t.date))};
    if (!cgpem) {
      c.push_back(opt(b.leaf("certification-identite", "individu/certification-identite",
                             Field::certification_identite, t.oui_non)));
      c.push_back(opt(b.leaf("commune-residence", "individu/commune-residence",
                             Field::commune_residence, t.commune)));
    }
    return b.complex("individu", "individu", std::move(c));
  }
  const Node* allocataire(bool with_caf_msa) {
    const auto& t = types();
    std::vector<Particle> c;
    if (with_caf_msa) {
      c.push_back(opt(b.leaf("identifiant-caf", "allocataire/identifiant-caf",
                             Field::identifiant_caf, t.an15)));
      c.push_back(opt(b.leaf("identifiant-msa", "allocataire/identifiant-msa",
                             Field::identifiant_msa, t.an13)));
    }
    c.push_back(opt(b.leaf("code-pe", "allocataire/code-pe", Field::code_pe, t.code_pe)));
    c.push_back(opt(b.leaf("identifiant-pe", "allocataire/identifiant-pe", Field::identifiant_pe,
                           t.identifiant_pe)));
    return b.complex("allocataire", "allocataire", std::move(c), Field::allocataire);
  }
  const Node* inscription(bool pecgm) {
    const auto& t = types();
    auto l = [&](const char* name, Field f, const SimpleType& ty) {
      return opt(b.leaf(name, std::string("inscription/") + name, f, ty));
    };
    std::vector<Particle> c{l("date-debut-ide", Field::date_debut_ide, t.date)};
    if (pecgm) {
      c.push_back(l("code-categorie", Field::code_categorie, t.code_categorie));
      c.push_back(l("lib-categorie", Field::lib_categorie, t.an60));
      c.push_back(l("code-situation", Field::code_situation, t.an3));
      c.push_back(l("lib-situation", Field::lib_situation, t.an45));
    }
    for (auto p : {l("date-cessation-ide", Field::date_cessation_ide, t.date),
                   l("motif-cessation-ide", Field::motif_cessation_ide, t.an2),
                   l("lib-cessation-ide", Field::lib_cessation_ide, t.an75),
                   l("date-radiation-ide", Field::date_radiation_ide, t.date),
                   l("motif-radiation-ide", Field::motif_radiation_ide, t.an2),
                   l("lib-radiation-ide", Field::lib_radiation_ide, t.an75)})
      c.push_back(p);
    return b.complex("inscription", "inscription", std::move(c));
  }
  const Node* code_libelle(const char* name, Field code, Field libelle, const SimpleType& type) {
    const auto& t = types();
    const std::string p = std::string("ppae/") + name;
    return b.complex(name, p,
                     {one(b.leaf("code", p + "/code", code, type)),
                      opt(b.leaf("libelle", p + "/libelle", libelle, t.an40))});
  }
  const Node* flux(const Node* entete, const Node* dossier) {
    return b.complex("flux", "flux", {one(entete), {dossier, 0, kUnbounded}, one(fin())});
  }

  Schemas() {
    const auto& t = types();
    // pecgm.xsd
    {
      auto l = [&](const char* parent, const char* name, Field f, const SimpleType& ty) {
        return opt(b.leaf(name, std::string(parent) + "/" + name, f, ty));
      };
      const Node* suivi = b.complex("suivi", "suivi",
                                    {opt(structure("structure-principale", Field::principale_nom)),
                                     opt(structure("structure-deleguee", Field::deleguee_nom))});
      const Node* formation =
          b.complex("formation", "formation",
                    {l("formation", "code-niveau", Field::code_niveau, t.an3),
                     l("formation", "lib-niveau", Field::lib_niveau, t.an50),
                     l("formation", "code-secteur", Field::code_secteur, t.an5),
                     l("formation", "lib-secteur", Field::lib_secteur, t.an30)});
      const Node* rome = b.complex("rome-v3", "rome-v3",
                                   {l("rome-v3", "code-rome", Field::code_rome, t.code_rome),
                                    l("rome-v3", "lib-rome", Field::lib_rome, t.an150)});
      const Node* ppae =
          b.complex("ppae", "ppae",
                    {l("ppae", "conseiller-pe", Field::conseiller_pe, t.an27),
                     l("ppae", "date-signature", Field::date_signature, t.date),
                     l("ppae", "date-notification", Field::date_notification, t.date),
                     opt(code_libelle("axe", Field::axe_code, Field::axe_libelle, t.axe)),
                     opt(code_libelle("modalite", Field::modalite_code, Field::modalite_libelle,
                                      t.modalite))});
      const Node* dossier = b.complex(
          "dossier", "dossier",
          {one(individu(false)), one(allocataire(true)), one(inscription(true)), opt(suivi),
           opt(formation), opt(rome), opt(ppae),
           opt(b.leaf("date-dernier-ent", "date-dernier-ent", Field::date_dernier_ent, t.date))});
      pecgm = flux(entete(t.fichier_pecg, t.periodicite_m), dossier);
    }
    // pecdh.xsd
    {
      const Node* dossier =
          b.complex("dossier", "dossier",
                    {one(individu(false)), one(allocataire(false)), one(inscription(false))});
      pecdh = flux(entete(t.fichier_pecd, t.periodicite_h), dossier);
    }
    // cgpem.xsd
    {
      const Node* orientation =
          b.complex("orientation", "orientation",
                    {one(b.leaf("nature", "orientation/nature", Field::nature, t.nature)),
                     one(b.leaf("date-decision", "orientation/date-decision", Field::date_decision,
                                t.date))});
      auto c = [&](const char* name, Field f, const SimpleType& ty) {
        return opt(b.leaf(name, std::string("correspondant/") + name, f, ty));
      };
      const Node* correspondant = b.complex(
          "correspondant", "correspondant",
          {c("organisme", Field::corr_organisme, t.an90), c("service", Field::corr_service, t.an50),
           c("nom", Field::corr_nom, t.an30), c("prenom", Field::corr_prenom, t.an25),
           c("telephone", Field::corr_telephone, t.telephone),
           c("email", Field::corr_email, t.an60)},
          Field::correspondant);
      const Node* dossier = b.complex(
          "dossier", "dossier",
          {one(individu(true)), opt(allocataire(false)), one(orientation), opt(correspondant)});
      cgpem = flux(entete(t.fichier_cgpe, t.periodicite_mhj), dossier);
    }
    // Until entete/fichier is read; its dossier is never entered (the reader swaps trees).
    generic = flux(entete(t.fichier_any, t.periodicite_mhj), b.complex("dossier", "dossier", {}));
  }
};
const Schemas& schemas() {
  static const Schemas s;
  return s;
}

}  // namespace

std::string_view to_string(Flow flow) {
  switch (flow) {
    case Flow::pecgm:
      return "PECGM";
    case Flow::pecdh:
      return "PECDH";
    case Flow::cgpem:
      return "CGPEM";
  }
  return "";
}

std::optional<Flow> flow_of_fichier(std::string_view fichier) {
  if (fichier == "PECG") return Flow::pecgm;
  if (fichier == "PECD") return Flow::pecdh;
  if (fichier == "CGPE") return Flow::cgpem;
  return std::nullopt;
}

const Node& schema_root(Flow flow) {
  switch (flow) {
    case Flow::pecgm:
      return *schemas().pecgm;
    case Flow::pecdh:
      return *schemas().pecdh;
    case Flow::cgpem:
      return *schemas().cgpem;
  }
  return *schemas().generic;
}
const Node& generic_root() {
  return *schemas().generic;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string SimpleType::check(std::string_view value) const {
  if (is_date) {
    if (!valid_date(value))
      return "date AAAA-MM-JJ attendue (jour réel du calendrier), reçu « " + std::string(value) +
             " »";
    return {};
  }
  if (max_length && utf8_length(value) > max_length)
    return std::to_string(max_length) + " caractères au plus (type " + name + "), reçu " +
           std::to_string(utf8_length(value));
  if (!enumeration.empty()) {
    for (const auto& e : enumeration)
      if (value == e) return {};
    std::string list;
    for (const auto& e : enumeration) list += (list.empty() ? "" : ", ") + e;
    return "valeur « " + std::string(value) + " » hors de la liste (" + list + ")";
  }
  if (pattern && !pattern(value))
    return "valeur « " + std::string(value) + " » non conforme au motif " + pattern_text +
           " (type " + name + ")";
  return {};
}

}  // namespace binome::flows
