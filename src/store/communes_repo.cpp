#include "store/communes_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {

domain::CommuneList load_commune_list(soci::session& sql, const std::string& departement) {
  domain::CommuneList out;
  soci::rowset<soci::row> epcis =
      (sql.prepare << "SELECT siren, nom FROM epcis WHERE departement = :d ORDER BY nom, siren",
       soci::use(departement));
  for (const auto& r : epcis) out.epcis.push_back({str(r, 0), str(r, 1)});
  soci::rowset<soci::row> communes =
      (sql.prepare << "SELECT code_insee, nom, code_postal, epci FROM communes WHERE "
                      "departement = :d ORDER BY nom, code_insee",
       soci::use(departement));
  for (const auto& r : communes)
    out.communes.push_back({str(r, 0), str(r, 1), str(r, 2), opt_str(r, 3)});
  return out;
}

void replace_commune_list(soci::session& sql, const std::string& departement,
                          const domain::CommuneList& list) {
  sql << "DELETE FROM communes WHERE departement = :d", soci::use(departement);
  sql << "DELETE FROM epcis WHERE departement = :d", soci::use(departement);
  for (const auto& e : list.epcis)
    sql << "INSERT INTO epcis (siren, nom, departement) VALUES (:s, :n, :d)", soci::use(e.siren),
        soci::use(e.nom), soci::use(departement);
  for (const auto& c : list.communes) {
    auto epci = Nullable::of(c.epci);
    sql << "INSERT INTO communes (code_insee, nom, code_postal, departement, epci) VALUES (:c, "
           ":n, :p, :d, :e)",
        soci::use(c.code_insee), soci::use(c.nom), soci::use(c.code_postal), soci::use(departement),
        soci::use(epci.text, epci.ind);
  }
}

std::set<std::string> epci_codes(soci::session& sql, const std::string& departement) {
  std::set<std::string> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT siren FROM epcis WHERE departement = :d", soci::use(departement));
  for (const auto& r : rows) out.insert(str(r, 0));
  return out;
}

std::set<std::string> epcis_in_zones(soci::session& sql, const std::string& departement) {
  std::set<std::string> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT DISTINCT z.code FROM resource_service_zone z JOIN resource_services "
                      "s ON s.id = z.service_id WHERE s.departement = :d AND s.state <> "
                      "'archive' AND LENGTH(z.code) = 9",
       soci::use(departement));
  for (const auto& r : rows) out.insert(str(r, 0));
  return out;
}

}  // namespace binome::store
