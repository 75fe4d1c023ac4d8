#include "app/orientation_service.hpp"

#include <algorithm>
#include <map>

#include "app/guards.hpp"
#include "app/profile_service.hpp"
#include "app/support_service.hpp"
#include "domain/text.hpp"
#include "store/persons_repo.hpp"
#include "store/profiles_repo.hpp"
#include "store/tasks_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;
using domain::FieldErrors;
using domain::OrientationStatus;

DomainError conflict(const std::string& code, const std::string& message) {
  return DomainError(DomainError::Kind::conflict, code, message);
}

OrientationStatus status_of(const store::OrientationRow& row) {
  return domain::parse_status(row.status).value_or(OrientationStatus::non_retenue);
}

domain::Positions positions_of(const store::OrientationRow& row) {
  domain::Positions p;
  if (row.ft_position) p.france_travail = row.ft_position->accord;
  if (row.dep_position) p.departement = row.dep_position->accord;
  return p;
}

}  // namespace

domain::Date OrientationService::today() const {
  return domain::france_today(ctx_.clock.now());
}

OrientationReferential OrientationService::referential() {
  return {ctx_.db.with_session([](soci::session& sql) { return store::orientation_origins(sql); })};
}

void OrientationService::add_origin(const domain::Actor& actor, const std::string& code,
                                    const std::string& label, const Origin& origin) {
  if (actor.role != domain::Role::admin) {
    audit_now(ctx_, audit_entry(actor, "admin.denied", std::nullopt, origin));
    throw DomainError(DomainError::Kind::forbidden, "reserve_admin",
                      "Seuls les administrateurs complètent les référentiels.");
  }
  FieldErrors errors;
  const bool code_ok = code.size() >= 3 && code.size() <= 40 &&
                       std::all_of(code.begin(), code.end(), [](unsigned char c) {
                         return std::islower(c) || std::isdigit(c) || c == '_';
                       });
  if (!code_ok)
    errors.push_back(
        {"code", "invalide",
         "Le code comporte de 3 à 40 caractères : minuscules sans accent, chiffres, tiret bas."});
  if (label.empty() || label.size() > 100 || !domain::is_clean_utf8(label))
    errors.push_back({"label", "invalide", "Le libellé est obligatoire (100 caractères au plus)."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto existing = referential().origins;
  if (std::any_of(existing.begin(), existing.end(), [&](auto& o) { return o.first == code; }))
    throw DomainError(DomainError::Kind::conflict,
                      FieldErrors{{"code", "deja_pris", "Cette origine existe déjà."}});
  ctx_.db.transaction([&](soci::session& sql) {
    store::insert_orientation_origin(sql, code, label);
    store::append_audit(
        sql, ctx_.db.dialect(), ctx_.now_iso(),
        {audit_entry(actor, "admin.origin.create", std::nullopt, origin, "origine:" + code)});
  });
}

void OrientationService::record(soci::session& sql, const domain::Actor& actor,
                                const store::OrientationRow& row, const std::string& kind,
                                const std::string& detail, const Origin& origin) {
  const auto now = ctx_.now_iso();
  store::insert_history_event(
      sql, store::History::orientation, row.id, now,
      actor.user_id ? std::optional<std::int64_t>(actor.user_id) : std::nullopt, kind, detail);
  store::append_audit(sql, ctx_.db.dialect(), now,
                      {audit_entry(actor, "orientation." + kind, row.person_id, origin,
                                   "orientation:" + std::to_string(row.id))});
}

OrientationView OrientationService::create(const domain::Actor& actor, std::int64_t person_id,
                                           const domain::OrientationRequest& req,
                                           const Origin& origin) {
  const auto person =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, person_id); });
  if (!person)
    throw DomainError(DomainError::Kind::not_found, "personne_introuvable",
                      "Personne introuvable.");
  if (domain::person_access(actor, person->person.scope) != domain::Access::allowed) {
    audit_now(ctx_, audit_entry(actor, "orientation.create.denied", person_id, origin));
    throw out_of_scope();
  }
  const auto day = today();
  FieldErrors errors = domain::validate_request(req, day);
  const auto origins = referential().origins;
  if (!req.origin.empty() &&
      std::none_of(origins.begin(), origins.end(), [&](auto& o) { return o.first == req.origin; }))
    errors.push_back({"origin", "inconnu", "Origine inconnue : « " + req.origin + " »."});
  if (req.override_reason && actor.role != domain::Role::coordinateur)
    errors.push_back({"override_reason", "reserve_coordinateur",
                      "Seul un coordinateur peut déroger à une règle d'éligibilité."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);

  const auto existing = ctx_.db.with_session(
      [&](soci::session& sql) { return store::orientations_of_person(sql, person_id); });
  for (const auto& o : existing)
    if (domain::is_pending(domain::parse_status(o.status).value_or(OrientationStatus::non_retenue)))
      throw conflict("orientation_en_cours",
                     "Une orientation de cette personne est déjà en cours (du " +
                         french_date(o.oriented_on) +
                         ") : terminez-la avant d'en créer une autre.");
  const auto in_force = profiles_.in_force(person->person.scope.departement, day);
  if (!in_force)
    throw DomainError(DomainError::Kind::invalid,
                      FieldErrors{{"eligibilite", "convention",
                                   "Aucune convention d'accompagnement global n'est en vigueur "
                                   "pour le département " +
                                       person->person.scope.departement +
                                       " à cette date : l'orientation est impossible."}});
  const auto side = domain::side_of(actor.org_kind);
  const auto failures = domain::check_eligibility(req, person->person.identity.brsa, side,
                                                  in_force->version.rules, in_force->profile.label);
  const bool overridden =
      !failures.empty() && req.override_reason &&
      std::all_of(failures.begin(), failures.end(), [](const auto& f) { return f.overridable; });
  if (!failures.empty() && !overridden) {
    FieldErrors eligibility;
    for (const auto& f : failures) eligibility.push_back({"eligibilite", f.rule, f.message});
    throw DomainError(DomainError::Kind::invalid, eligibility);
  }

  const auto mode = *domain::parse_decision_mode(req.decision_mode);
  const auto now = ctx_.now_iso();
  store::OrientationRow row;
  row.person_id = person_id;
  row.profile_id = in_force->profile.id;
  row.profile_version_id = in_force->version.id;
  row.oriented_on = domain::to_iso(day);
  row.orienteur_id = actor.user_id;
  row.side = std::string(domain::to_string(side));
  row.origin = req.origin;
  row.decision_mode = req.decision_mode;
  row.tacit_public = mode == domain::DecisionMode::accord_tacite ? req.tacit_public : std::nullopt;
  row.rome_code = req.rome_code;
  row.registered_job_seeker = req.registered_job_seeker;
  row.social_criteria = req.social_criteria;
  row.professional_criteria = req.professional_criteria;
  row.obstacles = req.obstacles;
  row.consent_collected_by = actor.user_id;
  row.consent_collected_on = row.oriented_on;
  row.consent_signature_on = *req.consent_signature_date;
  row.electronic_exchange = req.electronic_exchange;
  if (overridden) {
    row.override_reason = req.override_reason;
    row.override_by = actor.user_id;
  }
  row.status = std::string(domain::to_string(domain::initial_status(mode, side)));
  // The orienteur's own side agrees by orienting.
  if (side == domain::Side::france_travail)
    row.ft_position = store::PositionRow{true, actor.user_id, {}, now};
  if (side == domain::Side::departement)
    row.dep_position = store::PositionRow{true, actor.user_id, {}, now};

  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    // Checked again under the person's lock: another creation may have committed meanwhile.
    store::lock_person(sql, ctx_.db.dialect(), person_id);
    for (const auto& o : store::orientations_of_person(sql, person_id))
      if (domain::is_pending(
              domain::parse_status(o.status).value_or(OrientationStatus::non_retenue)))
        throw conflict("orientation_en_cours",
                       "Une orientation de cette personne vient d'être créée (du " +
                           french_date(o.oriented_on) + ") : rechargez la page.");
    row.id = store::insert_orientation(sql, row, now);
    if (mode == domain::DecisionMode::accord_tacite && side != domain::Side::partenaire) {
      // The accord tacite needs no answer: the entry is decided by the orientation itself.
      row.decision = "oui";
      row.decided_by = actor.user_id;
      row.decided_at = now;
    }
    store::update_orientation(sql, row, now);  // the orienteur's position, the tacit decision
    // The consent to electronic exchanges governs whether an e-mail address may be kept.
    store::set_electronic_consent(sql, person_id, req.electronic_exchange, now);
    record(sql, actor, row, "create",
           "Orientation (" + std::string(domain::label_fr(mode)) + ") ; consentement signé le " +
               french_date(row.consent_signature_on),
           origin);
    if (overridden) {
      std::string rules;
      for (const auto& f : failures) rules += (rules.empty() ? "" : ", ") + f.rule;
      record(sql, actor, row, "override",
             "Dérogation (" +
                 std::string(*domain::label_of(domain::kOverrideReasons, *req.override_reason)) +
                 ") aux règles : " + rules,
             origin);
    }
    return row.id;
  });
  return view(actor, *ctx_.db.with_session(
                         [&](soci::session& sql) { return store::find_orientation(sql, id); }));
}

