// binome backup / binome restore: encrypted backups with a key kept in a file outside the
// database (see store/backup.hpp and security/backup_cipher.hpp).
#include "store/backup.hpp"

#include <cstdlib>
#include <iostream>

#include "app/admin_service.hpp"
#include "app/context.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "security/backup_cipher.hpp"
#include "store/audit_repo.hpp"

namespace binome::cli {
namespace {

std::string versions_text(const std::vector<int>& versions) {
  if (versions.empty()) return "vide";
  return std::to_string(versions.front()) + "–" + std::to_string(versions.back());
}

std::string key_file(const Args& args) {
  const auto key = args.get("key-file");
  if (!key) throw UsageError("--key-file FICHIER est obligatoire (clé de 32 octets, droits 600).");
  return *key;
}

}  // namespace

int run_backup(const Argv& argv) {
  Args args(argv, {"db", "key-file", "new-key"}, {});
  if (const auto new_key = args.get("new-key")) {
    security::write_new_backup_key(*new_key);
    std::cout << "Clé de sauvegarde créée : " << *new_key
              << " (droits 600). Gardez-en une copie hors de ce serveur : sans elle, les "
                 "sauvegardes sont illisibles.\n";
    return 0;
  }
  if (args.positional().size() != 1)
    throw UsageError("Utilisation : binome backup --db URL --key-file CLÉ SORTIE");
  try {
    const auto key = security::read_backup_key(key_file(args));
    // No migration here: a backup takes the base as it is.
    auto db = store::Database::open(database_url(args), 1);
    app::SystemClock clock;
    app::Context ctx{*db, clock, {}};
    // Recorded before the copy, so the backup holds its own record.
    ctx.db.transaction([&](soci::session& sql) {
      store::append_audit(
          sql, db->dialect(), ctx.now_iso(),
          {app::audit_entry(app::operator_actor(), "backup.create", std::nullopt,
                            {"cli: backup", "local"}, "fichier:" + args.positional()[0])});
    });
    const auto summary = store::backup_database(*db, key, args.positional()[0], ctx.now_iso());
    std::cout << "Sauvegarde chiffrée écrite : " << args.positional()[0] << " (" << summary.bytes
              << " octets ; base " << summary.backend << ", " << summary.tables << " tables"
              << (summary.backend == "postgresql" ? ", " + std::to_string(summary.rows) + " lignes"
                                                  : std::string())
              << ", migrations " << versions_text(summary.schema_versions) << ").\n";
    return 0;
  } catch (const security::BackupError& e) {
    std::cerr << "binome backup : " << e.what() << "\n";
    return 1;
  }
}

int run_restore(const Argv& argv) {
  Args args(argv, {"db", "key-file"}, {});
  if (args.positional().size() != 1)
    throw UsageError("Utilisation : binome restore --db URL --key-file CLÉ SAUVEGARDE");
  if (!args.get("db") && !std::getenv("BINOME_DB"))
    throw UsageError("--db URL est obligatoire : la base (nouvelle) où restaurer.");
  try {
    const auto key = security::read_backup_key(key_file(args));
    const auto summary = store::restore_database(database_url(args), key, args.positional()[0]);
    std::cout << "Sauvegarde restaurée (base " << summary.backend << ", " << summary.tables
              << " tables"
              << (summary.backend == "postgresql" ? ", " + std::to_string(summary.rows) + " lignes"
                                                  : std::string())
              << ", migrations " << versions_text(summary.schema_versions)
              << "). Vérifiez le journal : binome audit verify --db …\n";
    return 0;
  } catch (const security::BackupError& e) {
    std::cerr << "binome restore : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace binome::cli
