#include "app/resource_base_service.hpp"

#include "app/guards.hpp"
#include "domain/commune_list.hpp"
#include "domain/resource_lists.hpp"
#include "security/tokens.hpp"
#include "store/communes_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;
using domain::ResourceState;

DomainError service_not_found() {
  return DomainError(DomainError::Kind::not_found, "service_introuvable",
                     "Service introuvable dans la base de ressources de votre département.");
}

// An identifier for records created in binome, stable across exports and re-imports.
std::string new_source_id(const char* prefix) {
  std::string token = security::random_token(12);
  for (auto& c : token)
    if (c == '_' || c == '-') c = 'x';
  return std::string(prefix) + "-" + token;
}

}  // namespace

domain::Date ResourceBaseService::today() const {
  return domain::france_today(ctx_.clock.now());
}

void ResourceBaseService::require_editor(const domain::Actor& actor) {
  if (!domain::may_edit_resources(actor))
    throw DomainError(DomainError::Kind::forbidden, "reserve_professionnels",
                      "Seuls les conseillers, référents sociaux et coordinateurs du Département "
                      "et de France Travail modifient la base de ressources.");
}

std::vector<store::Problematique> ResourceBaseService::problematiques() {
  return ctx_.db.with_session([](soci::session& sql) { return store::list_problematiques(sql); });
}

std::shared_ptr<const std::vector<store::Problematique>> ResourceBaseService::labels() {
  std::lock_guard lock(labels_mutex_);
  if (!labels_) {
    auto all =
        ctx_.db.with_session([](soci::session& sql) { return store::list_problematiques(sql); });
    for (auto& p : all)
      for (auto& st : p.sub_themes) st.thematiques.clear();  // edited by admin: never cached
    labels_ = std::make_shared<const std::vector<store::Problematique>>(std::move(all));
  }
  return labels_;
}

store::SubTheme ResourceBaseService::set_mapping(const domain::Actor& actor,
                                                 const std::string& sub_theme,
                                                 const std::vector<std::string>& thematiques,
                                                 const Origin& origin) {
  if (actor.role != domain::Role::admin) {
    audit_now(ctx_, audit_entry(actor, "admin.denied", std::nullopt, origin));
    throw DomainError(DomainError::Kind::forbidden, "reserve_admin",
                      "Cette action est réservée aux administrateurs.");
  }
  domain::FieldErrors errors;
  std::set<std::string> seen;
  for (const auto& t : thematiques) {
    if (!domain::label_of(domain::kDiThematiques, t))
      errors.push_back({"thematiques", "liste",
                        "« " + t + " » n'est pas une thématique du schéma data·inclusion v1."});
    else if (!seen.insert(t).second)
      errors.push_back({"thematiques", "doublon", "« " + t + " » figure deux fois."});
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return ctx_.db.transaction([&](soci::session& sql) {
    if (!store::sub_theme_codes(sql).count(sub_theme))
      throw DomainError(DomainError::Kind::not_found, "sous_thematique_introuvable",
                        "Sous-thématique introuvable.");
    store::set_sub_theme_thematiques(sql, sub_theme, thematiques);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.resource_mapping.update", std::nullopt, origin,
                                     "sous_thematique:" + sub_theme)});
    for (const auto& p : store::list_problematiques(sql))
      for (const auto& st : p.sub_themes)
        if (st.code == sub_theme) return st;
    return store::SubTheme{};
  });
}

std::vector<domain::ResourceStructure> ResourceBaseService::structures(const domain::Actor& actor) {
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::list_structures(sql, actor.departement); });
}

domain::ResourceStructure ResourceBaseService::create_structure(const domain::Actor& actor,
                                                                domain::ResourceStructure s,
                                                                const Origin& origin) {
  require_editor(actor);
  s.departement = actor.departement;
  s.source = "binome";
  s.source_id = new_source_id("structure");
  s.date_maj = domain::to_iso(today());
  auto errors = domain::validate(s, today());
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  return ctx_.db.transaction([&](soci::session& sql) {
    s.id = store::insert_structure(sql, s, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "resource.structure.create", std::nullopt, origin,
                                     "structure:" + std::to_string(s.id))});
    return s;
  });
}