void OrientationService::ensure_unchanged(soci::session& sql, std::int64_t id,
                                          const std::string& version) {
  if (store::locked_orientation_version(sql, ctx_.db.dialect(), id) != version)
    throw conflict("modification_concurrente",
                   "Cette orientation vient d'être modifiée par quelqu'un d'autre : rechargez la "
                   "page avant de réessayer.");
}

store::OrientationRow OrientationService::load(const domain::Actor& actor, std::int64_t id,
                                               const Origin& origin) {
  auto row =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_orientation(sql, id); });
  if (!row)
    throw DomainError(DomainError::Kind::not_found, "orientation_introuvable",
                      "Orientation introuvable.");
  if (domain::person_access(actor, row->person_scope) != domain::Access::allowed) {
    audit_now(ctx_, audit_entry(actor, "orientation.denied", row->person_id, origin,
                                "orientation:" + std::to_string(id)));
    throw out_of_scope();
  }
  return *row;
}

OrientationView OrientationService::view(const domain::Actor& actor, store::OrientationRow row) {
  ConventionRulesCache rules(ctx_.db);
  auto history = ctx_.db.with_session([&](soci::session& sql) {
    return store::history_events(sql, store::History::orientation, row.id);
  });
  return view(actor, std::move(row), rules, std::move(history));
}

