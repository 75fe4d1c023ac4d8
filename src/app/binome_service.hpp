// The binôme of a person: a counsellor and a social referent, kept for the whole path (67);
// changed only by a coordinateur, for a reason from a closed list (absence, departure…), with
// the history kept, the open tasks handed over and the change audited. A counsellor may work
// with several social referents: nothing ties a pair beyond the persons they share.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/obstacles.hpp"
#include "store/binome_repo.hpp"

namespace binome::app {

inline constexpr std::array<domain::Labelled, 5> kReassignmentReasons{{
    {"absence", "Absence du référent"},
    {"depart", "Départ du référent"},
    {"mobilite", "Changement de poste ou de secteur"},
    {"equilibrage", "Équilibrage des portefeuilles"},
    {"demande_personne", "Demande de la personne"},
}};

struct BinomeView {
  store::BinomeAssignmentRow current;
  std::vector<store::BinomeAssignmentRow> history;  // oldest first, the current one last
};

class BinomeService {
 public:
  explicit BinomeService(Context& ctx) : ctx_(ctx) {}
  BinomeView of_person(const domain::Actor& actor, std::int64_t person_id, const Origin& origin);
  BinomeView reassign(const domain::Actor& actor, std::int64_t person_id,
                      std::optional<std::int64_t> conseiller_id,
                      std::optional<std::int64_t> referent_social_id, const std::string& reason,
                      const Origin& origin);

 private:
  Context& ctx_;
};

}  // namespace binome::app
