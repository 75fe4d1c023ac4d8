// Axe 1: the base of social resources of each département. Everyone with an account reads the
// published services of their département; the professionals of both sides write them, and
// each side validates once before publication; admin keeps the sub-theme mapping. Linking a
// person to a service is personal data: scoped by Reach and audited like the person routes.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/resource.hpp"
#include "store/resources_repo.hpp"

namespace binome::app {

struct ServiceView {
  domain::ResourceService service;
  domain::ResourceStructure structure;
  bool stale = false;
  std::string due_on;
  std::map<std::int64_t, std::string> names;  // validators: user id -> display name
};

struct ImportIssue {
  std::string record;  // "structures[2]" or "services[0]"
  std::optional<std::string> field;
  std::string rule, message;
};
struct ImportReport {
  int structures_created = 0, structures_updated = 0, services_created = 0, services_updated = 0,
      unchanged = 0, rejected = 0;
  std::vector<ImportIssue> errors;
};

class ResourceBaseService {
 public:
  explicit ResourceBaseService(Context& ctx) : ctx_(ctx) {}

  std::vector<store::Problematique> problematiques();
  // The problématiques and sub-themes with their labels, without the mapping admin edits. Set
  // by the migrations and never edited at run time, so read once per process: every search
  // and service sheet names its sub-themes without three queries each time.
  std::shared_ptr<const std::vector<store::Problematique>> labels();
  // Admin: the data·inclusion thématiques a sub-theme is filed under.
  store::SubTheme set_mapping(const domain::Actor& actor, const std::string& sub_theme,
                              const std::vector<std::string>& thematiques, const Origin& origin);

  std::vector<domain::ResourceStructure> structures(const domain::Actor& actor);
  domain::ResourceStructure create_structure(const domain::Actor& actor,
                                             domain::ResourceStructure s, const Origin& origin);
  domain::ResourceStructure update_structure(const domain::Actor& actor, std::int64_t id,
                                             domain::ResourceStructure s, const Origin& origin);

  ServiceView get(const domain::Actor& actor, std::int64_t id);
  ServiceView create(const domain::Actor& actor, domain::ResourceService s, const Origin& origin);
  ServiceView update(const domain::Actor& actor, std::int64_t id, domain::ResourceService s,
                     const Origin& origin);
  ServiceView validate(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  ServiceView publish(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  ServiceView archive(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  // Confirms that a published service is still accurate: its date of update becomes today.
  ServiceView confirm(const domain::Actor& actor, std::int64_t id, const Origin& origin);

  // Search within the actor's département. Drafts and archives only for editors.
  store::ResourcePage search(const domain::Actor& actor, store::ResourceQuery query);
  // Services past their update date that the actor may update ("à mettre à jour").
  std::vector<domain::ResourceService> stale_for(const domain::Actor& actor);
  // The stale sheets the actor is asked to update (seed 003 annexe 1), oldest update first, at
  // most `limit`: those the actor validated; those nobody validated go to the coordinateurs.
  std::vector<domain::ResourceService> to_update_by(const domain::Actor& actor, std::size_t limit);

  // data·inclusion JSON ({"structures": […], "services": […]}). Every record is checked; the
  // valid ones are written in one transaction, keyed by (source, id); the rest are reported.
  // `departement`: the département of every record (API: the actor's); empty: derived from
  // each record's INSEE codes (command line).
  ImportReport import_json(const domain::Actor& actor, const nlohmann::json& file,
                           const std::string& departement, const Origin& origin);
  nlohmann::json export_json(const domain::Actor& actor, const std::string& departement,
                             const Origin& origin);

  // A person linked to a service during the support.
  store::ResourceAction propose(const domain::Actor& actor, std::int64_t person_id,
                                std::int64_t service_id, const std::string& problematique,
                                const std::string& proposed_on, const Origin& origin);
  store::ResourceAction set_action_status(const domain::Actor& actor, std::int64_t action_id,
                                          const std::string& status, const std::string& on,
                                          const Origin& origin);
  std::vector<store::ResourceAction> actions_of(const domain::Actor& actor, std::int64_t person_id,
                                                const Origin& origin);

 private:
  domain::Date today() const;
  ServiceView view(domain::ResourceService s);
  domain::ResourceService load_editable(const domain::Actor& actor, std::int64_t id);
  void require_editor(const domain::Actor& actor);
  void check(domain::ResourceService& s);
  ServiceView transition(const domain::Actor& actor, std::int64_t id, const std::string& kind,
                         const std::function<void(domain::ResourceService&)>& change,
                         const Origin& origin);
  void check_person_access(const domain::Actor& actor, std::int64_t person_id,
                           const domain::PersonScope& scope, const Origin& origin);
  Context& ctx_;
  std::mutex labels_mutex_;
  std::shared_ptr<const std::vector<store::Problematique>> labels_;
};

}  // namespace binome::app
