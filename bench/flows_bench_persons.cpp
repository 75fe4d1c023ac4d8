// bench/flows-bench: a fresh database with the persons of the synthetic files (indices
// 0 … N-1 of flows::fictional_person), so that the import reconciles and writes for each.
#include <cstdio>
#include <string>

#include "flows/generator.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/orgs_repo.hpp"
#include "store/persons_repo.hpp"

int main(int argc, char** argv) {
  using namespace binome;
  if (argc != 4) {
    std::fprintf(stderr, "usage : flows_bench_persons URL DEPARTEMENT N\n");
    return 2;
  }
  const std::string dep = argv[2];
  const long n = std::stol(argv[3]);
  auto db = store::Database::open(argv[1], 1);
  store::migrate(*db);
  db->transaction([&](soci::session& sql) {
    store::upsert_departement(sql, dep, "Département de mesure");
    const auto territory = store::insert_territory(sql, dep, "Territoire de mesure");
    for (long i = 0; i < n; ++i) {
      const auto f = flows::fictional_person(std::size_t(i), dep);
      domain::Person p;
      p.identity.last_name = f.last_name;
      p.identity.first_name = f.first_name;
      p.identity.birth_date = f.birth_date;
      p.identity.street = "1 rue de la Mesure";
      p.identity.postal_code = "62000";
      p.identity.commune = "Arras";
      p.identity.ft_id = f.identifiant_pe;
      p.identity.brsa = true;
      p.scope.departement = dep;
      p.scope.territory_id = territory;
      store::insert_person(sql, p, "2024-01-01T00:00:00Z");
    }
  });
  std::printf("%ld personnes créées\n", n);
  return 0;
}