std::vector<OrientationView> OrientationService::views(const domain::Actor& actor,
                                                       std::vector<store::OrientationRow> rows) {
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& row : rows) ids.push_back(row.id);
  auto histories = ctx_.db.with_session([&](soci::session& sql) {
    return store::history_events_of(sql, ctx_.db.dialect(), store::History::orientation, ids);
  });
  ConventionRulesCache rules(ctx_.db);
  std::vector<OrientationView> out;
  out.reserve(rows.size());
  for (auto& row : rows) {
    auto history = std::move(histories[row.id]);
    out.push_back(view(actor, std::move(row), rules, std::move(history)));
  }
  return out;
}

OrientationView OrientationService::view(const domain::Actor& actor, store::OrientationRow row,
                                         ConventionRulesCache& rules,
                                         std::vector<store::HistoryEvent> history) {
  OrientationView v;
  v.history = std::move(history);
  const auto status = status_of(row);
  if (const auto* version = rules.find(row.profile_id, row.profile_version_id)) {
    v.deadline = domain::entry_deadline(*domain::parse_date(row.oriented_on), *version, today(),
                                        domain::is_pending(status));
    v.entry_durations = version->axe2.initial_months;
  }
  const auto side = domain::side_of(actor.org_kind);
  const auto mode = domain::parse_decision_mode(row.decision_mode);
  // A partner's proposal first goes to the chef de SLAI, whatever the mode; then, except in
  // accord tacite, each side that has not spoken may.
  const bool may_position =
      (status == OrientationStatus::a_valider_slai && side == domain::Side::departement &&
       actor.role == domain::Role::coordinateur) ||
      (mode != domain::DecisionMode::accord_tacite &&
       (status == OrientationStatus::en_attente_reponse || status == OrientationStatus::desaccord ||
        status == OrientationStatus::en_attente_decision) &&
       ((side == domain::Side::france_travail && !row.ft_position) ||
        (side == domain::Side::departement && !row.dep_position)));
  if (may_position) v.allowed_actions.push_back("position");
  // The decision is taken once both sides have spoken (or one diagnosis suffices); a
  // disagreement can still end in a decision, NON most likely, after the monthly review.
  if ((status == OrientationStatus::en_attente_decision ||
       status == OrientationStatus::desaccord) &&
      side != domain::Side::partenaire)
    v.allowed_actions.push_back("decision");
  if (status == OrientationStatus::en_attente_entree) v.allowed_actions.push_back("no_show");
  v.row = std::move(row);
  return v;
}

