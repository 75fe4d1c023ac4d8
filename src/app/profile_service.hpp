// Convention profiles: read by everyone who works with the rules, changed by the admin only,
// each change a new version in force from a date that is not in the past.
#pragma once
#include <optional>
#include <vector>

#include "app/context.hpp"
#include "domain/convention_profile.hpp"

namespace binome::app {

class ProfileService {
 public:
  explicit ProfileService(Context& ctx) : ctx_(ctx) {}
  std::vector<domain::ConventionProfile> list();
  domain::ConventionProfile get(std::int64_t id);
  // A new convention (a renewal or another département's), with its signing party and its
  // first version in force from the convention's start.
  struct NewProfile {
    std::string code, departement, label, valid_from, party;
    std::optional<std::string> valid_to;
    domain::ConventionRules rules;
  };
  domain::ConventionProfile create(const domain::Actor& actor, const NewProfile& input,
                                   const Origin& origin);
  // Adds a version; throws DomainError (invalid) with every problem of the rules at once.
  domain::ConventionProfile add_version(const domain::Actor& actor, std::int64_t id,
                                        const std::string& effective_from,
                                        const domain::ConventionRules& rules, const Origin& origin);
  // A successor party from a date (e.g. the Collectivité européenne d'Alsace).
  domain::ConventionProfile add_party(const domain::Actor& actor, std::int64_t id,
                                      const std::string& name, const std::string& from,
                                      const Origin& origin);
  // The rules that apply to an event of a département on a date, with the profile they come
  // from; none when no convention covers that date.
  struct InForce {
    domain::ConventionProfile profile;
    domain::ProfileVersion version;
  };
  std::optional<InForce> in_force(const std::string& departement, const domain::Date& on);

 private:
  void require_admin(const domain::Actor& actor, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
