#include "app/rgpd_service.hpp"

#include <filesystem>
#include <map>

#include "app/guards.hpp"
#include "domain/errors.hpp"
#include "domain/support.hpp"
#include "domain/text.hpp"
#include "exports/access_pdf.hpp"
#include "store/flows_repo.hpp"
#include "store/profiles_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;
using Json = nlohmann::json;

const domain::Actor& system_actor() {
  static const domain::Actor a = [] {
    domain::Actor s;
    s.login = "binome (purge)";
    return s;
  }();
  return a;
}

DomainError invalid(const std::string& field, const std::string& message) {
  return DomainError(DomainError::Kind::invalid, domain::FieldErrors{{field, "invalide", message}});
}

// The convention that governs a person's data: the latest-ending one among its orientations,
// supports and axe 3; without any, the convention of its département on the day it was
// created. Null when there is none.
const domain::ConventionProfile* governing(
    const std::map<std::int64_t, domain::ConventionProfile>& profiles,
    const store::RetentionCandidate& c) {
  const domain::ConventionProfile* best = nullptr;
  auto later = [](const domain::ConventionProfile* a, const domain::ConventionProfile& b) {
    if (!a) return true;
    if (!a->valid_to) return false;  // no end: nothing later
    return !b.valid_to || *b.valid_to > *a->valid_to;
  };
  for (auto id : c.profile_ids) {
    auto it = profiles.find(id);
    if (it != profiles.end() && later(best, it->second)) best = &it->second;
  }
  if (best) return best;
  const auto& day = c.created_on;
  for (const auto& [id, p] : profiles)
    if (p.departement == c.departement && p.valid_from <= day &&
        (!p.valid_to || day <= *p.valid_to))
      return &p;
  return nullptr;
}

std::optional<domain::RetentionFacts> facts_of(
    const std::map<std::int64_t, domain::ConventionProfile>& profiles,
    const store::RetentionCandidate& c) {
  const auto* p = governing(profiles, c);
  if (!p || !p->valid_to) return std::nullopt;
  const auto end = domain::parse_date(*p->valid_to);
  if (!end || p->versions.empty()) return std::nullopt;
  const auto* v = domain::version_in_force(*p, *end);
  domain::RetentionFacts f;
  f.convention_code = p->code;
  f.convention_label = p->label;
  f.convention_end = *end;
  f.rules = (v ? v->rules : p->versions.front().rules).retention;
  f.support_in_progress = c.support_in_progress;
  f.has_followup_data = c.followup_rows > 0;
  f.has_fiche = c.has_fiche;
  f.has_flow_data = c.flow_rows > 0;
  return f;
}

std::map<std::int64_t, domain::ConventionProfile> profiles_by_id(soci::session& sql) {
  std::map<std::int64_t, domain::ConventionProfile> out;
  for (auto& p : store::list_profiles(sql)) out.emplace(p.id, std::move(p));
  return out;
}

// Days a raw exchange file is kept in a département: its convention in force, else 90.
int exchange_files_days(const std::map<std::int64_t, domain::ConventionProfile>& profiles,
                        const std::string& departement, const std::string& day) {
  for (const auto& [id, p] : profiles)
    if (p.departement == departement && p.valid_from <= day &&
        (!p.valid_to || day <= *p.valid_to)) {
      const auto* v = domain::version_in_force(p, *domain::parse_date(day));
      if (v) return v->rules.retention.exchange_files_days;
    }
  return domain::RetentionRules{}.exchange_files_days;
}

PurgeReport compute_plan(soci::session& sql, const domain::Date& today) {
  PurgeReport report;
  const auto profiles = profiles_by_id(sql);
  for (const auto& f : store::kept_raw_flow_files(sql)) {
    const auto imported_on = domain::parse_date(f.imported_at.substr(0, 10));
    if (!imported_on) continue;
    const int days = exchange_files_days(profiles, f.departement, f.imported_at.substr(0, 10));
    if (!domain::raw_flow_file_due(*imported_on, days, today)) continue;
    report.raw_files.push_back({f.import_id, f.kind, f.departement, f.file_name, f.raw_file,
                                f.imported_at,
                                domain::to_iso(domain::raw_flow_file_limit(*imported_on, days)),
                                domain::raw_flow_file_rule(days)});
  }
  for (const auto& c : store::retention_candidates(sql)) {
    const auto facts = facts_of(profiles, c);
    if (!facts) {
      ++report.persons_without_convention;
      continue;
    }
    if (facts->support_in_progress) {
      auto idle = *facts;
      idle.support_in_progress = false;
      if (!domain::purge_due(idle, today).empty()) ++report.persons_in_progress;
      continue;
    }
    for (const auto& due : domain::purge_due(*facts, today)) {
      PurgeItem item;
      item.person_id = c.person_id;
      item.departement = c.departement;
      item.convention = facts->convention_code;
      item.category = due.category;
      item.limit = domain::to_iso(due.limit);
      item.rule = due.rule;
      item.action =
          due.category == domain::RetentionCategory::fiche ? "anonymisation" : "suppression";
      item.rows = due.category == domain::RetentionCategory::flux ? c.flow_rows : c.followup_rows;
      report.items.push_back(std::move(item));
    }
  }
  return report;
}