domain::ResourceStructure ResourceBaseService::update_structure(const domain::Actor& actor,
                                                                std::int64_t id,
                                                                domain::ResourceStructure s,
                                                                const Origin& origin) {
  require_editor(actor);
  auto current =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_structure(sql, id); });
  if (!current || current->departement != actor.departement)
    throw DomainError(DomainError::Kind::not_found, "structure_introuvable",
                      "Structure introuvable dans votre département.");
  s.id = current->id;
  s.source = current->source;
  s.source_id = current->source_id;
  s.departement = current->departement;
  s.date_maj = domain::to_iso(today());
  auto errors = domain::validate(s, today());
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_structure(sql, s, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "resource.structure.update", std::nullopt, origin,
                                     "structure:" + std::to_string(s.id))});
  });
  return s;
}

ServiceView ResourceBaseService::view(domain::ResourceService s) {
  ServiceView v;
  v.stale = domain::is_stale(s, today());
  v.due_on = domain::to_iso(domain::update_due_on(s.date_maj, s.update_every_months));
  ctx_.db.with_session([&](soci::session& sql) {
    v.structure = store::find_structure(sql, s.structure_id).value_or(domain::ResourceStructure{});
    for (const auto& id : {s.validated_departement_by, s.validated_france_travail_by})
      if (id)
        if (auto u = store::find_user_by_id(sql, *id)) v.names[*id] = u->display_name;
  });
  v.service = std::move(s);
  return v;
}

ServiceView ResourceBaseService::get(const domain::Actor& actor, std::int64_t id) {
  auto s = ctx_.db.with_session([&](soci::session& sql) { return store::find_service(sql, id); });
  if (!s || s->departement != actor.departement) throw service_not_found();
  if (s->state != ResourceState::publie && !domain::may_edit_resources(actor))
    throw service_not_found();
  return view(std::move(*s));
}

// Checks a service's structure and territory against the département, then every field.
void ResourceBaseService::check(domain::ResourceService& s) {
  domain::FieldErrors errors;
  ctx_.db.with_session([&](soci::session& sql) {
    auto structure = store::find_structure(sql, s.structure_id);
    if (!structure || structure->departement != s.departement)
      errors.push_back({"structure_id", "introuvable",
                        "Choisissez la structure porteuse parmi celles de votre département."});
    else {
      s.source = structure->source;
      s.structure_source_id = structure->source_id;
    }
    if (s.territory_id) {
      std::string dep;
      long long tid = *s.territory_id;
      soci::indicator ind = soci::i_null;
      sql << "SELECT departement FROM territories WHERE id = :id", soci::use(tid),
          soci::into(dep, ind);
      if (ind == soci::i_null || dep != s.departement)
        errors.push_back(
            {"territory_id", "introuvable", "Ce territoire n'appartient pas à votre département."});
    }
    auto more = domain::validate(s, store::sub_theme_codes(sql), today());
    errors.insert(errors.end(), more.begin(), more.end());
    auto epcis =
        domain::check_zone_epcis(s.zone_eligibilite, store::epci_codes(sql, s.departement));
    errors.insert(errors.end(), epcis.begin(), epcis.end());
  });
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
}

ServiceView ResourceBaseService::create(const domain::Actor& actor, domain::ResourceService s,
                                        const Origin& origin) {
  require_editor(actor);
  s.departement = actor.departement;
  s.source_id = new_source_id("service");
  s.date_maj = domain::to_iso(today());
  s.state = ResourceState::brouillon;
  check(s);
  const auto now = ctx_.now_iso();
  s.id = ctx_.db.transaction([&](soci::session& sql) {
    const auto id = store::insert_service(sql, ctx_.db.dialect(), s, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "resource.service.create", std::nullopt, origin,
                                     "service:" + std::to_string(id))});
    return id;
  });
  return view(std::move(s));
}

