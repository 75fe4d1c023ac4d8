// The sub-subcommands of "binome flows".
#pragma once
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "domain/time.hpp"

namespace binome::cli {

// --date-traitement AAAA-MM-JJ, else today (UTC).
domain::Date processing_day(const Args& args);

int run_flows_validate(const Argv& args);
int run_flows_generate(const Argv& args);
int run_flows_import(const Argv& args);
int run_flows_export(const Argv& args);
int run_flows_calendar(const Argv& args);

}  // namespace binome::cli
