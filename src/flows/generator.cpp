#include "flows/generator.hpp"

#include <array>
#include <cstdio>

#include "flows/transliterate.hpp"

namespace binome::flows {
namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64: a stable pseudo-random value per input
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// UTF-8 names, some with accents and apostrophes (converted to ISO-8859-1 on output).
constexpr std::array<const char*, 32> kLast{
    "Martin", "Lefèvre",  "N'Diaye", "Dubois",   "Moreau",    "Lambert",    "Bonnet",
    "Girard", "Rousseau", "Müller",  "Da Silva", "Benoît",    "Fontaine",   "Chevalier",
    "Roux",   "Hébert",   "Lemaire", "Dupuis",   "Ben Salah", "Carpentier", "Lefebvre",
    "Dufour", "Mercier",  "Blanc",   "Guérin",   "Boyer",     "Garnier",    "Faure",
    "André",  "Barbier",  "Renard",  "Schmitt"};
constexpr std::array<const char*, 32> kFirst{
    "Hélène", "Moussa", "Jean-François", "Chloé", "Inès",   "Noël",   "Zoé",   "Paul",
    "Léa",    "Karim",  "Anaïs",         "Loïc",  "Maëlle", "Jérôme", "Yanis", "Agnès",
    "Sophie", "Nadia",  "Thomas",        "Emma",  "Mehdi",  "Julie",  "Lucas", "Fatou",
    "Océane", "Hugo",   "Camille",       "Amine", "Manon",  "Rémi",   "Aïcha", "Gaëlle"};

std::string latin1(const std::string& utf8) {
  return *to_latin1(utf8);
}

std::string code_pe_of(const std::string& dep) {
  if (dep == "2A" || dep == "2B") return "020";
  return dep.size() == 3 ? dep : "0" + dep;
}

std::string two(unsigned v) {
  char b[3];
  std::snprintf(b, sizeof b, "%02u", v % 100);
  return b;
}

std::string date_text(const domain::Date& d) {
  return domain::to_iso(d);
}

}  // namespace

FictionalPerson fictional_person(std::size_t index, const std::string& departement) {
  const std::uint64_t h = mix(index);
  FictionalPerson p;
  p.last_name = kLast[h % kLast.size()];
  p.first_name = kFirst[(h >> 8) % kFirst.size()];
  const unsigned year = 1962 + unsigned((h >> 16) % 42), month = 1 + unsigned((h >> 24) % 12),
                 day = 1 + unsigned((h >> 32) % 28);
  p.birth_date = std::to_string(year) + "-" + two(month) + "-" + two(day);
  if ((h >> 40) % 10 != 0) {
    // sex, year, month, place of birth, then commune and order number from the index: unique.
    const std::string place =
        departement.size() == 2 && departement != "2A" && departement != "2B" ? departement : "75";
    char rest[7];
    std::snprintf(rest, sizeof rest, "%03u%03u", unsigned(index / 1000 % 1000),
                  unsigned(index % 1000));
    // Beyond a million dossiers the commune and order repeat: the month then takes the
    // "unknown month" values 20–42 (R8 accepts them), one per further million.
    const unsigned nir_month = index < 1000000 ? month : 20 + unsigned(index / 1000000 - 1) % 23;
    p.nir = std::string(1, (h >> 44) % 2 ? '1' : '2') + two(year % 100) + two(nir_month) + place +
            std::string(rest);
  }
  p.code_pe = code_pe_of(departement);
  char id[9];
  std::snprintf(id, sizeof id, "%07u", unsigned(1000000 + index % 9000000));
  p.identifiant_pe = std::string(id) + char('A' + (h >> 48) % 26);
  return p;
}

