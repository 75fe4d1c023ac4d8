#include "domain/review_recipients.hpp"

#include <algorithm>
#include <set>

namespace binome::domain {

bool is_mail_address(const std::string& text) {
  if (text.empty() || text.size() > 200) return false;
  const auto at = text.find('@');
  if (at == 0 || at == std::string::npos || text.find('@', at + 1) != std::string::npos)
    return false;
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == 0 || dot == std::string::npos || domain.back() == '.') return false;
  return std::none_of(text.begin(), text.end(), [](unsigned char c) {
    return c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == 0x7f;
  });
}

FieldErrors check_recipients(const std::vector<Recipient>& list) {
  FieldErrors errors;
  if (list.size() > kMaxRecipients)
    errors.push_back({"recipients", "trop_nombreux",
                      "Au plus " + std::to_string(kMaxRecipients) + " destinataires par agence."});
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto line = "Destinataire " + std::to_string(i + 1) + " : ";
    const auto& r = list[i];
    if (!label_of(kRecipientFunctions, r.function_code))
      errors.push_back({"recipients", "fonction_inconnue",
                        line + "fonction inconnue (voir la liste de la convention)."});
    if (!is_mail_address(r.email)) {
      errors.push_back({"recipients", "adresse_invalide", line + "adresse de courriel invalide."});
      continue;
    }
    std::string lower;
    for (char c : r.email)
      lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (!seen.insert(lower).second)
      errors.push_back({"recipients", "doublon", line + "adresse déjà dans la liste."});
  }
  return errors;
}

}  // namespace binome::domain