std::vector<OrientationView> OrientationService::of_person(const domain::Actor& actor,
                                                           std::int64_t person_id,
                                                           const Origin& origin) {
  const auto person =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, person_id); });
  if (!person)
    throw DomainError(DomainError::Kind::not_found, "personne_introuvable",
                      "Personne introuvable.");
  const bool ok = domain::person_access(actor, person->person.scope) == domain::Access::allowed;
  audit_now(ctx_,
            audit_entry(actor, ok ? "orientation.read" : "orientation.denied", person_id, origin));
  if (!ok) throw out_of_scope();
  return views(actor, ctx_.db.with_session([&](soci::session& sql) {
    return store::orientations_of_person(sql, person_id);
  }));
}

OrientationService::PendingPage OrientationService::pending(const domain::Actor& actor, int page,
                                                            int per_page, const Origin& origin) {
  const auto reach = domain::reach_of(actor);
  if (reach.kind == domain::Reach::Kind::none)
    throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                      "Votre rôle ne donne accès à aucune personne nommée.");
  store::AuditEntry entry = audit_entry(actor, "orientation.list", std::nullopt, origin);
  // Filtered and paged in SQL: a territory's coordinator has thousands of orientations in
  // progress, and the whole list with its histories made a 2 MB answer.
  auto found = ctx_.db.with_session([&](soci::session& sql) {
    return store::pending_orientations_page(sql, ctx_.db.dialect(), reach, store::Persons::all,
                                            per_page, (page - 1) * per_page);
  });
  std::vector<store::OrientationRow> kept;
  for (auto& row : found.rows) {
    if (domain::person_access(actor, row.person_scope) != domain::Access::allowed) continue;
    entry.listed_persons.push_back(row.person_id);
    kept.push_back(std::move(row));
  }
  PendingPage out{views(actor, std::move(kept)), found.total};
  if (!entry.listed_persons.empty()) audit_now(ctx_, entry);
  return out;
}

OrientationView OrientationService::position(const domain::Actor& actor, std::int64_t id,
                                             bool accord, const Origin& origin) {
  auto row = load(actor, id, origin);
  const auto version = store::orientation_version(row);
  const auto v = view(actor, row);
  if (std::find(v.allowed_actions.begin(), v.allowed_actions.end(), "position") ==
      v.allowed_actions.end())
    throw conflict("avis_non_attendu",
                   domain::side_of(actor.org_kind) == domain::Side::partenaire
                       ? "Le référent d'un partenaire passe par le chef de SLAI, seul "
                         "interlocuteur du conseiller France Travail."
                       : "Aucun avis n'est attendu de votre part sur cette orientation.");
  const auto now = ctx_.now_iso();
  const auto side = domain::side_of(actor.org_kind);
  store::PositionRow pos{accord, actor.user_id, {}, now};
  if (side == domain::Side::france_travail)
    row.ft_position = pos;
  else
    row.dep_position = pos;
  const auto mode = *domain::parse_decision_mode(row.decision_mode);
  if (status_of(row) == OrientationStatus::a_valider_slai) {
    // The chef de SLAI speaks for the Département; the mode then runs as if he had oriented.
    const auto next = accord ? domain::initial_status(mode, domain::Side::departement)
                             : OrientationStatus::desaccord;
    if (accord && mode == domain::DecisionMode::accord_tacite) {
      row.decision = "oui";
      row.decided_by = actor.user_id;
      row.decided_at = now;
    }
    row.status = std::string(domain::to_string(next));
  } else
    row.status =
        std::string(domain::to_string(domain::status_after_positions(mode, positions_of(row))));
  ctx_.db.transaction([&](soci::session& sql) {
    ensure_unchanged(sql, id, version);
    store::update_orientation(sql, row, now);
    record(sql, actor, row, "position",
           std::string(accord ? "Avis favorable" : "Désaccord") + " (" +
               (side == domain::Side::france_travail ? "France Travail" : "Département") + ")",
           origin);
  });
  return view(actor, *ctx_.db.with_session(
                         [&](soci::session& sql) { return store::find_orientation(sql, id); }));
}

