#include "app/demo_data.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include "app/admin_service.hpp"
#include "app/committee_service.hpp"
#include "app/demo_resources.hpp"
#include "app/guards.hpp"
#include "app/review_service.hpp"
#include "app/services.hpp"
#include "app/totp_secrets.hpp"
#include "domain/text.hpp"
#include "security/password.hpp"
#include "store/login_throttle_repo.hpp"
#include "store/orgs_repo.hpp"
#include "store/persons_repo.hpp"
#include "store/profiles_repo.hpp"
#include "store/rows.hpp"
#include "store/totp_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

constexpr std::array kLastNames{
    "Martin",   "Bernard", "Thomas",   "Petit",     "Robert",   "Richard",   "Durand",   "Dubois",
    "Moreau",   "Laurent", "Simon",    "Michel",    "Lefèvre",  "Leroy",     "Roux",     "David",
    "Bertrand", "Morel",   "Fournier", "Girard",    "Bonnet",   "Dupont",    "Lambert",  "Fontaine",
    "Rousseau", "Vincent", "Muller",   "Lefebvre",  "Faure",    "André",     "Mercier",  "Blanc",
    "Guérin",   "Boyer",   "Garnier",  "Chevalier", "François", "Legrand",   "Gauthier", "Garcia",
    "Perrin",   "Robin",   "Clément",  "Morin",     "Nicolas",  "Henry",     "Roussel",  "Mathieu",
    "Gautier",  "Masson",  "Marchand", "Duval",     "Denis",    "Dumont",    "Marie",    "Lemaire",
    "Noël",     "Meyer",   "Dufour",   "Meunier",   "Brun",     "Blanchard", "Giraud",   "Joly"};
constexpr std::array kFirstNames{
    "Camille",  "Léa",    "Manon",    "Chloé",    "Inès",    "Sarah",  "Emma",     "Jade",
    "Louise",   "Zoé",    "Nathalie", "Isabelle", "Sylvie",  "Céline", "Sandrine", "Aurélie",
    "Lucas",    "Hugo",   "Nathan",   "Théo",     "Enzo",    "Louis",  "Mathis",   "Gabriel",
    "Karim",    "Mehdi",  "Thierry",  "Stéphane", "Olivier", "Franck", "Jérôme",   "Sébastien",
    "Amandine", "Élodie", "Kévin",    "Yannick",  "Hélène",  "Noémie", "Maël",     "Joël"};

struct Commune {
  const char* name;
  const char* postal_code;
};
constexpr std::array<Commune, 4> kNorth{{{"Démoville-Nord", "00100"},
                                         {"Fictif-sur-Mer", "00110"},
                                         {"Saint-Exemple", "00120"},
                                         {"Imaginaire-les-Bains", "00130"}}};
constexpr std::array<Commune, 3> kSouth{
    {{"Démoville-Sud", "00200"}, {"Pont-Fictif", "00210"}, {"Sainte-Maquette", "00220"}}};
constexpr std::array kStreets{"rue des Lilas",      "avenue de la République", "rue du Moulin",
                              "place de l'Église",  "chemin des Vignes",       "rue Victor-Hugo",
                              "allée des Tilleuls", "rue de la Gare"};

// A fixed sequence, so that every demo database holds the same persons.
struct Sequence {
  unsigned long long state = 20261122ULL;
  unsigned next(unsigned bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>((state >> 33) % bound);
  }
};

std::string lower_ascii(const std::string& s) {
  std::string out;
  for (char c : domain::fold_for_search(s))
    if (c != ' ') out.push_back(c);
  return out;
}

constexpr const char* kDep = "00";

std::string iso_in_days(const Context& ctx, int days) {
  return domain::to_iso(domain::Date{std::chrono::sys_days{today(ctx)} + std::chrono::days{days}});
}

domain::Actor actor_of(Context& ctx, const char* login) {
  auto user = ctx.db.with_session(
      [&](soci::session& sql) { return store::find_user_by_login(sql, login); });
  return store::to_actor(*user);
}

}  // namespace

