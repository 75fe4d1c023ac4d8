// What a PECGM/PECDH dossier says about a job seeker, kept per person between files, and the
// events a new file brings compared with the previous snapshot (the "à faire" list shows
// them). Pure: no I/O.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "flows/fields.hpp"
#include "flows/schema.hpp"

namespace binome::flows {

struct JobSeekerSnapshot {
  std::string kind;  // "PECGM" or "PECDH": the flow that last wrote the snapshot
  std::string date_reference;
  std::optional<std::string> nir, code_pe, identifiant_pe;
  std::optional<std::string> date_debut_ide, code_categorie;
  std::optional<std::string> date_cessation, motif_cessation;
  std::optional<std::string> date_radiation, motif_radiation;
  // PECGM only; a PECDH file leaves them as the last PECGM gave them.
  std::optional<std::string> structure_principale, structure_deleguee;
  std::optional<std::string> ppae_date_signature, axe, modalite;

  bool operator==(const JobSeekerSnapshot&) const = default;
};

// The snapshot a dossier gives, on top of the previous one (PECDH keeps the PECGM-only data).
JobSeekerSnapshot snapshot_of(Flow flow, const Values& dossier, const std::string& date_reference,
                              const std::optional<JobSeekerSnapshot>& previous);

enum class EventKind { inscription, cessation, radiation, changement_site, entree_glo, sortie_glo };
std::string_view to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);
std::string_view label_fr(EventKind kind);

struct FlowEvent {
  EventKind kind;
  std::string date;    // AAAA-MM-JJ: the date the file gives, else its date-reference
  std::string detail;  // French, for the "à faire" list
};

// Events of `next` compared with `previous`. Without a previous snapshot (first file that
// names the person) only what calls for action is raised: a cessation, a radiation, a
// modalité GLO — not the registration itself.
std::vector<FlowEvent> derive_events(const std::optional<JobSeekerSnapshot>& previous,
                                     const JobSeekerSnapshot& next);

}  // namespace binome::flows
