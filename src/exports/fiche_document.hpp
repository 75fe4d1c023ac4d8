// The fiche de liaison as a document (PDF, laid out like the seeds' form) and the secure way
// to send it by e-mail: inside an AES-256 encrypted ZIP whose password goes by another channel.
#pragma once
#include <array>
#include <optional>
#include <string>

namespace binome::exports {

struct FicheAgent {
  std::string last_name, first_name, function_title, phone, email, structure;
};

// Everything the document shows, already formatted for reading (dates JJ/MM/AAAA, labels).
struct FicheData {
  std::string convention_label;  // e.g. "Pas-de-Calais (62) — convention 2024-2025"
  std::string prescriber_kind;   // "France Travail", "Département" or "Partenaire mandaté"
  FicheAgent prescriber;
  std::optional<std::string> partner_structure;
  std::string decision_mode_label;  // "Accord bilatéral", "Accord tacite", …
  std::string last_name, first_name, birth_date, street, postal_code, commune;
  std::optional<std::string> phone, email, ft_id, caf_id;
  bool brsa = false, rqth = false, orientation_ag = true;
  std::string family_situation_label;  // "Seul(e)" or "En couple"
  int dependent_children = 0;
  std::array<bool, 7> obstacles{};   // in the order of domain::kPeripheralObstacles
  std::string consent_collected_by;  // name of the professional who collected it
  std::optional<std::string> consent_signature_date;
  std::optional<std::string> decision;  // "OUI — entrée prévue le 12/12/2026" or "NON — motif : …"
  std::string generated_at;             // "22/11/2026 à 10:15"
};

// The PDF bytes. French text keeps its accents (embedded TrueType font).
std::string render_fiche_pdf(const FicheData& fiche);

struct EncryptedZip {
  std::string bytes;
  std::string password;  // random, shown once to the user
};

// One file inside a ZIP encrypted with AES-256 (opens in 7-Zip), under a fresh random password.
EncryptedZip encrypt_in_zip(const std::string& filename, const std::string& content);

}  // namespace binome::exports