DemoResult load_demo(Context& ctx, const std::string& password) {
  DemoResult result;
  result.logins = {
      {"conseiller.demo", "conseiller", "conseillère France Travail, Territoire Nord"},
      {"social.demo", "referent_social", "référent social, SLAI du Territoire Nord"},
      {"conseiller2.demo", "conseiller", "conseiller France Travail, Territoire Sud"},
      {"social2.demo", "referent_social", "référente sociale, SLAI du Territoire Sud"},
      {"coordo.demo", "coordinateur", "chef de SLAI, Territoire Nord"},
      {"pilotage.demo", "pilotage", "direction : chiffres agrégés seulement"},
      {"admin.demo", "admin", "administration des comptes et référentiels"},
      {"dpo.demo", "dpo", "délégué à la protection des données"},
  };
  const std::string hash = security::hash_password(password);
  const std::string now = ctx.now_iso();

  ctx.db.transaction([&](soci::session& sql) {
    if (store::departement_exists(sql, kDep)) {
      for (const auto& l : result.logins)
        if (auto u = store::find_user_by_login(sql, l.login)) {
          store::set_password_hash(sql, u->id, hash);
          store::clear_login_state(sql, store::login_key(u->login));
        }
      long long count = 0;
      sql << "SELECT COUNT(*) FROM persons WHERE departement = '00'", soci::into(count);
      result.persons = static_cast<int>(count);
      return;
    }
    result.created = true;
    store::upsert_departement(sql, kDep, "Val-de-Démo (département fictif)");
    const auto north = store::insert_territory(sql, kDep, "Territoire Nord");
    const auto south = store::insert_territory(sql, kDep, "Territoire Sud");
    using domain::OrgKind;
    auto org = [&](const char* name, OrgKind kind, std::optional<std::int64_t> terr,
                   std::optional<std::int64_t> parent, std::optional<std::string> cs = {},
                   std::optional<std::string> ce = {}) {
      return store::insert_organisation(sql, {0, name, kind, kDep, terr, parent, cs, ce}, now);
    };
    const auto cd = org("Conseil départemental du Val-de-Démo", OrgKind::departement, {}, {});
    const auto dt =
        org("Direction territoriale France Travail du Val-de-Démo", OrgKind::ft_direction, {}, {});
    const auto ag_n = org("Agence France Travail de Démoville-Nord", OrgKind::agence, north, dt);
    const auto ag_s = org("Agence France Travail de Démoville-Sud", OrgKind::agence, south, dt);
    const auto slai_n = org("SLAI du Territoire Nord", OrgKind::service_departemental, north, cd);
    const auto slai_s = org("SLAI du Territoire Sud", OrgKind::service_departemental, south, cd);
    org("CCAS de Démoville", OrgKind::partenaire, north, cd, std::string("2026-01-01"),
        std::string("2027-12-31"));

    // The fictional convention of the demo, on the model of the Pas-de-Calais one (62).
    domain::ConventionProfile profile;
    profile.code = "00-2026";
    profile.departement = kDep;
    profile.label = "Val-de-Démo × France Travail, convention fictive 2026-2027";
    profile.valid_from = "2026-01-01";
    profile.valid_to = "2027-12-31";
    const auto profile_id = store::insert_profile(sql, profile);
    store::insert_party(sql, profile_id, "Département du Val-de-Démo", "2026-01-01");
    domain::ConventionRules rules;
    rules.decision_modes = {domain::DecisionMode::accord_tacite,
                            domain::DecisionMode::accord_bilateral};
    rules.tacit_publics = {
        domain::TacitPublic::brsa_oriente_ft, domain::TacitPublic::nouvel_entrant_rsa,
        domain::TacitPublic::de_non_brsa, domain::TacitPublic::metier_en_tension};
    rules.entry_deadline_days = 21;
    rules.axe2.initial_months = {6, 12};
    rules.axe2.renewal_months = {6, 12};
    rules.axe2.max_total_months = 18;
    rules.portfolio_min = 70;
    rules.portfolio_max = 100;
    rules.brsa_share_target_pct = 80;
    rules.new_entries_per_binome_year = 100;
    rules.axe3.max_renewals = 1;
    rules.axe3.max_total_months = 24;
    rules.axe3.validated_by = "Président du Conseil départemental ou son représentant";
    rules.metiers_en_tension = {"G1602", "G1603", "J1501", "K1302", "N4105"};
    rules.retention.application_data_months = 12;  // as 62's application convention
    rules.retention.flow_data_months = 2;          // as 62's RSA flows convention
    store::insert_profile_version(sql, profile_id, "2026-01-01", rules, "données de démonstration",
                                  now);

    auto user = [&](const char* login, const char* name, const char* role, std::int64_t org_id,
                    const char* fn, const char* phone) {
      return store::insert_user(sql,
                                {login, name, role, org_id, std::string(fn), std::string(phone),
                                 std::string(login) + "@example.org", hash},
                                now);
    };
    const auto c1 = user("conseiller.demo", "Camille Martin", "conseiller", ag_n,
                         "Conseillère dédiée accompagnement global", "01 99 00 10 01");
    const auto s1 = user("social.demo", "Sophie Lambert", "referent_social", slai_n,
                         "Assistante sociale", "01 99 00 10 02");
    const auto c2 = user("conseiller2.demo", "Julien Moreau", "conseiller", ag_s,
                         "Conseiller dédié accompagnement global", "01 99 00 20 01");
    const auto s2 = user("social2.demo", "Nadia Benali", "referent_social", slai_s,
                         "Assistante sociale", "01 99 00 20 02");
    user("coordo.demo", "Pierre Lefort", "coordinateur", slai_n, "Chef de SLAI", "01 99 00 10 09");
    user("pilotage.demo", "Anne Directrice", "pilotage", cd, "Directrice de l'insertion",
         "01 99 00 00 01");
    user("admin.demo", "Alex Admin", "admin", cd, "Administrateur fonctionnel", "01 99 00 00 02");
    user("dpo.demo", "Dominique Protection", "dpo", cd, "Délégué à la protection des données",
         "01 99 00 00 03");

    load_demo_resources(sql, ctx.db.dialect(), kDep, c1, s1, now);

    Sequence seq;
    for (int i = 0; i < 200; ++i) {
      const bool in_north = i < 120;
      domain::Person p;
      auto& id = p.identity;
      id.last_name = kLastNames[seq.next(kLastNames.size())];
      id.first_name = kFirstNames[seq.next(kFirstNames.size())];
      char buf[64];
      std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", 1962 + seq.next(42), 1 + seq.next(12),
                    1 + seq.next(28));
      id.birth_date = buf;
      const auto& c = in_north ? kNorth[seq.next(kNorth.size())] : kSouth[seq.next(kSouth.size())];
      id.street = std::to_string(1 + seq.next(120)) + " " + kStreets[seq.next(kStreets.size())];
      id.postal_code = c.postal_code;
      id.commune = c.name;
      std::snprintf(buf, sizeof buf, "01 99 00 %02u %02u", 30 + seq.next(60), seq.next(100));
      id.phone = std::string(buf);
      id.consent_electronic = seq.next(10) < 4;
      if (id.consent_electronic)
        id.email = lower_ascii(id.first_name) + "." + lower_ascii(id.last_name) +
                   std::to_string(i) + "@example.org";
      std::snprintf(buf, sizeof buf, "%07u%c", 1000000 + seq.next(8999999),
                    char('A' + seq.next(26)));
      id.ft_id = std::string(buf);
      if (seq.next(10) < 7) id.caf_id = std::to_string(1000000 + seq.next(8999999));
      id.brsa = seq.next(100) < 75;
      id.rqth = seq.next(100) < 12;
      id.family_situation =
          seq.next(2) ? domain::FamilySituation::seul : domain::FamilySituation::en_couple;
      id.dependent_children = static_cast<int>(seq.next(4));
      p.scope.departement = kDep;
      p.scope.territory_id = in_north ? north : south;
      p.scope.agence_id = in_north ? ag_n : ag_s;
      p.scope.conseiller_id = in_north ? c1 : c2;
      p.scope.referent_social_id = in_north ? s1 : s2;
      store::insert_person(sql, p, now);
      ++result.persons;
    }
  });

  // Enrolled again on every run, so a reset demo accepts the published secret's codes. The
  // secret is sealed with the key file like any other: without one, none is written.
  if (ctx.settings.nir_keys)
    ctx.db.transaction([&](soci::session& sql) {
      for (const char* login : kDemoTotpLogins)
        if (auto u = store::find_user_by_login(sql, login))
          store::confirm_totp(sql, u->id, seal_totp_secret(ctx, u->id, kDemoTotpSecret),
                              std::nullopt, now);
    });

  ctx.db.transaction([&](soci::session& sql) {
    auto e = audit_entry(operator_actor(), result.created ? "demo.load" : "demo.reset_passwords",
                         std::nullopt, {"cli: demo", "local"});
    store::append_audit(sql, ctx.db.dialect(), ctx.now_iso(), {e});
  });
  return result;
}

