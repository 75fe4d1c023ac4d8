#include "app/commune_service.hpp"

#include "store/audit_repo.hpp"
#include "store/communes_repo.hpp"
#include "store/orgs_repo.hpp"

namespace binome::app {

using domain::DomainError;

domain::CommuneList CommuneService::list(const std::string& departement) {
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::load_commune_list(sql, departement); });
}

CommuneImportReport CommuneService::import_csv(const domain::Actor& actor,
                                               const std::string& departement,
                                               const std::string& csv, const Origin& origin) {
  if (actor.role != domain::Role::admin) {
    ctx_.db.transaction([&](soci::session& sql) {
      store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                          {audit_entry(actor, "admin.denied", std::nullopt, origin)});
    });
    throw DomainError(DomainError::Kind::forbidden, "reserve_admin",
                      "Cette action est réservée aux administrateurs.");
  }
  domain::FieldErrors errors;
  const auto list = domain::parse_commune_csv(csv, departement, errors);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  return ctx_.db.transaction([&](soci::session& sql) {
    if (!store::departement_exists(sql, departement))
      throw DomainError(DomainError::Kind::not_found, "departement_inconnu",
                        "Le département " + departement + " n'existe pas dans binome.");
    std::set<std::string> kept;
    for (const auto& e : list.epcis) kept.insert(e.siren);
    domain::FieldErrors used;
    for (const auto& siren : store::epcis_in_zones(sql, departement))
      if (!kept.count(siren))
        used.push_back({"siren_epci", "epci_utilise",
                        "L'EPCI " + siren +
                            " est dans la zone d'éligibilité de services de la base : il doit "
                            "rester dans le fichier (modifiez d'abord ces services)."});
    if (!used.empty()) throw DomainError(DomainError::Kind::invalid, used);
    store::replace_commune_list(sql, departement, list);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "admin.communes.import", std::nullopt, origin,
                                     "departement:" + departement)});
    return CommuneImportReport{static_cast<int>(list.communes.size()),
                               static_cast<int>(list.epcis.size())};
  });
}

}  // namespace binome::app