const std::map<std::string, std::string>& kind_labels() {
  static const std::map<std::string, std::string> m{
      {"acces", "Demande d'accès"},
      {"rectification", "Demande de rectification"},
      {"effacement", "Demande d'effacement"},
      {"opposition", "Opposition au traitement"},
      {"limitation", "Demande de limitation du traitement"}};
  return m;
}

void check_name(domain::FieldErrors& errors, const char* field, const std::string& v) {
  if (v.empty() || v.size() > 100 || !domain::is_clean_utf8(v))
    errors.push_back({field, "invalide",
                      std::string("Le champ « ") + field +
                          " » est requis (100 caractères au plus, sans caractère de contrôle)."});
}

// French labels of the columns shown in the access PDF; the others keep their name.
const std::map<std::string, std::string>& column_labels() {
  static const std::map<std::string, std::string> m{
      {"id", "N°"},
      {"last_name", "Nom"},
      {"first_name", "Prénom"},
      {"birth_date", "Date de naissance"},
      {"street", "Adresse"},
      {"postal_code", "Code postal"},
      {"commune", "Commune"},
      {"phone", "Téléphone"},
      {"email", "Courriel"},
      {"consent_electronic", "Accord pour les échanges électroniques"},
      {"ft_id", "Identifiant France Travail"},
      {"caf_id", "Numéro CAF"},
      {"brsa", "Bénéficiaire du RSA"},
      {"rqth", "RQTH"},
      {"family_situation", "Situation familiale"},
      {"dependent_children", "Enfants à charge"},
      {"departement", "Département"},
      {"territory_id", "Territoire (n°)"},
      {"agence_id", "Agence (n°)"},
      {"conseiller_id", "Conseiller (n°)"},
      {"referent_social_id", "Référent social (n°)"},
      {"created_at", "Créé le"},
      {"updated_at", "Modifié le"},
      {"restricted_at", "Traitement limité depuis"},
      {"oriented_on", "Orienté(e) le"},
      {"status", "État"},
      {"decision", "Décision"},
      {"decision_mode", "Mode de décision"},
      {"obstacles", "Freins périphériques"},
      {"social_criteria", "Critères sociaux"},
      {"professional_criteria", "Critères professionnels"},
      {"consent_signature_on", "Consentement signé le"},
      {"start_date", "Début"},
      {"end_date", "Fin"},
      {"state", "État"},
      {"exit_outcome", "Issue"},
      {"exit_date", "Sortie le"},
      {"kind", "Nature"},
      {"detail", "Détail"},
      {"at", "Date"},
      {"scheduled_at", "Date prévue"},
      {"channel", "Modalité"},
      {"attendance", "Présence"},
      {"decided_on", "Décidé le"},
      {"service_nom", "Service"},
      {"problematique", "Problématique"},
      {"proposed_on", "Proposé le"},
      {"reason", "Motif"},
      {"seq", "N° d'ordre"},
      {"user_login", "Utilisateur"},
      {"organisation", "Organisation"},
      {"action", "Action"},
      {"route", "Origine"},
      {"received_on", "Reçue le"},
      {"due_on", "Échéance"},
      {"outcome", "Issue"},
      {"answer", "Réponse"},
      {"answered_at", "Répondue le"}};
  return m;
}

std::string value_text(const Json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>().empty() ? "—" : v.get<std::string>();
  return v.dump();
}

exports::AccessSection section(const std::string& title, const Json& rows) {
  exports::AccessSection s;
  s.title = title;
  s.empty_text = "Aucune donnée.";
  const auto& labels = column_labels();
  auto add = [&](const Json& row) {
    exports::AccessRecord r;
    for (const auto& [key, value] : row.items()) {
      auto it = labels.find(key);
      r.fields.emplace_back(it == labels.end() ? key : it->second, value_text(value));
    }
    s.records.push_back(std::move(r));
  };
  if (rows.is_array())
    for (const auto& row : rows) add(row);
  else if (rows.is_object())
    add(rows);
  return s;
}

}  // namespace