namespace {
void load_demo_governance(Context& ctx, std::int64_t disputed_person);
}  // namespace

// Some activity, so that the pages are not empty after `make run`: supports in progress
// (oriented and entered through the services, as in the UI), appointments (one past without
// attendance, others to come) and an axe 3 awaiting validation. Only the first persons of the
// Territoire Nord in alphabetical order are used: the browser tests take theirs elsewhere
// (last rows of pages 1 and 2 of "Mes personnes").
void load_demo_activity(Context& ctx) {
  Services services(ctx);
  const Origin origin{"cli: demo", "local"};
  const auto conseiller = actor_of(ctx, "conseiller.demo");
  const auto social = actor_of(ctx, "social.demo");
  std::vector<std::int64_t> ids;
  ctx.db.with_session([&](soci::session& sql) {
    store::for_each_row(sql,
                        "SELECT id FROM persons WHERE conseiller_id = :c "
                        "ORDER BY last_name, first_name, id",
                        conseiller.user_id,
                        [&](const soci::row& r) { ids.push_back(store::i64(r, 0)); });
  });
  if (ids.size() < 8) return;
  const auto today_iso = iso_in_days(ctx, 0);

  // Supports in progress: persons 2 to 5 of the list (the first one stays untouched).
  const std::array<int, 4> months{6, 12, 6, 12};
  for (std::size_t i = 0; i < months.size(); ++i) {
    domain::OrientationRequest r;
    r.origin = "france_travail";
    r.decision_mode = "accord_bilateral";
    r.registered_job_seeker = true;
    r.social_criteria = {"sante"};
    r.professional_criteria = {"projet_a_definir"};
    r.obstacles = {"logement"};
    r.consent_signature_date = today_iso;
    r.electronic_exchange = true;
    const auto person = ids[1 + i];
    const auto o = services.orientations.create(conseiller, person, r, origin);
    services.orientations.position(social, o.row.id, true, origin);
    services.orientations.decide(social, o.row.id, true, today_iso, std::nullopt, origin);
    services.supports.enter(social, o.row.id, today_iso, months[i], origin);
  }

  // Appointments: yesterday's without attendance (in conseiller.demo's "à faire"), and two
  // to come, one of them on site at the agence.
  auto plan = [&](std::int64_t person, const char* kind, int days, const char* time,
                  const char* channel, std::optional<std::int64_t> place) {
    domain::AppointmentRequest a;
    a.kind = kind;
    a.scheduled_at = iso_in_days(ctx, days) + "T" + time;
    a.channel = channel;
    a.place_org_id = place;
    services.appointments.schedule(conseiller, person, a, origin);
  };
  plan(ids[1], "entretien_integration", -1, "10:00", "telephone", std::nullopt);
  plan(ids[1], "suivi", 14, "14:30", "sur_site", conseiller.org_id);
  plan(ids[2], "point_binome", 7, "09:30", "visio", std::nullopt);

  // An axe 3 awaiting the validation of the Département (coordo.demo).
  services.axe3.request(conseiller, ids[6], iso_in_days(ctx, 7), origin);

  load_demo_governance(ctx, ids[5]);
}

