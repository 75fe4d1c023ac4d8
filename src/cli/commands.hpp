// The subcommands of the binome program. Each returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace binome::cli {

using Argv = std::vector<std::string>;

int run_serve(const Argv& args);
int run_migrate(const Argv& args);
int run_demo(const Argv& args);
int run_user(const Argv& args);
int run_audit(const Argv& args);
int run_setup(const Argv& args);
int run_digest(const Argv& args);
int run_resources(const Argv& args);
int run_communes(const Argv& args);
int run_flows(const Argv& args);
int run_purge(const Argv& args);
int run_backup(const Argv& args);
int run_restore(const Argv& args);
int run_identite(const Argv& args);
int print_help();

}  // namespace binome::cli