std::size_t generate_flow(std::ostream& out, const GenerateOptions& o) {
  std::size_t bytes = 0;
  std::string buf;
  buf.reserve(1 << 16);
  auto flush = [&] {
    out.write(buf.data(), std::streamsize(buf.size()));
    bytes += buf.size();
    buf.clear();
  };
  auto leaf = [&](const char* indent, const char* name, const std::string& value) {
    buf += indent;
    buf += '<';
    buf += name;
    buf += '>';
    buf += value;
    buf += "</";
    buf += name;
    buf += ">\n";
  };
  const char* fichier = o.flow == Flow::pecgm ? "PECG" : o.flow == Flow::pecdh ? "PECD" : "CGPE";
  const char* periodicite = o.flow == Flow::pecdh ? "H" : "M";
  const std::string reference = date_text(o.date_reference);
  const std::string made =
      date_text(std::chrono::sys_days{o.date_reference} + std::chrono::days{8});
  const auto month_key =
      std::uint64_t(int(o.date_reference.year())) * 12 + unsigned(o.date_reference.month());
  buf += "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<flux>\n  <entete>\n";
  leaf("    ", "fichier", fichier);
  leaf("    ", "periodicite", periodicite);
  leaf("    ", "departement", o.departement);
  leaf("    ", "date-reference", reference);
  leaf("    ", "date-fabrication", made);
  leaf("    ", "version", "001,0");
  buf += "  </entete>\n";
  const auto ref_days = std::chrono::sys_days{o.date_reference};
  for (std::size_t n = 0; n < o.dossiers; ++n) {
    const std::size_t i = o.first_index + n;
    const FictionalPerson p = fictional_person(i, o.departement);
    // The month's status: most registered, some ended by cessation or radiation.
    const std::uint64_t s = mix(i * 1315423911ull + month_key);
    const unsigned status = unsigned(s % 100);
    buf += "  <dossier>\n    <individu>\n";
    if (!p.nir.empty()) leaf("      ", "nir", p.nir);
    if (o.flow == Flow::cgpem) {
      auto upper = [](const std::string& t) { return *transliterate_name(t); };
      leaf("      ", "nom-naissance", upper(p.last_name));
      leaf("      ", "prenom", upper(p.first_name));
      leaf("      ", "date-naissance", p.birth_date);
    } else {
      leaf("      ", "nom-naissance", latin1(p.last_name));
      leaf("      ", "prenom", latin1(p.first_name));
      leaf("      ", "date-naissance", p.birth_date);
      if (o.flow == Flow::pecgm) leaf("      ", "certification-identite", s % 3 ? "O" : "N");
    }
    buf += "    </individu>\n    <allocataire>\n";
    if (o.flow == Flow::pecgm) leaf("      ", "identifiant-caf", std::to_string(1000000 + i));
    // Motif 46 last month: this month the person is known under the new site's id.
    const std::uint64_t prev = mix(i * 1315423911ull + month_key - 1);
    const bool moved = prev % 100 >= 96;
    leaf("      ", "code-pe", moved ? "999" : p.code_pe);
    leaf("      ", "identifiant-pe", moved ? "5" + p.identifiant_pe.substr(1) : p.identifiant_pe);
    buf += "    </allocataire>\n";
    if (o.flow == Flow::cgpem) {
      buf += "    <orientation>\n";
      leaf("      ", "nature", "0" + std::to_string(1 + s % 6));
      leaf("      ", "date-decision", date_text(ref_days - std::chrono::days{1 + s % 20}));
      buf += "    </orientation>\n";
    } else {
      buf += "    <inscription>\n";
      // Registered once, on a day of the person's own (the month does not change it).
      const auto registered = std::chrono::sys_days{std::chrono::year{2022} / 1 / 1} +
                              std::chrono::days{(mix(i) >> 8) % 540};
      leaf("      ", "date-debut-ide", date_text(registered));
      if (o.flow == Flow::pecgm) {
        const std::string cat = std::to_string(1 + (s >> 16) % 5);
        leaf("      ", "code-categorie", cat);
        leaf("      ", "lib-categorie", "CATEGORIE " + cat);
      }
      const std::string end = date_text(ref_days - std::chrono::days{1 + (s >> 24) % 25});
      if (status >= 86 && status < 96) {
        static constexpr std::array<const char*, 4> motifs{"21", "11", "90", "45"};
        leaf("      ", "date-cessation-ide", end);
        leaf("      ", "motif-cessation-ide", motifs[(s >> 32) % motifs.size()]);
      } else if (status >= 96) {
        leaf("      ", "date-cessation-ide", end);
        leaf("      ", "motif-cessation-ide", "46");
        leaf("      ", "lib-cessation-ide", "changement site France Travail");
      } else if (status >= 82) {
        leaf("      ", "date-radiation-ide", end);
        leaf("      ", "motif-radiation-ide", "60");
        leaf("      ", "lib-radiation-ide", "insuffisance de recherche d'emploi");
      }
      buf += "    </inscription>\n";
      if (o.flow == Flow::pecgm) {
        buf += "    <suivi>\n      <structure-principale>\n";
        leaf("        ", "nom", "AGENCE " + std::to_string(1 + (i % 40)));
        leaf("        ", "voie", std::to_string(1 + i % 90) + " RUE DE LA REPUBLIQUE");
        char postal[6];
        std::snprintf(postal, sizeof postal, "62%03u", unsigned(i % 1000));
        leaf("        ", "code-postal", postal);
        buf += "      </structure-principale>\n    </suivi>\n    <formation>\n";
        leaf("      ", "code-niveau", "NV" + std::to_string(1 + (s >> 40) % 5));
        buf += "    </formation>\n    <rome-v3>\n";
        leaf("      ", "code-rome", "J150" + std::to_string((s >> 44) % 10));
        buf += "    </rome-v3>\n    <ppae>\n";
        leaf("      ", "conseiller-pe", "CONSEILLER " + std::to_string(1 + i % 70));
        leaf("      ", "date-signature",
             date_text(ref_days - std::chrono::days{20 + (s >> 8) % 900}));
        buf += "      <axe><code>0" + std::to_string(1 + (s >> 48) % 7) + "</code></axe>\n";
        // A person's modalité holds from month to month; one in twenty changes it.
        static constexpr std::array<const char*, 5> modalites{"APR", "GUI", "REN", "SUI", "GLO"};
        const auto which = (s >> 52) % 20 == 0 ? (s >> 56) : (mix(i) >> 52);
        buf += std::string("      <modalite><code>") + modalites[which % 5] +
               "</code></modalite>\n    </ppae>\n";
      }
    }
    buf += "  </dossier>\n";
    if (buf.size() > 60000) flush();
  }
  buf += "  <fin>\n";
  leaf("    ", "departement", o.departement);
  leaf("    ", "date-reference", reference);
  leaf("    ", "nb-dossier", std::to_string(o.dossiers));
  buf += "  </fin>\n</flux>\n";
  flush();
  return bytes;
}

}  // namespace binome::flows