// Governance, so that its pages are not empty: the recipients of each agence's tableau de
// suivi (the functions of seed 002 art. 5.2 a, fictional addresses), last month's review of
// the northern agence, closed, with its attendance and a disagreement settled in it, and a
// COPIL with its indicator pack and its relevé de conclusions.
namespace {
void load_demo_governance(Context& ctx, std::int64_t disputed_person) {
  Services services(ctx);
  const Origin origin{"cli: demo", "local"};
  const auto conseiller = actor_of(ctx, "conseiller.demo");
  const auto social = actor_of(ctx, "social.demo");
  const auto coordo = actor_of(ctx, "coordo.demo");
  const auto admin = actor_of(ctx, "admin.demo");
  ReviewService reviews(ctx, services.orientations, services.supports, services.axe3);

  std::vector<std::pair<std::int64_t, std::string>> agences;
  ctx.db.with_session([&](soci::session& sql) {
    for (const auto& o : store::list_organisations(sql))
      if (o.org.kind == domain::OrgKind::agence && o.org.departement == kDep)
        agences.emplace_back(o.org.id, o.org.territory_id == coordo.territory_id ? "nord" : "sud");
  });
  for (const auto& [id, tag] : agences)
    reviews.set_recipients(
        admin, id,
        {{"conseiller_ft", "conseillers-ag-" + tag + "@francetravail.exemple.fr"},
         {"travailleur_social", "referents-sociaux-" + tag + "@departement.exemple.fr"},
         {"directeur_ft", "direction-agence-" + tag + "@francetravail.exemple.fr"},
         {"charge_fse", "fse@francetravail.exemple.fr"},
         {"conseiller_territorial_insertion", "cti-" + tag + "@departement.exemple.fr"},
         {"charge_mission_departement", "insertion@departement.exemple.fr"}},
        origin);

  // An orientation the two sides disagree on, settled (NON) by last month's review.
  const auto today_day = today(ctx);
  const auto last_month = std::chrono::year_month_day{
      (std::chrono::year_month{today_day.year(), today_day.month()} - std::chrono::months{1}) /
      std::chrono::day{15}};
  domain::OrientationRequest r;
  r.origin = "france_travail";
  r.decision_mode = "accord_bilateral";
  r.registered_job_seeker = true;
  r.social_criteria = {"logement"};
  r.professional_criteria = {"mobilite"};
  r.obstacles = {"logement"};
  r.consent_signature_date = iso_in_days(ctx, 0);
  r.electronic_exchange = false;
  const auto o = services.orientations.create(conseiller, disputed_person, r, origin);
  services.orientations.position(social, o.row.id, false, origin);

  const auto review = reviews.open(coordo, conseiller.org_id, domain::to_iso(last_month), origin);
  reviews.set_attendance(coordo, review.review.id,
                         {{conseiller.user_id, "", "", true},
                          {social.user_id, "", "", true},
                          {std::nullopt, "Directrice d'agence", "France Travail", true},
                          {std::nullopt, "Chef de SLAI", "Département", true}},
                         origin);
  reviews.decide(coordo, review.review.id,
                 nlohmann::json::array({{{"kind", "decision"},
                                         {"orientation_id", o.row.id},
                                         {"oui", false},
                                         {"reason", "public_non_concerne"}}}),
                 origin);
  reviews.close(coordo, review.review.id, origin);

  const auto pilotage = actor_of(ctx, "pilotage.demo");
  NewCommittee copil;
  copil.kind = "copil";
  copil.held_on = domain::to_iso(last_month);
  copil.from = std::to_string(static_cast<int>(today_day.year())) + "-01-01";
  copil.to = domain::to_iso(last_month);
  copil.agenda = {"indicateurs", "objectifs", "revues_portefeuille", "fse"};
  copil.attendees = {{"Directeur de l'insertion", "Département du Val-de-Démo", true},
                     {"Directrice territoriale", "France Travail", true},
                     {"Chef de SLAI", "Département du Val-de-Démo", true},
                     {"Chargé de mission FSE", "France Travail", false}};
  CommitteeService committees(ctx);
  const auto c = committees.create(pilotage, copil, origin);
  committees.conclude(pilotage, c.id,
                      "Point d'étape : entrées en hausse, délai d'entrée à surveiller au regard de "
                      "la cible de 21 jours. Liste FSE du semestre à signer par les deux parties.",
                      origin);
}

}  // namespace

}  // namespace binome::app