OrientationView OrientationService::decide(const domain::Actor& actor, std::int64_t id, bool oui,
                                           const std::optional<std::string>& planned_start,
                                           const std::optional<std::string>& reason,
                                           const Origin& origin) {
  auto row = load(actor, id, origin);
  const auto version = store::orientation_version(row);
  const auto status = status_of(row);
  const auto v = view(actor, row);
  if (std::find(v.allowed_actions.begin(), v.allowed_actions.end(), "decision") ==
      v.allowed_actions.end())
    throw conflict("decision_impossible",
                   "Aucune décision ne peut plus être prise sur cette orientation.");
  FieldErrors errors;
  if (oui) {
    if (status == OrientationStatus::en_attente_entree)
      throw conflict("deja_decidee", "L'entrée est déjà décidée.");
    if (status != OrientationStatus::en_attente_decision)
      throw conflict("avis_manquants",
                     "La décision OUI suppose l'accord des deux professionnels (ou le diagnostic "
                     "d'un seul en confiance réciproque) : un avis manque ou est défavorable.");
    const auto start = planned_start ? domain::parse_date(*planned_start) : std::nullopt;
    if (!start)
      errors.push_back({"planned_start_date", "obligatoire",
                        "La date d'entrée prévue est obligatoire (AAAA-MM-JJ)."});
    else if (*planned_start < row.oriented_on)
      errors.push_back({"planned_start_date", "incoherente",
                        "La date d'entrée prévue ne peut précéder l'orientation."});
  } else if (!reason || !domain::label_of(domain::kNonEntryReasons, *reason)) {
    errors.push_back({"reason", "obligatoire", "Choisissez le motif de non-entrée dans la liste."});
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  row.decision = oui ? "oui" : "non";
  row.decision_reason = oui ? std::nullopt : reason;
  row.planned_start_on = oui ? planned_start : std::nullopt;
  row.decided_by = actor.user_id;
  row.decided_at = now;
  row.status = std::string(domain::to_string(oui ? OrientationStatus::en_attente_entree
                                                 : OrientationStatus::non_retenue));
  ctx_.db.transaction([&](soci::session& sql) {
    ensure_unchanged(sql, id, version);
    store::update_orientation(sql, row, now);
    record(
        sql, actor, row, "decision",
        oui ? "Décision OUI : entrée prévue le " + french_date(*planned_start)
            : "Décision NON : " + std::string(*domain::label_of(domain::kNonEntryReasons, *reason)),
        origin);
  });
  return view(actor, *ctx_.db.with_session(
                         [&](soci::session& sql) { return store::find_orientation(sql, id); }));
}

OrientationView OrientationService::no_show(const domain::Actor& actor, std::int64_t id,
                                            const Origin& origin) {
  auto row = load(actor, id, origin);
  const auto version = store::orientation_version(row);
  if (status_of(row) != OrientationStatus::en_attente_entree)
    throw conflict("absence_impossible",
                   "Une absence ne s'enregistre que pour une entrée attendue.");
  const auto now = ctx_.now_iso();
  row.no_shows += 1;
  const auto person = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_person(sql, row.person_id); });
  ctx_.db.transaction([&](soci::session& sql) {
    ensure_unchanged(sql, id, version);
    store::update_orientation(sql, row, now);
    record(sql, actor, row, "absence",
           "Absence n° " + std::to_string(row.no_shows) + " au rendez-vous", origin);
    if (row.no_shows == 2) {
      // Seed 000: after a second absence the orienteur is informed and, for a BrSa, the
      // Département's referent may start a sanction procedure.
      store::TaskRow inform;
      inform.user_id = row.orienteur_id;
      inform.person_id = row.person_id;
      inform.orientation_id = row.id;
      inform.kind = "absence_orienteur";
      inform.created_at = now;
      store::insert_task(sql, inform);
      if (person && person->person.identity.brsa && person->person.scope.referent_social_id) {
        auto sanction = inform;
        sanction.user_id = *person->person.scope.referent_social_id;
        sanction.kind = "procedure_sanction";
        store::insert_task(sql, sanction);
      }
    }
  });
  return view(actor, *ctx_.db.with_session(
                         [&](soci::session& sql) { return store::find_orientation(sql, id); }));
}

