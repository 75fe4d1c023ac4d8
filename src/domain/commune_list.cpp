#include "domain/commune_list.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/resource.hpp"
#include "domain/text.hpp"

namespace binome::domain {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto pos = line.find(';', start);
    out.push_back(trim(line.substr(start, pos == std::string_view::npos ? pos : pos - start)));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool valid_name(const std::string& s) {
  return !s.empty() && utf8_length(s) <= 150 && is_clean_utf8(s) &&
         s.find('"') == std::string::npos;
}

}  // namespace

CommuneList parse_commune_csv(std::string_view text, const std::string& departement,
                              FieldErrors& errors) {
  CommuneList list;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM written by spreadsheets
  std::map<std::string, std::string> epci_names;
  std::set<std::string> seen;
  std::size_t line_no = 0, start = 0;
  bool header_seen = false;
  auto error = [&](const std::string& rule, const std::string& message) {
    errors.push_back({"ligne " + std::to_string(line_no), rule,
                      "Ligne " + std::to_string(line_no) + " : " + message});
  };
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const auto line = text.substr(start, end == std::string_view::npos ? end : end - start);
    start = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++line_no;
    if (trim(line).empty()) continue;
    const auto cells = split(line);
    if (!header_seen) {
      header_seen = true;
      std::string joined;
      for (const auto& c : cells) joined += (joined.empty() ? "" : ";") + c;
      if (joined != kCommuneCsvHeader) {
        error("entete", "l'en-tête attendu est « " + std::string(kCommuneCsvHeader) + " ».");
        return {};
      }
      continue;
    }
    if (cells.size() != 5) {
      error("colonnes", "5 colonnes séparées par « ; » sont attendues (" +
                            std::to_string(cells.size()) + " lues).");
      continue;
    }
    CommuneEntry c{cells[0], cells[1], cells[2], std::nullopt};
    const auto before = errors.size();
    if (!is_commune_code(c.code_insee))
      error("code_insee", "« " + c.code_insee + " » n'est pas un code INSEE de commune.");
    else if (departement_of_commune(c.code_insee) != departement)
      error("departement",
            "la commune " + c.code_insee + " n'est pas du département " + departement + ".");
    else if (!seen.insert(c.code_insee).second)
      error("doublon", "la commune " + c.code_insee + " figure deux fois.");
    if (!valid_name(c.nom)) error("commune", "le nom de la commune est vide ou mal formé.");
    if (c.code_postal.size() != 5 || !std::all_of(c.code_postal.begin(), c.code_postal.end(),
                                                  [](char ch) { return ch >= '0' && ch <= '9'; }))
      error("code_postal", "le code postal doit compter 5 chiffres.");
    if (!cells[3].empty() || !cells[4].empty()) {
      if (!is_epci_code(cells[3]))
        error("siren_epci",
              "« " + cells[3] + " » n'est pas le SIREN d'un EPCI (9 chiffres, clé de contrôle).");
      else if (!valid_name(cells[4]))
        error("epci", "le nom de l'EPCI est vide ou mal formé.");
      else if (auto it = epci_names.find(cells[3]);
               it != epci_names.end() && it->second != cells[4])
        error("epci", "l'EPCI " + cells[3] + " porte deux noms (« " + it->second + " » et « " +
                          cells[4] + " »).");
      else if (it == epci_names.end()) {
        epci_names[cells[3]] = cells[4];
        list.epcis.push_back({cells[3], cells[4]});
      }
      c.epci = cells[3];
    }
    if (errors.size() == before) list.communes.push_back(std::move(c));
  }
  if (!header_seen) {
    line_no = 1;
    error("entete", "le fichier est vide ; l'en-tête attendu est « " +
                        std::string(kCommuneCsvHeader) + " ».");
  }
  return list;
}

FieldErrors check_zone_epcis(const std::vector<std::string>& zone,
                             const std::set<std::string>& known_epcis) {
  FieldErrors out;
  for (const auto& z : zone)
    if (is_epci_code(z) && !known_epcis.count(z))
      out.push_back({"zone_eligibilite", "epci_inconnu",
                     "L'EPCI « " + z +
                         " » n'est pas dans la liste des EPCI du département : l'administrateur "
                         "la charge avec « binome communes import »."});
  return out;
}

std::string commune_csv(const CommuneList& list) {
  std::map<std::string, std::string> names;
  for (const auto& e : list.epcis) names[e.siren] = e.nom;
  std::string out = std::string(kCommuneCsvHeader) + "\n";
  for (const auto& c : list.communes) {
    out += c.code_insee + ";" + c.nom + ";" + c.code_postal + ";";
    if (c.epci)
      out += *c.epci + ";" + names[*c.epci];
    else
      out += ";";
    out += "\n";
  }
  return out;
}

}  // namespace binome::domain
