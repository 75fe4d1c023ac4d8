#include "app/flow_calendar_items.hpp"

#include "domain/flow_calendar.hpp"
#include "domain/flows_operator.hpp"

namespace binome::app {
namespace {

constexpr const char* kConvention =
    "Convention d'échange de données sur l'orientation et l'accompagnement des bénéficiaires du "
    "RSA (France Travail – Département), annexe 4 « Guide d'utilisation »";

}  // namespace

std::vector<WorklistItem> flow_calendar_items(const domain::Actor& actor, domain::Timestamp now) {
  std::vector<WorklistItem> out;
  if (!domain::is_flows_operator(actor) || actor.departement.empty()) return out;
  const domain::Calendar cal(actor.departement);
  const auto cgpem = domain::next_cgpem_deadline(cal, now);
  const auto pecgm = domain::next_pecgm_available(cal, now);
  WorklistItem deposit;
  deposit.kind = "depot_cgpem";
  deposit.label = "Déposer le fichier CGPEM du département " + actor.departement +
                  " au plus tard le " + domain::french_long_date(cgpem) +
                  " avant 17 h (heure de Paris)";
  deposit.due_on = domain::to_iso(cgpem);
  deposit.rule =
      "Règle R11 : le CGPEM mensuel est déposé au plus tard le 3e vendredi ouvré du mois, avant "
      "17 h" +
      std::string(cal.alsace_moselle() ? " (jours fériés d'Alsace-Moselle)" : "");
  deposit.convention = kConvention;
  deposit.link = "/flux";
  out.push_back(std::move(deposit));
  WorklistItem fetch;
  fetch.kind = "pecgm_disponible";
  fetch.label = "Importer le fichier PECGM de France Travail, disponible le " +
                domain::french_long_date(pecgm);
  fetch.due_on = domain::to_iso(pecgm);
  fetch.rule =
      "Le PECGM est mis à disposition le lundi suivant le 2e vendredi ouvré du mois (jour ouvré "
      "suivant si ce lundi est férié)";
  fetch.convention = kConvention;
  fetch.link = "/flux";
  out.push_back(std::move(fetch));
  return out;
}

}  // namespace binome::app