exports::FicheData OrientationService::fiche(const domain::Actor& actor, std::int64_t id,
                                             const std::string& action, const Origin& origin) {
  const auto row = load(actor, id, origin);
  const auto person = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_person(sql, row.person_id); });
  const auto orienteur = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_user_by_id(sql, row.orienteur_id); });
  const auto& p = person->person.identity;
  exports::FicheData f;
  f.convention_label = row.profile_label;
  f.prescriber_kind = row.side == "france_travail" ? "France Travail"
                      : row.side == "departement"  ? "Département"
                                                   : "Partenaire mandaté";
  const auto space = row.orienteur_name.find(' ');
  f.prescriber.first_name = row.orienteur_name.substr(0, space);
  f.prescriber.last_name = space == std::string::npos ? "" : row.orienteur_name.substr(space + 1);
  if (orienteur) {
    f.prescriber.function_title = orienteur->function_title.value_or("");
    f.prescriber.phone = orienteur->phone.value_or("");
    f.prescriber.email = orienteur->email.value_or("");
  }
  f.prescriber.structure = row.orienteur_org;
  if (row.side == "partenaire") f.partner_structure = row.orienteur_org;
  f.decision_mode_label =
      std::string(domain::label_fr(*domain::parse_decision_mode(row.decision_mode)));
  f.last_name = p.last_name;
  f.first_name = p.first_name;
  f.birth_date = french_date(p.birth_date);
  f.street = p.street;
  f.postal_code = p.postal_code;
  f.commune = p.commune;
  f.phone = p.phone;
  f.email = p.consent_electronic ? p.email : std::nullopt;
  f.ft_id = p.ft_id;
  f.caf_id = p.caf_id;
  f.brsa = p.brsa;
  f.rqth = p.rqth;
  f.orientation_ag = row.status != "non_retenue";
  f.family_situation_label =
      p.family_situation == domain::FamilySituation::seul ? "Seul(e)" : "En couple";
  f.dependent_children = p.dependent_children;
  for (std::size_t i = 0; i < domain::kPeripheralObstacles.size(); ++i)
    f.obstacles[i] =
        std::find(row.obstacles.begin(), row.obstacles.end(),
                  std::string(domain::kPeripheralObstacles[i].code)) != row.obstacles.end();
  f.consent_collected_by = row.consent_collected_by_name;
  f.consent_signature_date = french_date(row.consent_signature_on);
  if (row.decision == "oui")
    f.decision = row.planned_start_on
                     ? "OUI — entrée prévue le " + french_date(*row.planned_start_on)
                     : "OUI (accord tacite)";
  else if (row.decision == "non")
    f.decision = "NON — motif : " +
                 std::string(*domain::label_of(domain::kNonEntryReasons, *row.decision_reason));
  const auto now = ctx_.clock.now();
  const auto iso = domain::to_iso(now);
  f.generated_at = french_date(iso.substr(0, 10)) + " à " + iso.substr(11, 5) + " (UTC)";
  ctx_.db.transaction([&](soci::session& sql) {
    store::append_audit(
        sql, ctx_.db.dialect(), iso,
        {audit_entry(actor, action, row.person_id, origin, "orientation:" + std::to_string(id))});
  });
  return f;
}

std::vector<OrientationView> OrientationService::entries_due(const domain::Actor& actor,
                                                             ConventionRulesCache& rules) {
  std::vector<OrientationView> out;
  const auto reach = domain::reach_of(actor);
  if (reach.kind == domain::Reach::Kind::none) return out;
  // The "à faire" list needs only each deadline: no history, and each convention version read
  // once per call instead of once per orientation.
  const auto day = today();
  for (auto& row : ctx_.db.with_session([&](soci::session& sql) {
         return store::pending_orientations_in_reach(sql, reach, store::Persons::live);
       })) {
    if (domain::person_access(actor, row.person_scope) != domain::Access::allowed) continue;
    OrientationView v;
    if (const auto* version = rules.find(row.profile_id, row.profile_version_id))
      v.deadline = domain::entry_deadline(*domain::parse_date(row.oriented_on), *version, day,
                                          domain::is_pending(status_of(row)));
    using S = domain::Deadline::State;
    if (v.deadline.state == S::bientot || v.deadline.state == S::depasse) {
      v.row = std::move(row);
      out.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace binome::app