int breach_notification_hours(bool api_incident) {
  return api_incident ? 48 : 36;
}

void RgpdService::require_dpo(const domain::Actor& actor, const Origin& origin) {
  if (actor.role == domain::Role::dpo) return;
  audit_now(ctx_, audit_entry(actor, "rgpd.denied", std::nullopt, origin));
  throw DomainError(DomainError::Kind::forbidden, "reserve_dpo",
                    "Cette fonction est réservée au délégué à la protection des données.");
}

// ---- retention ----

PurgeReport RgpdService::plan() {
  const auto day = today(ctx_);
  return ctx_.db.with_session([&](soci::session& sql) { return compute_plan(sql, day); });
}

PurgeReport RgpdService::purge(const Origin& origin) {
  auto report = plan();
  std::map<std::int64_t, std::vector<const PurgeItem*>> by_person;
  for (const auto& item : report.items) by_person[item.person_id].push_back(&item);
  // Raw exchange files: the file goes, the import's row stays (its counts feed the history);
  // one that is already gone is recorded as removed all the same.
  for (const auto& f : report.raw_files) {
    std::error_code ec;
    std::filesystem::remove(f.path, ec);
    if (ec)
      throw std::runtime_error("suppression de « " + f.path + " » impossible : " + ec.message());
    ctx_.db.transaction([&](soci::session& sql) {
      const auto now = ctx_.now_iso();
      store::mark_raw_flow_file_removed(sql, f.import_id, now);
      store::append_audit(
          sql, ctx_.db.dialect(), now,
          {audit_entry(system_actor(), "purge.fichier_flux", std::nullopt, origin,
                       "import:" + std::to_string(f.import_id) + ";limite:" + f.limit)});
    });
  }
  int followup = 0, anonymised = 0;
  for (const auto& [person, items] : by_person) {
    ctx_.db.transaction([&](soci::session& sql) {
      std::vector<store::AuditEntry> entries;
      const auto now = ctx_.now_iso();
      // Only the flow data when they alone are due (the RSA flows convention's shorter
      // period); every follow-up row, flow data included, otherwise.
      bool followup_due = false, anonymise = false;
      for (const auto* item : items) {
        if (item->category == domain::RetentionCategory::fiche) anonymise = true;
        if (item->category != domain::RetentionCategory::flux) followup_due = true;
      }
      const long long rows = followup_due ? store::delete_followup_data(sql, person)
                                          : store::delete_flow_data(sql, person);
      for (const auto* item : items) {
        const char* action = item->category == domain::RetentionCategory::fiche
                                 ? "purge.anonymisation"
                             : item->category == domain::RetentionCategory::flux ? "purge.flux"
                                                                                 : "purge.suivi";
        entries.push_back(audit_entry(system_actor(), action, person, origin,
                                      "convention:" + item->convention + ";limite:" + item->limit +
                                          ";lignes:" + std::to_string(rows)));
      }
      if (anonymise) store::anonymise_person(sql, person, now);
      store::append_audit(sql, ctx_.db.dialect(), now, entries);
    });
    for (const auto* item : items)
      (item->category == domain::RetentionCategory::fiche ? anonymised : followup) += 1;
  }
  audit_now(ctx_, audit_entry(system_actor(), "purge.run", std::nullopt, origin,
                              "suivi:" + std::to_string(followup) +
                                  ";anonymisation:" + std::to_string(anonymised) +
                                  ";fichiers_flux:" + std::to_string(report.raw_files.size())));
  return report;
}

PurgeReport RgpdService::purge_daily(const Origin& origin) {
  const auto day = domain::to_iso(today(ctx_));
  const bool claimed = ctx_.db.transaction(
      [&](soci::session& sql) { return store::claim_purge_day(sql, day, ctx_.now_iso()); });
  if (!claimed) {
    PurgeReport r;
    r.already_run_today = true;
    return r;
  }
  auto report = purge(origin);
  int followup = 0, anonymised = 0;
  for (const auto& i : report.items)
    (i.category == domain::RetentionCategory::fiche ? anonymised : followup) += 1;
  ctx_.db.transaction([&](soci::session& sql) {
    store::finish_purge_day(sql, day, ctx_.now_iso(), followup, anonymised);
  });
  return report;
}

// ---- data-subject requests ----

store::RgpdRequestRow RgpdService::request_or_404(std::int64_t id) {
  auto r =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_rgpd_request(sql, id); });
  if (!r) throw DomainError(DomainError::Kind::not_found, "introuvable", "Demande introuvable.");
  return *r;
}