domain::ResourceService ResourceBaseService::load_editable(const domain::Actor& actor,
                                                           std::int64_t id) {
  require_editor(actor);
  auto s = ctx_.db.with_session([&](soci::session& sql) { return store::find_service(sql, id); });
  if (!s || s->departement != actor.departement) throw service_not_found();
  return *s;
}

ServiceView ResourceBaseService::update(const domain::Actor& actor, std::int64_t id,
                                        domain::ResourceService s, const Origin& origin) {
  auto current = load_editable(actor, id);
  s.id = current.id;
  s.source_id = current.source_id;
  s.departement = current.departement;
  s.date_maj = domain::to_iso(today());
  // A change of content withdraws both validations: the service goes back to brouillon.
  s.state = current.state;
  domain::apply_edit(s);
  check(s);
  const auto now = ctx_.now_iso();
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_service(sql, ctx_.db.dialect(), s, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "resource.service.update", std::nullopt, origin,
                                     "service:" + std::to_string(s.id))});
  });
  return view(std::move(s));
}

ServiceView ResourceBaseService::transition(
    const domain::Actor& actor, std::int64_t id, const std::string& kind,
    const std::function<void(domain::ResourceService&)>& change, const Origin& origin) {
  auto s = load_editable(actor, id);
  change(s);
  const auto now = ctx_.now_iso();
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_service(sql, ctx_.db.dialect(), s, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "resource.service." + kind, std::nullopt, origin,
                                     "service:" + std::to_string(s.id))});
  });
  return view(std::move(s));
}

ServiceView ResourceBaseService::validate(const domain::Actor& actor, std::int64_t id,
                                          const Origin& origin) {
  const auto now = ctx_.now_iso();
  return transition(
      actor, id, "validate",
      [&](domain::ResourceService& s) { domain::apply_validation(s, actor, now); }, origin);
}

ServiceView ResourceBaseService::publish(const domain::Actor& actor, std::int64_t id,
                                         const Origin& origin) {
  const auto now = ctx_.now_iso();
  return transition(
      actor, id, "publish", [&](domain::ResourceService& s) { domain::apply_publication(s, now); },
      origin);
}

ServiceView ResourceBaseService::archive(const domain::Actor& actor, std::int64_t id,
                                         const Origin& origin) {
  const auto now = ctx_.now_iso();
  return transition(
      actor, id, "archive", [&](domain::ResourceService& s) { domain::apply_archive(s, now); },
      origin);
}

ServiceView ResourceBaseService::confirm(const domain::Actor& actor, std::int64_t id,
                                         const Origin& origin) {
  return transition(
      actor, id, "confirm",
      [&](domain::ResourceService& s) {
        if (s.state != ResourceState::publie && s.state != ResourceState::valide)
          throw DomainError(DomainError::Kind::conflict, "etat",
                            "Seul un service validé ou publié se confirme à jour ; un brouillon "
                            "se modifie puis se valide.");
        s.date_maj = domain::to_iso(today());
      },
      origin);
}

store::ResourcePage ResourceBaseService::search(const domain::Actor& actor,
                                                store::ResourceQuery query) {
  query.departement = actor.departement;
  if (!domain::may_edit_resources(actor)) query.states = {"publie"};
  // The text search reads the services' index pages by the hundred: through the file's map.
  return ctx_.db.with_mapped_session([&](soci::session& sql) {
    return store::search_services(sql, ctx_.db.dialect(), query, domain::to_iso(today()));
  });
}

std::vector<domain::ResourceService> ResourceBaseService::to_update_by(const domain::Actor& actor,
                                                                       std::size_t limit) {
  if (!domain::may_edit_resources(actor)) return {};
  return ctx_.db.with_session([&](soci::session& sql) {
    return store::stale_services_to_update(sql, actor.departement, domain::to_iso(today()),
                                           actor.user_id, actor.role == domain::Role::coordinateur,
                                           limit);
  });
}

std::vector<domain::ResourceService> ResourceBaseService::stale_for(const domain::Actor& actor) {
  if (!domain::may_edit_resources(actor)) return {};
  return ctx_.db.with_session([&](soci::session& sql) {
    return store::stale_services(sql, actor.departement, domain::to_iso(today()));
  });
}

}  // namespace binome::app
