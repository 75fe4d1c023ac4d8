#include "store/profile_json.hpp"

#include <set>

namespace binome::store {
namespace {

using Json = nlohmann::json;
using domain::FieldErrors;

Json opt(const std::optional<int>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// Reads one object, checking its keys and the type of each value; `path` prefixes fields.
class Reader {
 public:
  Reader(const Json& j, std::string path, FieldErrors& errors, std::set<std::string> keys)
      : j_(j), path_(std::move(path)), errors_(errors) {
    if (!j_.is_object()) {
      errors_.push_back({path_.empty() ? "rules" : path_, "type", "Un objet JSON est attendu."});
      return;
    }
    for (const auto& [k, v] : j_.items())
      if (!keys.count(k))
        errors_.push_back(
            {field(k), "champ_inconnu", "Champ non autorisé : « " + field(k) + " »."});
  }
  std::string field(const std::string& k) const { return path_.empty() ? k : path_ + "." + k; }
  const Json* get(const std::string& k) const {
    if (!j_.is_object()) return nullptr;
    auto it = j_.find(k);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }
  // A required number: absent or null is an error, not a silent default.
  void integer(const std::string& k, int& out) {
    if (auto v = get(k)) {
      if (v->is_number_integer())
        out = v->get<int>();
      else
        type_error(k, "un nombre entier");
    } else if (j_.is_object()) {
      errors_.push_back({field(k), "obligatoire", "« " + field(k) + " » est obligatoire."});
    }
  }
  void integer(const std::string& k, std::optional<int>& out) {
    out.reset();
    if (auto v = get(k)) {
      if (v->is_number_integer())
        out = v->get<int>();
      else
        type_error(k, "un nombre entier ou null");
    }
  }
  void ints(const std::string& k, std::vector<int>& out) {
    out.clear();
    if (auto v = get(k)) {
      if (!v->is_array()) return type_error(k, "une liste de nombres entiers");
      for (const auto& x : *v) {
        if (x.is_number_integer())
          out.push_back(x.get<int>());
        else
          return type_error(k, "une liste de nombres entiers");
      }
    }
  }
  void strings(const std::string& k, std::vector<std::string>& out) {
    out.clear();
    if (auto v = get(k)) {
      if (!v->is_array()) return type_error(k, "une liste de textes");
      for (const auto& x : *v) {
        if (x.is_string())
          out.push_back(x.get<std::string>());
        else
          return type_error(k, "une liste de textes");
      }
    }
  }
  void text(const std::string& k, std::string& out) {
    if (auto v = get(k)) {
      if (v->is_string())
        out = v->get<std::string>();
      else
        type_error(k, "un texte");
    }
  }
  void type_error(const std::string& k, const char* what) {
    errors_.push_back({field(k), "type", "« " + field(k) + " » doit être " + what + "."});
  }

 private:
  const Json& j_;
  std::string path_;
  FieldErrors& errors_;
};

}  // namespace

Json rules_to_json(const domain::ConventionRules& r) {
  Json modes = Json::array(), publics = Json::array();
  for (auto m : r.decision_modes) modes.push_back(std::string(domain::to_string(m)));
  for (auto p : r.tacit_publics) publics.push_back(std::string(domain::to_string(p)));
  return {
      {"decision_modes", modes},
      {"tacit_publics", publics},
      {"entry_deadline_days", opt(r.entry_deadline_days)},
      {"alert_days_before_deadline", r.alert_days_before_deadline},
      {"axe2",
       {{"initial_months", r.axe2.initial_months},
        {"renewal_months", r.axe2.renewal_months},
        {"max_renewals", opt(r.axe2.max_renewals)},
        {"max_total_months", opt(r.axe2.max_total_months)},
        {"review_months", r.axe2.review_months},
        {"in_work_followup_months", r.axe2.in_work_followup_months}}},
      {"portfolio_min", opt(r.portfolio_min)},
      {"portfolio_max", opt(r.portfolio_max)},
      {"brsa_share_target_pct", opt(r.brsa_share_target_pct)},
      {"new_entries_per_binome_year", opt(r.new_entries_per_binome_year)},
      {"axe3",
       {{"duration_months", r.axe3.duration_months},
        {"max_renewals", r.axe3.max_renewals},
        {"max_total_months", opt(r.axe3.max_total_months)},
        {"quota_per_service_year", opt(r.axe3.quota_per_service_year)},
        {"quota_total_year", opt(r.axe3.quota_total_year)},
        {"validated_by", r.axe3.validated_by},
        {"validator", r.axe3.validator}}},
      {"metiers_en_tension", r.metiers_en_tension},
      {"dedicated_counsellors_etp", opt(r.dedicated_counsellors_etp)},
      {"retention",
       {{"fiche_years_after_convention_end", r.retention.fiche_years_after_convention_end},
        {"application_data_months", opt(r.retention.application_data_months)},
        {"flow_data_months", opt(r.retention.flow_data_months)},
        {"exchange_files_days", r.retention.exchange_files_days}}},
  };
}

domain::ConventionRules rules_from_json(const Json& j, FieldErrors& errors) {
  domain::ConventionRules r;
  Reader top(j, "", errors,
             {"decision_modes", "tacit_publics", "entry_deadline_days",
              "alert_days_before_deadline", "axe2", "portfolio_min", "portfolio_max",
              "brsa_share_target_pct", "new_entries_per_binome_year", "axe3", "metiers_en_tension",
              "dedicated_counsellors_etp", "retention"});
  std::vector<std::string> modes, publics;
  top.strings("decision_modes", modes);
  for (const auto& m : modes) {
    if (auto mode = domain::parse_decision_mode(m))
      r.decision_modes.push_back(*mode);
    else
      errors.push_back({"decision_modes", "inconnu", "Mode de décision inconnu : « " + m + " »."});
  }
  top.strings("tacit_publics", publics);
  for (const auto& p : publics) {
    if (auto pub = domain::parse_tacit_public(p))
      r.tacit_publics.push_back(*pub);
    else
      errors.push_back(
          {"tacit_publics", "inconnu", "Public d'accord tacite inconnu : « " + p + " »."});
  }
  top.integer("entry_deadline_days", r.entry_deadline_days);
  top.integer("alert_days_before_deadline", r.alert_days_before_deadline);
  top.integer("portfolio_min", r.portfolio_min);
  top.integer("portfolio_max", r.portfolio_max);
  top.integer("brsa_share_target_pct", r.brsa_share_target_pct);
  top.integer("new_entries_per_binome_year", r.new_entries_per_binome_year);
  top.strings("metiers_en_tension", r.metiers_en_tension);
  top.integer("dedicated_counsellors_etp", r.dedicated_counsellors_etp);
  static const Json empty = Json::object();
  const Json* axe2 = top.get("axe2");
  Reader a2(axe2 ? *axe2 : empty, "axe2", errors,
            {"initial_months", "renewal_months", "max_renewals", "max_total_months",
             "review_months", "in_work_followup_months"});
  a2.ints("initial_months", r.axe2.initial_months);
  a2.ints("renewal_months", r.axe2.renewal_months);
  a2.integer("max_renewals", r.axe2.max_renewals);
  a2.integer("max_total_months", r.axe2.max_total_months);
  a2.integer("review_months", r.axe2.review_months);
  a2.integer("in_work_followup_months", r.axe2.in_work_followup_months);
  const Json* axe3 = top.get("axe3");
  Reader a3(axe3 ? *axe3 : empty, "axe3", errors,
            {"duration_months", "max_renewals", "max_total_months", "quota_per_service_year",
             "quota_total_year", "validated_by", "validator"});
  a3.integer("duration_months", r.axe3.duration_months);
  a3.integer("max_renewals", r.axe3.max_renewals);
  a3.integer("max_total_months", r.axe3.max_total_months);
  a3.integer("quota_per_service_year", r.axe3.quota_per_service_year);
  a3.integer("quota_total_year", r.axe3.quota_total_year);
  a3.text("validated_by", r.axe3.validated_by);
  a3.text("validator", r.axe3.validator);
  const Json* ret = top.get("retention");
  Reader rt(ret ? *ret : empty, "retention", errors,
            {"fiche_years_after_convention_end", "application_data_months", "flow_data_months",
             "exchange_files_days"});
  rt.integer("fiche_years_after_convention_end", r.retention.fiche_years_after_convention_end);
  rt.integer("application_data_months", r.retention.application_data_months);
  rt.integer("flow_data_months", r.retention.flow_data_months);
  rt.integer("exchange_files_days", r.retention.exchange_files_days);
  return r;
}

}  // namespace binome::store