store::RgpdRequestRow RgpdService::record_request(const domain::Actor& actor,
                                                  const RgpdRequestInput& in,
                                                  const Origin& origin) {
  require_dpo(actor, origin);
  domain::FieldErrors errors;
  if (!kind_labels().count(in.kind))
    errors.push_back({"kind", "invalide",
                      "La nature de la demande doit être acces, rectification, effacement, "
                      "opposition ou limitation."});
  const auto received = domain::parse_date(in.received_on);
  if (!received)
    errors.push_back(
        {"received_on", "invalide", "La date de réception doit être au format AAAA-MM-JJ."});
  else if (std::chrono::sys_days{*received} > std::chrono::sys_days{today(ctx_)})
    errors.push_back({"received_on", "future", "La date de réception ne peut pas être future."});
  check_name(errors, "last_name", in.last_name);
  check_name(errors, "first_name", in.first_name);
  if (!domain::parse_date(in.birth_date))
    errors.push_back(
        {"birth_date", "invalide", "La date de naissance doit être au format AAAA-MM-JJ."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);

  store::RgpdRequestRow row;
  row.kind = in.kind;
  row.received_on = in.received_on;
  row.due_on = domain::to_iso(domain::plus_months(*received, 1));
  row.last_name = in.last_name;
  row.first_name = in.first_name;
  row.birth_date = in.birth_date;
  row.status = "ouverte";
  row.recorded_at = ctx_.now_iso();
  const auto last = domain::fold_for_search(in.last_name);
  const auto first = domain::fold_for_search(in.first_name);
  return ctx_.db.transaction([&](soci::session& sql) {
    std::vector<std::int64_t> matches;
    for (const auto& p : store::persons_born_on(sql, in.birth_date))
      if (domain::fold_for_search(p.last_name) == last &&
          domain::fold_for_search(p.first_name) == first)
        matches.push_back(p.id);
    // Only a single match names the person: namesakes born the same day are left to the dpo.
    if (matches.size() == 1) row.person_id = matches.front();
    row.id = store::insert_rgpd_request(sql, row, actor.user_id);
    store::append_audit(sql, ctx_.db.dialect(), row.recorded_at,
                        {audit_entry(actor, "rgpd.request.create", row.person_id, origin,
                                     "demande:" + std::to_string(row.id))});
    return row;
  });
}

std::vector<store::RgpdRequestRow> RgpdService::requests(const domain::Actor& actor, bool open_only,
                                                         const Origin& origin) {
  require_dpo(actor, origin);
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::list_rgpd_requests(sql, open_only); });
}

Json RgpdService::access_export(const domain::Actor& actor, std::int64_t request_id,
                                const Origin& origin) {
  require_dpo(actor, origin);
  const auto req = request_or_404(request_id);
  Json out;
  out["demande"] = {{"id", req.id},
                    {"nature", req.kind},
                    {"recue_le", req.received_on},
                    {"echeance", req.due_on},
                    {"nom", req.last_name},
                    {"prenom", req.first_name},
                    {"date_naissance", req.birth_date}};
  out["genere_le"] = ctx_.now_iso();
  if (!req.person_id) {
    out["donnees"] = nullptr;
    out["acces"] = Json::array();
    out["message"] = "binome ne détient aucune donnée sur une personne de ce nom née ce jour.";
  } else {
    ctx_.db.with_session([&](soci::session& sql) {
      out["donnees"] = store::person_data(sql, *req.person_id);
      out["acces"] = store::person_audit(sql, *req.person_id);
    });
    out["message"] =
        "Données détenues par binome sur la personne, et les consultations et opérations "
        "dont elle a fait l'objet (qui, quand, quoi).";
  }
  // On the trail before anything leaves.
  audit_now(ctx_, audit_entry(actor, "rgpd.access.export", req.person_id, origin,
                              "demande:" + std::to_string(req.id)));
  return out;
}

