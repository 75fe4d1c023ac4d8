// The flows page's API (issue 5, items 4 and 6).
//
// Who is the « opérateur des flux »: a coordinateur of the Département itself (organisation of
// kind « departement » or « service_departemental ») or an administrator. They validate files,
// read the import history and the deposit calendar — none of which names a person. The events
// of the imports name persons: they are read by anyone who may see named persons, only for the
// persons within their reach (domain::reach_of), and every read is audited with the persons
// listed (« flows.events.read »). Refusals are audited as « flows.denied ».
#include <algorithm>
#include <map>

#include "app/guards.hpp"
#include "domain/flow_calendar.hpp"
#include "domain/flows_operator.hpp"
#include "domain/time.hpp"
#include "flows/reader.hpp"
#include "flows/report.hpp"
#include "http/routes.hpp"
#include "store/audit_repo.hpp"
#include "store/flows_repo.hpp"
#include "store/persons_repo.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

void require_flows_operator(app::Context& ctx, const Request& req) {
  if (domain::is_flows_operator(req.actor())) return;
  app::audit_now(ctx, app::audit_entry(req.actor(), "flows.denied", std::nullopt, req.origin()));
  throw DomainError(DomainError::Kind::forbidden, "reserve_operateur_flux",
                    "Les flux RSA sont réservés aux coordinateurs du Département et aux "
                    "administrateurs (opérateurs des flux).");
}

// The report of `binome flows validate --json`, plus the problems grouped by rule.
Json validate_body(const std::string& file_name, const std::string& body, domain::Date today) {
  std::vector<flows::Diagnostic> kept;
  flows::ReaderCallbacks cb;
  cb.on_diagnostic = [&](const flows::Diagnostic& d) { kept.push_back(d); };
  flows::FlowReader reader(today, std::move(cb));
  reader.feed(body);
  const auto summary = reader.finish();
  Json report = flows::file_report(file_name, summary, kept);
  std::map<std::string, Json> groups;
  std::vector<std::string> order;
  for (const auto& d : kept) {
    auto it = groups.find(d.rule);
    if (it == groups.end()) {
      order.push_back(d.rule);
      it = groups
               .emplace(d.rule, Json{{"rule", d.rule},
                                     {"errors", 0},
                                     {"warnings", 0},
                                     {"diagnostics", Json::array()}})
               .first;
    }
    auto& g = it->second;
    if (d.severity == flows::Severity::error)
      g["errors"] = g["errors"].get<long long>() + 1;
    else
      g["warnings"] = g["warnings"].get<long long>() + 1;
    Json item = flows::to_json(d);
    item["severity"] = d.severity == flows::Severity::error ? "erreur" : "avertissement";
    g["diagnostics"].push_back(std::move(item));
  }
  Json by_rule = Json::array();
  for (const auto& r : order) by_rule.push_back(std::move(groups[r]));
  report["by_rule"] = std::move(by_rule);
  report["error_count"] = summary.errors;
  report["warning_count"] = summary.warnings;
  report["file_error"] = summary.file_error;
  report["verdict"] = summary.file_error ? "fichier rejeté"
                      : summary.errors   ? "fichier accepté, dossiers en erreur écartés"
                                         : "fichier valide";
  return report;
}

}  // namespace

