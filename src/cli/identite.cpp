// binome identite rechercher|statut: the client of the identity API of the 2024 amendment
// (Recherche individu certifié, Restitution statut individu) against a configurable base URL:
// binome itself (a session opened with --identifiant and BINOME_IDENTITE_MOT_DE_PASSE) or a
// gateway that takes a bearer token (--jeton, or BINOME_IDENTITE_JETON).
#include <cstdlib>
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "domain/time.hpp"
#include "flows/identity_client.hpp"

namespace binome::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string required(const Args& args, const char* name) {
  auto v = args.get(name);
  if (!v || v->empty()) throw UsageError(std::string("--") + name + " est obligatoire.");
  return *v;
}

flows::IdentityClient client_of(const Args& args) {
  const std::string base = args.get_or("base-url", env("BINOME_IDENTITE_URL"));
  if (base.empty())
    throw UsageError("--base-url URL (ou BINOME_IDENTITE_URL) : l'adresse du service d'identité.");
  if (base.rfind("http://", 0) != 0 && base.rfind("https://", 0) != 0)
    throw UsageError("--base-url doit commencer par http:// ou https://.");
  std::map<std::string, std::string> headers;
  const std::string token = args.get_or("jeton", env("BINOME_IDENTITE_JETON"));
  if (auto login = args.get("identifiant")) {
    const std::string password = env("BINOME_IDENTITE_MOT_DE_PASSE");
    if (password.empty())
      throw UsageError("--identifiant demande le mot de passe dans BINOME_IDENTITE_MOT_DE_PASSE.");
    headers = flows::IdentityClient::binome_session(base, *login, password);
  } else if (!token.empty()) {
    headers["Authorization"] = "Bearer " + token;
  } else {
    throw UsageError(
        "--identifiant LOGIN (binome, mot de passe dans BINOME_IDENTITE_MOT_DE_PASSE) ou "
        "--jeton JETON (passerelle) est requis.");
  }
  return flows::IdentityClient(base, headers, args.get_int("delai", 10, 1, 300));
}

const std::set<std::string> kCommon{"base-url", "identifiant", "jeton", "delai"};

std::set<std::string> with(std::set<std::string> extra) {
  extra.insert(kCommon.begin(), kCommon.end());
  return extra;
}

int search(const Argv& argv) {
  Args args(argv, with({"nir", "nom", "prenom", "naissance"}), {});
  flows::IdentitySearch q;
  q.nir = required(args, "nir");
  q.nom_naissance = required(args, "nom");
  q.prenom = required(args, "prenom");
  q.date_naissance = required(args, "naissance");
  if (!domain::parse_date(q.date_naissance))
    throw UsageError("--naissance attend une date AAAA-MM-JJ.");
  const auto r = client_of(args).search(q);
  if (r.code_sortie == "S000") {
    std::cout << "Code sortie S000 : individu trouvé.\n"
              << "Identifiant national : " << r.id_national.value_or("(absent)") << "\n"
              << "Demandeur d'emploi certifié (CertifDE) : " << (r.certif_de ? "oui" : "non")
              << "\n";
    return 0;
  }
  std::cout << "Code sortie " << r.code_sortie << " : "
            << (r.code_sortie == "S001" ? "aucun individu trouvé."
                                        : "plusieurs individus trouvés ; précisez la recherche.")
            << "\n";
  return 1;
}

int status(const Argv& argv) {
  Args args(argv, with({"id"}), {});
  const auto s = client_of(args).status(required(args, "id"));
  std::cout << (s.demandeur_emploi ? "Demandeur d'emploi" : "Non demandeur d'emploi") << "\n";
  if (s.date_inscription) std::cout << "Inscrit le : " << *s.date_inscription << "\n";
  if (s.code_categorie) std::cout << "Catégorie : " << *s.code_categorie << "\n";
  if (s.date_reference) std::cout << "Situation au : " << *s.date_reference << "\n";
  return 0;
}

}  // namespace

int run_identite(const Argv& argv) {
  if (argv.empty()) throw UsageError("Sous-commande attendue : rechercher ou statut.");
  const Argv rest(argv.begin() + 1, argv.end());
  try {
    if (argv[0] == "rechercher") return search(rest);
    if (argv[0] == "statut") return status(rest);
  } catch (const flows::IdentityError& e) {
    std::cerr << "binome identite " << argv[0] << " : " << e.what() << "\n";
    return 1;
  }
  throw UsageError("Sous-commande inconnue : « " + argv[0] + " » (rechercher ou statut).");
}

}  // namespace binome::cli