std::string RgpdService::access_pdf(const domain::Actor& actor, std::int64_t request_id,
                                    const Origin& origin) {
  const auto data = access_export(actor, request_id, origin);
  exports::AccessDocument doc;
  const auto& d = data["demande"];
  doc.person_name = d["prenom"].get<std::string>() + " " + d["nom"].get<std::string>() +
                    ", né(e) le " + french_date(d["date_naissance"].get<std::string>());
  doc.request_label = kind_labels().at(d["nature"].get<std::string>()) + " n° " +
                      std::to_string(d["id"].get<long long>()) + " reçue le " +
                      french_date(d["recue_le"].get<std::string>());
  doc.generated_on = french_date(data["genere_le"].get<std::string>().substr(0, 10));
  doc.preamble = {
      data["message"].get<std::string>(),
      "binome est l'outil de l'accompagnement global entre France Travail et le Département. "
      "Chaque partie est responsable de son propre traitement ; les données sont conservées "
      "pendant la durée de la convention puis, pour la fiche de liaison et le diagnostic, "
      "pendant la période exigée par le Fonds social européen (10 ans après la fin de la "
      "convention).",
      "Vous pouvez demander la rectification de ces données, leur effacement ou la limitation "
      "de leur traitement auprès du délégué à la protection des données, et introduire une "
      "réclamation auprès de la CNIL (www.cnil.fr)."};
  if (!data["donnees"].is_null()) {
    const auto& v = data["donnees"];
    const std::pair<const char*, const char*> sections[] = {
        {"personne", "Identité"},
        {"orientations", "Orientations (fiche de liaison)"},
        {"historique_orientations", "Historique des orientations"},
        {"accompagnements", "Accompagnement global (axe 2)"},
        {"historique_accompagnements", "Historique de l'accompagnement"},
        {"axe3", "Accompagnement social exclusif (axe 3)"},
        {"historique_axe3", "Historique de l'axe 3"},
        {"rendez_vous", "Rendez-vous"},
        {"taches", "Tâches des professionnels"},
        {"decisions_equipe_pluridisciplinaire", "Décisions de l'équipe pluridisciplinaire"},
        {"ressources", "Ressources sociales proposées"},
        {"binomes", "Binômes successifs (conseiller et référent social)"},
        {"demandes_rgpd", "Vos demandes au titre du RGPD"}};
    for (const auto& [key, title] : sections) doc.sections.push_back(section(title, v[key]));
  }
  doc.sections.push_back(section("Qui a consulté ou modifié vos données, et quand", data["acces"]));
  return exports::render_access_pdf(doc);
}

store::RgpdRequestRow RgpdService::answer(const domain::Actor& actor, std::int64_t request_id,
                                          const Origin& origin) {
  require_dpo(actor, origin);
  auto req = request_or_404(request_id);
  if (req.status != "ouverte")
    throw DomainError(DomainError::Kind::conflict, "deja_traitee",
                      "Cette demande a déjà reçu sa réponse.");
  return ctx_.db.transaction([&](soci::session& sql) {
    const auto now = ctx_.now_iso();
    std::string outcome, text;
    if (!req.person_id) {
      outcome = "aucune_donnee";
      text = "binome ne détient aucune donnée sur une personne de ce nom née ce jour.";
    } else if (req.kind == "acces") {
      outcome = "communiquee";
      text = "Les données détenues et les accès à ces données ont été communiqués (PDF et JSON).";
    } else if (req.kind == "rectification") {
      outcome = "transmise";
      text =
          "La demande de rectification a été transmise aux référents de la personne, seuls "
          "habilités à modifier son dossier.";
    } else if (req.kind == "effacement" && store::has_fiche(sql, *req.person_id)) {
      // The fiche and the diagnosis are kept for the FSE: restricted, not erased.
      std::string until = "10 ans après la fin de la convention";
      const auto profiles = profiles_by_id(sql);
      for (const auto& c : store::retention_candidates(sql))
        if (c.person_id == *req.person_id)
          if (const auto f = facts_of(profiles, c))
            for (const auto& due : domain::retention_limits(*f))
              if (due.category == domain::RetentionCategory::fiche)
                until = "jusqu'au " + french_date(domain::to_iso(due.limit)) + " (" +
                        std::to_string(f->rules.fiche_years_after_convention_end) +
                        " ans après la fin de la convention " + f->convention_code + ")";
      store::restrict_person(sql, *req.person_id, "effacement_fse", now);
      outcome = "limitee_fse";
      text =
          "La fiche de liaison et le diagnostic partagé doivent être conservés pour les "
          "contrôles du Fonds social européen, " +
          until +
          " : ils ne peuvent pas être effacés avant. Leur traitement est limité : plus "
          "aucun professionnel n'y a accès, et ils seront anonymisés au terme de cette "
          "période.";
    } else if (req.kind == "effacement") {
      const auto rows = store::delete_followup_data(sql, *req.person_id);
      store::anonymise_person(sql, *req.person_id, now);
      outcome = "effacee";
      text = "Les données de la personne ont été effacées (" + std::to_string(rows) +
             " élément(s) de suivi supprimé(s), identité effacée).";
    } else {
      store::restrict_person(sql, *req.person_id, req.kind, now);
      outcome = "limitee";
      text =
          "Le traitement des données est limité : plus aucun professionnel n'y a accès ; "
          "elles sont conservées jusqu'au terme de leur durée de conservation.";
    }
    store::close_rgpd_request(sql, req.id, outcome, text, actor.user_id, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "rgpd.request.answer", req.person_id, origin,
                                     "demande:" + std::to_string(req.id) + ";issue:" + outcome)});
    req.status = "traitee";
    req.outcome = outcome;
    req.answer = text;
    req.answered_at = now;
    return req;
  });
}