void add_flows_routes(Router& router, RouteDeps deps) {
  router.add("POST", "/api/v1/flows/validate", Access::authenticated, [deps](Request& req) {
    auto& ctx = deps.services.ctx;
    require_flows_operator(ctx, req);
    std::string name = req.query_value("nom").value_or("fichier.xml");
    if (name.empty() || name.size() > 200) name = "fichier.xml";
    if (req.body.empty())
      throw DomainError(DomainError::Kind::invalid, "fichier_vide",
                        "Le fichier envoyé est vide : joignez un fichier PECGM, PECDH ou CGPEM.");
    Json report = validate_body(name, req.body, app::today(ctx));
    // The file holds personal data, even if nothing of it is stored: its check is traced.
    app::audit_now(ctx, app::audit_entry(req.actor(), "flows.validate", std::nullopt, req.origin(),
                                         "fichier:" + name));
    return json_response(200, report);
  });

  router.add("GET", "/api/v1/flows/imports", Access::authenticated, [deps](Request& req) {
    auto& ctx = deps.services.ctx;
    require_flows_operator(ctx, req);
    auto rows = ctx.db.with_session(
        [](soci::session& sql) { return store::recent_flow_imports(sql, 100); });
    Json items = Json::array();
    for (const auto& r : rows) {
      // A département coordinateur sees the imports of their département only.
      if (req.actor().role != domain::Role::admin && !req.actor().departement.empty() &&
          r.departement != req.actor().departement)
        continue;
      items.push_back({{"id", r.id},
                       {"kind", r.kind},
                       {"departement", r.departement},
                       {"date_reference", r.date_reference},
                       {"date_fabrication", r.date_fabrication},
                       {"file_name", r.file_name},
                       {"file_sha256", r.file_sha256},
                       {"dossiers", r.dossiers},
                       {"matched", r.matched},
                       {"unmatched", r.unmatched},
                       {"rejected", r.rejected},
                       {"events", r.events},
                       {"forced", r.forced},
                       {"imported_at", r.imported_at},
                       {"imported_by", r.imported_by}});
    }
    return json_response(200, {{"items", items}});
  });

  router.add("GET", "/api/v1/flows/calendar", Access::authenticated, [deps](Request& req) {
    auto& ctx = deps.services.ctx;
    require_flows_operator(ctx, req);
    std::string dep = req.actor().departement.empty() ? "62" : req.actor().departement;
    if (auto q = req.query_value("departement"); q && !q->empty()) {
      if (q->size() > 3)
        throw DomainError(DomainError::Kind::invalid,
                          {{"departement", "invalide", "Code de département invalide."}});
      dep = *q;
    }
    const domain::Calendar cal(dep);
    const auto now = ctx.clock.now();
    const auto cgpem = domain::next_cgpem_deadline(cal, now);
    const auto pecgm = domain::next_pecgm_available(cal, now);
    return json_response(200,
                         {{"departement", cal.departement()},
                          {"alsace_moselle", cal.alsace_moselle()},
                          {"next_cgpem_due", domain::to_iso(cgpem)},
                          {"next_cgpem_due_label", domain::french_long_date(cgpem) + " avant 17 h"},
                          {"next_pecgm_available", domain::to_iso(pecgm)},
                          {"next_pecgm_available_label", domain::french_long_date(pecgm)}});
  });

  router.add("GET", "/api/v1/flows/events", Access::authenticated, [deps](Request& req) {
    auto& ctx = deps.services.ctx;
    const auto& actor = req.actor();
    if (!domain::may_see_named_persons(actor.role)) {
      app::audit_now(ctx, app::audit_entry(actor, "flows.denied", std::nullopt, req.origin()));
      throw DomainError(DomainError::Kind::forbidden, "personnes_nommees",
                        "Votre rôle ne donne pas accès aux personnes nommées : les évènements "
                        "des flux ne vous sont pas présentés.");
    }
    const auto reach = domain::reach_of(actor);
    std::map<std::int64_t, std::string> names;
    std::vector<store::FlowEventRow> events;
    ctx.db.with_session([&](soci::session& sql) {
      std::vector<std::int64_t> ids;
      const int batch = 1000;
      for (int offset = 0;;) {
        auto page = store::list_persons(sql, reach, "", batch, offset);
        for (const auto& p : page.items) {
          ids.push_back(p.id);
          names[p.id] = p.first_name + " " + p.last_name;
        }
        // The store may cap a page below `batch`: stop on the total, not on a short page.
        offset += int(page.items.size());
        if (page.items.empty() || offset >= page.total) break;
      }
      if (!ids.empty()) events = store::open_flow_events(sql, ids);
    });
    // Most recent first, at most 200.
    std::reverse(events.begin(), events.end());
    if (events.size() > 200) events.resize(200);
    Json items = Json::array();
    auto entry = app::audit_entry(actor, "flows.events.read", std::nullopt, req.origin());
    for (const auto& e : events) {
      entry.listed_persons.push_back(e.person_id);
      items.push_back({{"id", e.id},
                       {"person", {{"id", e.person_id}, {"name", names[e.person_id]}}},
                       {"import_id", e.import_id},
                       {"kind", e.kind},
                       {"event_date", e.event_date},
                       {"detail", e.detail},
                       {"created_at", e.created_at}});
    }
    if (!entry.listed_persons.empty()) app::audit_now(ctx, entry);
    return json_response(200, {{"items", items}});
  });
}

}  // namespace binome::http
