// Retention: when each category of a person's data must go, from the rules of the convention
// that governs the person (RetentionRules of its profile). Pure: the caller gives the facts
// and today's date.
//
// Two categories are judged per person:
//  - suivi: the follow-up data of the support (appointments, tasks, équipe pluridisciplinaire
//    decisions, links to social resources, binôme history). They go when the convention's
//    application data period after its end has passed (12 months in 62's application
//    convention, seed 003 art. 7), otherwise with the fiche.
//  - fiche: the fiche de liaison and the shared diagnosis, kept for the FSE control period
//    (10 years after the convention's end, seed 000 art. 6). Then the person is anonymised:
//    identity erased, the orientation, support and axe 3 rows kept without it so past
//    indicators do not change. A person never oriented has no fiche and no FSE obligation:
//    its identity goes with the follow-up data.
//  - flux: what the RSA flows brought about the person (its France Travail snapshot with the
//    sealed NIR, its flow events). The RSA flows convention (62: seed 003) has them destroyed at
//    the latest N months after its end (flow_data_months, 2 in 62), earlier than the rest of the
//    follow-up data; without such a period they go with the follow-up data.
// A person with a support still in progress keeps everything.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/convention_profile.hpp"
#include "domain/time.hpp"

namespace binome::domain {

enum class RetentionCategory { suivi, fiche, flux };
const char* to_string(RetentionCategory c);
// "Données de suivi (rendez-vous, tâches, …)"
const char* category_label(RetentionCategory c);

struct RetentionFacts {
  std::string convention_code;
  std::string convention_label;
  Date convention_end{};
  RetentionRules rules;
  bool support_in_progress = false;
  bool has_followup_data = false;  // rows of the suivi category exist
  bool has_fiche = true;           // an orientation exists: the FSE keeps the fiche
  bool has_flow_data = false;      // a job-seeker snapshot or flow events exist
  bool anonymised = false;
};

struct RetentionDue {
  RetentionCategory category;
  Date limit{};      // last day the data may be kept
  std::string rule;  // the rule, in French, naming the period and the convention
};

// The limits of both categories, whether reached or not.
std::vector<RetentionDue> retention_limits(const RetentionFacts& facts);

// What must go today (limit strictly before today), and nothing while a support is in
// progress or what is already gone. The flow data are not listed on their own when the
// follow-up data, which include them, go the same day.
std::vector<RetentionDue> purge_due(const RetentionFacts& facts, const Date& today);

// Raw exchange files of the RSA flows (seed 003, annexe 1): kept at most `days` days after
// their import (90 by default: RetentionRules::exchange_files_days). The last day they may be
// kept, and whether they must go today (that day strictly before today).
Date raw_flow_file_limit(const Date& imported_on, int days);
bool raw_flow_file_due(const Date& imported_on, int days, const Date& today);
// "Fichiers d'échange bruts conservés 90 jours au plus (convention … annexe 1)"
std::string raw_flow_file_rule(int days);

}  // namespace binome::domain