// ---- breaches ----

BreachView RgpdService::view(const store::BreachRow& row) const {
  BreachView v;
  v.row = row;
  const auto deadline = domain::parse_iso(row.deadline_at);
  v.seconds_left = deadline ? (*deadline - ctx_.clock.now()).count() : 0;
  v.state = row.notified_at ? "notifiee" : (v.seconds_left < 0 ? "en_retard" : "a_notifier");
  return v;
}

BreachView RgpdService::record_breach(const domain::Actor& actor, const BreachInput& in,
                                      const Origin& origin) {
  require_dpo(actor, origin);
  domain::FieldErrors errors;
  const auto discovered = domain::parse_iso(in.discovered_at);
  if (!discovered)
    errors.push_back({"discovered_at", "invalide",
                      "La date de découverte doit être au format AAAA-MM-JJTHH:MM:SSZ."});
  else if (*discovered > ctx_.clock.now())
    errors.push_back({"discovered_at", "future", "La date de découverte ne peut pas être future."});
  if (in.nature != "confidentialite" && in.nature != "integrite" && in.nature != "disponibilite")
    errors.push_back(
        {"nature", "invalide", "La nature doit être confidentialite, integrite ou disponibilite."});
  if (in.summary.empty() || in.summary.size() > 1000 || !domain::is_clean_utf8(in.summary))
    errors.push_back(
        {"summary", "invalide",
         "Le résumé est requis (1000 caractères au plus, sans caractère de contrôle)."});
  if (in.persons_affected && *in.persons_affected < 0)
    errors.push_back({"persons_affected", "invalide", "Le nombre de personnes doit être positif."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  store::BreachRow row;
  row.discovered_at = domain::to_iso(*discovered);
  row.api_incident = in.api_incident;
  row.nature = in.nature;
  row.summary = in.summary;
  row.persons_affected = in.persons_affected;
  row.deadline_at =
      domain::to_iso(*discovered + std::chrono::hours(breach_notification_hours(in.api_incident)));
  row.recorded_at = ctx_.now_iso();
  return view(ctx_.db.transaction([&](soci::session& sql) {
    row.id = store::insert_breach(sql, row, actor.user_id);
    store::append_audit(sql, ctx_.db.dialect(), row.recorded_at,
                        {audit_entry(actor, "rgpd.breach.create", std::nullopt, origin,
                                     "violation:" + std::to_string(row.id))});
    return row;
  }));
}

std::vector<BreachView> RgpdService::breaches(const domain::Actor& actor, const Origin& origin) {
  require_dpo(actor, origin);
  std::vector<BreachView> out;
  for (const auto& b :
       ctx_.db.with_session([](soci::session& sql) { return store::list_breaches(sql); }))
    out.push_back(view(b));
  return out;
}

BreachView RgpdService::notify_breach(const domain::Actor& actor, std::int64_t id,
                                      const std::string& notified_at,
                                      const std::string& notified_to, const Origin& origin) {
  require_dpo(actor, origin);
  domain::FieldErrors errors;
  const auto at =
      notified_at.empty() ? std::optional(ctx_.clock.now()) : domain::parse_iso(notified_at);
  if (!at)
    errors.push_back({"notified_at", "invalide",
                      "La date de notification doit être au format AAAA-MM-JJTHH:MM:SSZ."});
  else if (*at > ctx_.clock.now())
    errors.push_back({"notified_at", "future", "La date de notification ne peut pas être future."});
  if (notified_to.empty() || notified_to.size() > 200 || !domain::is_clean_utf8(notified_to))
    errors.push_back({"notified_to", "invalide",
                      "Le destinataire de la notification est requis (200 caractères au plus)."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return view(ctx_.db.transaction([&](soci::session& sql) {
    auto b = store::find_breach(sql, id);
    if (!b)
      throw DomainError(DomainError::Kind::not_found, "introuvable", "Violation introuvable.");
    if (b->notified_at)
      throw DomainError(DomainError::Kind::conflict, "deja_notifiee",
                        "La notification de cette violation est déjà enregistrée.");
    if (*at < *domain::parse_iso(b->discovered_at))
      throw invalid("notified_at", "La notification ne peut pas précéder la découverte.");
    b->notified_at = domain::to_iso(*at);
    b->notified_to = notified_to;
    store::record_breach_notification(sql, id, *b->notified_at, notified_to);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "rgpd.breach.notify", std::nullopt, origin,
                                     "violation:" + std::to_string(id))});
    return *b;
  }));
}

// ---- registers ----

Json RgpdService::processing_register(const domain::Actor& actor, const Origin& origin) {
  if (actor.role != domain::Role::admin) require_dpo(actor, origin);
  Json conventions = Json::array();
  Json subprocessors = Json::array();
  ctx_.db.with_session([&](soci::session& sql) {
    for (const auto& p : store::list_profiles(sql)) {
      Json parties = Json::array();
      for (const auto& party : p.parties)
        parties.push_back({{"nom", party.name}, {"depuis", party.from}});
      Json retention = nullptr;
      if (!p.versions.empty()) {
        const auto& r = p.versions.back().rules.retention;
        retention = {
            {"fiche_annees_apres_fin", r.fiche_years_after_convention_end},
            {"donnees_application_mois",
             r.application_data_months ? Json(*r.application_data_months) : Json(nullptr)},
            {"donnees_flux_mois", r.flow_data_months ? Json(*r.flow_data_months) : Json(nullptr)},
            {"fichiers_echange_jours", r.exchange_files_days}};
      }
      conventions.push_back(
          {{"code", p.code},
           {"libelle", p.label},
           {"departement", p.departement},
           {"debut", p.valid_from},
           {"fin", p.valid_to ? Json(*p.valid_to) : Json(nullptr)},
           {"responsables", {{"france_travail", "France Travail"}, {"departement", parties}}},
           {"durees_conservation", retention}});
    }
    for (const auto& s : store::list_subprocessors(sql))
      subprocessors.push_back(
          {{"organisation", s.name},
           {"departement", s.departement},
           {"contrat_debut", s.contract_start ? Json(*s.contract_start) : Json(nullptr)},
           {"contrat_fin", s.contract_end ? Json(*s.contract_end) : Json(nullptr)}});
  });
  return {
      {"titre", "Registre des activités de traitement (RGPD art. 30) — accompagnement global"},
      {"genere_le", ctx_.now_iso()},
      {"finalites",
       Json::array({"Orientation vers l'accompagnement global et fiche de liaison",
                    "Accompagnement social et professionnel (axes 2 et 3), rendez-vous, suivi",
                    "Pilotage de la convention par des indicateurs anonymes"})},
      {"base_legale",
       "Mission d'intérêt public (RGPD art. 6-1-e) : code du travail et code de l'action "
       "sociale et des familles, convention de partenariat ; consentement de la personne à "
       "l'accompagnement"},
      {"responsables",
       "Chaque partie (France Travail, le Département) est responsable de son propre "
       "traitement ; les conventions ci-dessous nomment les signataires."},
      {"personnes_concernees",
       Json::array({"Demandeurs d'emploi orientés vers l'accompagnement global, bénéficiaires "
                    "ou non du RSA",
                    "Professionnels des parties et des partenaires (comptes utilisateurs)"})},
      {"categories_donnees",
       Json::array({"Identité : nom, prénom, date de naissance, adresse, téléphone, courriel "
                    "(avec consentement aux échanges électroniques)",
                    "Identifiants France Travail et CAF",
                    "Situation : RSA oui/non, RQTH oui/non, situation familiale, enfants à charge",
                    "Les 7 freins périphériques de la fiche de liaison (cases à cocher)",
                    "Orientation, décisions, accompagnement, rendez-vous et présence",
                    "Aucune donnée économique ou financière, aucun texte libre sur la personne"})},
      {"destinataires",
       Json::array({"Conseillers dédiés de France Travail et référents sociaux désignés du "
                    "Département ou de ses partenaires, pour les seules personnes qu'ils "
                    "accompagnent",
                    "Coordinateurs de leur territoire ou agence",
                    "Délégué à la protection des données (journal des accès)"})},
      {"transferts_hors_ue", "Aucun : les données restent dans l'Union européenne."},
      {"conventions", conventions},
      {"sous_traitants", subprocessors},
      {"mesures_securite",
       Json::array({"Accès limité aux référents désignés et à leurs coordinateurs, refus tracés",
                    "Journal d'audit chaîné, en ajout seul, vérifiable",
                    "Mots de passe Argon2id, ralentissement et verrouillage, second facteur "
                    "obligatoire pour les administrateurs et le DPO, facultatif pour les autres, "
                    "ses secrets chiffrés par une clé conservée hors de la base",
                    "NIR chiffré par une clé conservée hors de la base",
                    "Sessions limitées (30 min d'inactivité, 12 h), cookies HttpOnly, "
                    "SameSite=Strict, Secure sous TLS, jeton anti-CSRF",
                    "En-têtes de sécurité (CSP sans script en ligne, HSTS sous TLS)",
                    "Fiche de liaison chiffrée (AES-256) pour tout envoi par courriel",
                    "Purge et anonymisation automatiques selon les durées de conservation",
                    "Sauvegardes chiffrées"})}};
}

std::vector<SubprocessorView> RgpdService::subprocessors(const domain::Actor& actor,
                                                         const Origin& origin) {
  if (actor.role != domain::Role::admin) require_dpo(actor, origin);
  std::map<std::string, SubprocessorView> by_dep;
  const auto day = today(ctx_);
  ctx_.db.with_session([&](soci::session& sql) {
    for (auto& s : store::list_subprocessors(sql)) {
      auto& v = by_dep[s.departement];
      v.departement = s.departement;
      v.partners.push_back(std::move(s));
    }
    for (const auto& [dep, last] : store::last_subprocessor_reviews(sql)) {
      auto it = by_dep.find(dep);
      if (it == by_dep.end()) continue;
      it->second.last_review = last;
    }
  });
  std::vector<SubprocessorView> out;
  for (auto& [dep, v] : by_dep) {
    if (v.last_review) {
      const auto next = domain::plus_months(*domain::parse_date(*v.last_review), 6);
      v.next_review_due = domain::to_iso(next);
      v.review_due = std::chrono::sys_days{next} <= std::chrono::sys_days{day};
    } else {
      v.review_due = true;
    }
    out.push_back(std::move(v));
  }
  return out;
}

void RgpdService::review_subprocessors(const domain::Actor& actor, const std::string& departement,
                                       const Origin& origin) {
  require_dpo(actor, origin);
  if (departement.empty() || departement.size() > 3 || !domain::is_clean_utf8(departement))
    throw invalid("departement", "Département invalide.");
  ctx_.db.transaction([&](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM departements WHERE code = :d", soci::use(departement),
        soci::into(n);
    if (n == 0) throw invalid("departement", "Département inconnu.");
    store::insert_subprocessor_review(sql, departement, domain::to_iso(today(ctx_)), actor.user_id,
                                      ctx_.now_iso());
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "rgpd.subprocessors.review", std::nullopt, origin,
                                     "departement:" + departement)});
  });
}

