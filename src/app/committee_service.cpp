#include "app/committee_service.hpp"

#include <nlohmann/json.hpp>

#include "app/guards.hpp"
#include "app/indicator_service.hpp"
#include "domain/committee.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

void require_role(const domain::Actor& actor) {
  if (actor.role != domain::Role::coordinateur && actor.role != domain::Role::pilotage)
    throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                      "Les comités sont tenus par les coordinateurs et le pilotage.");
}

std::string pack_json(const IndicatorReport& r) {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& t : r.tables) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : t.rows)
      rows.push_back({{"key", row.key},
                      {"label", row.label},
                      {"display", domain::display_value(row)},
                      {"unit", row.unit},
                      {"target", row.target ? nlohmann::json(*row.target) : nullptr},
                      {"masked", row.masked}});
    tables.push_back({{"key", t.key}, {"title", t.title}, {"rows", rows}});
  }
  return nlohmann::json{{"scope", r.scope}, {"id", r.scope_id}, {"label", r.scope_label},
                        {"from", r.from},   {"to", r.to},       {"tables", tables}}
      .dump();
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

}  // namespace

store::CommitteeRow CommitteeService::create(const domain::Actor& actor, const NewCommittee& c,
                                             const Origin& origin) {
  require_role(actor);
  auto errors = domain::check_committee(c.kind, c.held_on, c.agenda);
  for (std::size_t i = 0; i < c.attendees.size(); ++i) {
    const auto& a = c.attendees[i];
    if (a.role.empty() || a.organisation.empty() || a.role.size() > 80 ||
        a.organisation.size() > 120 || !domain::personal_data_hints(a.role).empty() ||
        !domain::personal_data_hints(a.organisation).empty())
      errors.push_back({"attendees", "role_organisation",
                        "Participant " + std::to_string(i + 1) +
                            " : fonction et organisation obligatoires, sans donnée personnelle."});
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  IndicatorQuery q;
  q.from = c.from;
  q.to = c.to;
  auto report = IndicatorService(ctx_).compute(actor, q, origin);
  domain::mask_small_cells(report.tables);
  store::CommitteeRow row;
  row.departement = actor.departement;
  row.kind = c.kind;
  row.held_on = c.held_on;
  row.period_from = report.from;
  row.period_to = report.to;
  row.agenda = join(c.agenda);
  row.indicator_pack = pack_json(report);
  row.created_by = actor.user_id;
  row.created_at = ctx_.now_iso();
  row.updated_at = row.created_at;
  row.attendees = c.attendees;
  ctx_.db.transaction([&](soci::session& sql) {
    row.id = store::insert_committee(sql, row);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "committee.create", std::nullopt, origin,
                                     "comite:" + std::to_string(row.id))});
  });
  return row;
}

std::vector<store::CommitteeRow> CommitteeService::list(const domain::Actor& actor) {
  require_role(actor);
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::committees_of(sql, actor.departement); });
}

store::CommitteeRow CommitteeService::get(const domain::Actor& actor, std::int64_t id) {
  require_role(actor);
  auto row =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_committee(sql, id); });
  if (!row || row->departement != actor.departement)
    throw DomainError(DomainError::Kind::not_found, "introuvable", "Comité introuvable.");
  return *row;
}

store::CommitteeRow CommitteeService::conclude(const domain::Actor& actor, std::int64_t id,
                                               const std::string& text, const Origin& origin) {
  auto row = get(actor, id);
  if (text.size() > domain::kConclusionsMaxLength)
    throw DomainError(DomainError::Kind::invalid,
                      domain::FieldErrors{{"conclusions", "trop_long",
                                           "Le relevé de conclusions compte 8 000 caractères "
                                           "au plus."}});
  const auto hints = domain::personal_data_hints(text);
  if (!hints.empty()) {
    std::string list;
    for (const auto& h : hints) list += (list.empty() ? "" : ", ") + h;
    throw DomainError(DomainError::Kind::invalid,
                      domain::FieldErrors{{"conclusions", "donnee_personnelle",
                                           "Le relevé de conclusions ne doit contenir aucune "
                                           "donnée personnelle ; il semble contenir : " +
                                               list + "."}});
  }
  const auto now = ctx_.now_iso();
  ctx_.db.transaction([&](soci::session& sql) {
    store::set_conclusions(sql, id, text, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "committee.conclusions", std::nullopt, origin,
                                     "comite:" + std::to_string(id))});
  });
  row.conclusions = text;
  row.updated_at = now;
  return row;
}

}  // namespace binome::app
