// Who receives an agence's tableau de suivi each month (seed 002 art. 5.2 a): a function from
// the convention's list and a professional e-mail address. Pure checks, no I/O.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/obstacles.hpp"

namespace binome::domain {

// The addressees named by seed 002 art. 5.2 a (« le tableau de suivi … est transmis
// mensuellement »).
inline constexpr std::array<Labelled, 7> kRecipientFunctions{{
    {"conseiller_ft", "Conseiller France Travail"},
    {"travailleur_social", "Travailleur social du Département"},
    {"directeur_ft", "Directeur départemental ou d'agence France Travail"},
    {"charge_fse", "Chargé de mission FSE de France Travail"},
    {"conseiller_territorial_insertion", "Conseiller territorial insertion"},
    {"representant_ville", "Représentant de la Ville (délégation)"},
    {"charge_mission_departement", "Chargé de mission du Département"},
}};

inline constexpr std::size_t kMaxRecipients = 30;

struct Recipient {
  std::string function_code, email;
};

// A plausible single address: one '@', a dot in the domain, no spaces or header-breaking
// characters (it goes into an SMTP envelope), 200 characters at most.
bool is_mail_address(const std::string& text);

// The whole list at once: known functions, valid addresses, no address twice, at most
// kMaxRecipients. Each problem names its line (« Destinataire 2 : … »).
FieldErrors check_recipients(const std::vector<Recipient>& list);

}  // namespace binome::domain