std::vector<DpoItem> RgpdService::dpo_items() {
  std::vector<DpoItem> out;
  const auto requests =
      ctx_.db.with_session([](soci::session& sql) { return store::list_rgpd_requests(sql, true); });
  for (const auto& r : requests) {
    DpoItem item;
    item.kind = "demande_rgpd";
    item.label = kind_labels().at(r.kind) + " de " + r.first_name + " " + r.last_name +
                 " reçue le " + french_date(r.received_on) + " : réponse avant le " +
                 french_date(r.due_on);
    item.due_on = r.due_on;
    item.rule = "Réponse aux demandes des personnes dans le délai d'un mois (RGPD art. 12)";
    item.link = "/rgpd/demandes#demande-" + std::to_string(r.id);
    item.request_id = r.id;
    out.push_back(std::move(item));
  }
  const auto breaches =
      ctx_.db.with_session([](soci::session& sql) { return store::list_breaches(sql); });
  for (const auto& b : breaches) {
    if (b.notified_at) continue;
    DpoItem item;
    item.kind = "violation_a_notifier";
    item.label = "Violation de données découverte le " +
                 french_date(b.discovered_at.substr(0, 10)) +
                 " : informer l'autre partie avant le " + french_date(b.deadline_at.substr(0, 10)) +
                 " à " + b.deadline_at.substr(11, 5) + " (UTC)";
    item.due_on = b.deadline_at.substr(0, 10);
    item.rule = b.api_incident
                    ? "Information de l'autre partie au plus tard 48 heures après la découverte "
                      "(incident de l'API)"
                    : "Information de l'autre partie au plus tard 36 heures après la découverte";
    item.link = "/rgpd/violations#violation-" + std::to_string(b.id);
    item.breach_id = b.id;
    out.push_back(std::move(item));
  }
  domain::Actor dpo;
  dpo.role = domain::Role::dpo;
  for (const auto& v : subprocessors(dpo, {"", ""})) {
    if (!v.review_due) continue;
    DpoItem item;
    item.kind = "revue_sous_traitants";
    item.label = "Liste des sous-traitants du département " + v.departement +
                 " à revoir et à communiquer à l'autre partie";
    item.due_on = v.next_review_due.value_or(domain::to_iso(today(ctx_)));
    item.rule = "Liste des sous-traitants communiquée à l'autre partie au moins tous les six mois";
    item.link = "/rgpd/registres#sous-traitants";
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace binome::app
