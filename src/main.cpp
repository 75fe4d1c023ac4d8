// binome: one program, several subcommands sharing the same code and rules.
#include <iostream>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace binome::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "aide")
    return print_help();
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "serve") return run_serve(args);
    if (command == "migrate") return run_migrate(args);
    if (command == "demo") return run_demo(args);
    if (command == "user") return run_user(args);
    if (command == "audit") return run_audit(args);
    if (command == "setup") return run_setup(args);
    if (command == "digest") return run_digest(args);
    if (command == "ressources") return run_resources(args);
    if (command == "communes") return run_communes(args);
    if (command == "flows") return run_flows(args);
    if (command == "purge") return run_purge(args);
    if (command == "backup") return run_backup(args);
    if (command == "restore") return run_restore(args);
    if (command == "identite") return run_identite(args);
    std::cerr << "binome : commande inconnue « " << command << " ». Voir « binome --help ».\n";
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "binome " << command << " : " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "binome " << command << " : erreur : " << e.what() << "\n";
    return 1;
  }
}
