#include "store/backup.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "security/backup_cipher.hpp"
#include "store/migrations.hpp"

namespace binome::store {
namespace {

namespace fs = std::filesystem;
using security::BackupError;
using Json = nlohmann::json;

constexpr std::size_t kBatchRows = 500;

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string quote_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::vector<int> applied_versions(soci::session& sql) {
  std::vector<int> out;
  soci::rowset<int> rs = (sql.prepare << "SELECT version FROM schema_migrations ORDER BY version");
  for (int v : rs) out.push_back(v);
  return out;
}

// A file created for this process only (0600), removed unless kept.
class TempFile {
 public:
  explicit TempFile(const fs::path& near) {
    std::string pattern =
        (near.parent_path() / ("." + near.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
      throw BackupError("impossible de créer un fichier temporaire à côté de « " + near.string() +
                        " ».");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    if (!kept_) {
      std::error_code ec;
      fs::remove(path_, ec);
      fs::remove(path_.string() + "-wal", ec);
      fs::remove(path_.string() + "-shm", ec);
    }
  }
  const fs::path& path() const { return path_; }
  void keep() { kept_ = true; }

 private:
  fs::path path_;
  bool kept_ = false;
};

void refuse_existing(const fs::path& out_path) {
  if (fs::exists(out_path))
    throw BackupError(
        "« " + out_path.string() +
        " » existe déjà : choisissez un nouveau nom de fichier (rien n'a été écrit).");
}

fs::path parent_or_here(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

void sync_and_rename(const fs::path& from, const fs::path& to) {
  const int fd = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw BackupError("impossible de renommer en « " + to.string() + " » : " + ec.message());
}

// ---- PostgreSQL logical dump -------------------------------------------------------------

struct PgTable {
  std::string name;
  std::vector<std::string> columns;  // without generated columns
};

std::vector<PgTable> pg_tables_in_fk_order(soci::session& sql) {
  std::vector<std::string> names;
  {
    soci::rowset<std::string> rs =
        (sql.prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                        "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
    for (const auto& n : rs) names.push_back(n);
  }
  std::map<std::string, std::set<std::string>> depends;  // table -> tables it references
  {
    soci::rowset<soci::row> rs =
        (sql.prepare
         << "SELECT src.relname, dst.relname FROM pg_constraint c JOIN pg_class src ON src.oid = "
            "c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid JOIN pg_namespace n ON n.oid = "
            "c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()");
    for (const auto& r : rs) {
      const auto from = r.get<std::string>(0), to = r.get<std::string>(1);
      if (from != to) depends[from].insert(to);
    }
  }
  // Kahn's order, alphabetical among the ready ones, so two dumps of one base are identical.
  std::vector<std::string> order;
  std::set<std::string> done;
  while (order.size() < names.size()) {
    bool progressed = false;
    for (const auto& n : names) {
      if (done.count(n)) continue;
      const auto& deps = depends[n];
      if (std::all_of(deps.begin(), deps.end(), [&](const auto& d) {
            return done.count(d) || std::find(names.begin(), names.end(), d) == names.end();
          })) {
        order.push_back(n);
        done.insert(n);
        progressed = true;
      }
    }
    if (!progressed)  // a cycle: binome's schema has none; keep going rather than loop
      for (const auto& n : names)
        if (!done.count(n)) {
          order.push_back(n);
          done.insert(n);
          break;
        }
  }
  std::vector<PgTable> out;
  for (const auto& n : order) {
    PgTable t{n, {}};
    soci::rowset<std::string> rs =
        (sql.prepare << "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                        "current_schema() AND table_name = :t AND is_generated = 'NEVER' ORDER "
                        "BY ordinal_position",
         soci::use(n));
    for (const auto& c : rs) t.columns.push_back(c);
    out.push_back(std::move(t));
  }
  return out;
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + quote_ident(c);
  return out;
}

void dump_postgres(soci::session& sql, security::BackupWriter& writer, BackupSummary& summary) {
  for (const auto& t : pg_tables_in_fk_order(sql)) {
    // A table's header line starts with '#', which no row (a JSON object) does.
    writer.write("#" + Json{{"table", t.name}, {"columns", t.columns}}.dump() + "\n");
    ++summary.tables;
    // Rows by their first column (the id): a row referring to an earlier row of its own
    // table (an organisation's parent) comes after it.
    soci::rowset<std::string> rs =
        (sql.prepare << "SELECT row_to_json(x)::text FROM (SELECT " + column_list(t.columns) +
                            " FROM " + quote_ident(t.name) + " ORDER BY 1) x");
    for (const auto& row : rs) {
      writer.write(row);
      writer.write("\n");
      ++summary.rows;
    }
  }
}

// Applies one table's batch of rows (a JSON array) with the table's own types.
void insert_batch(soci::session& sql, const PgTable& table, std::string& batch,
                  std::size_t& in_batch) {
  if (in_batch == 0) return;
  batch += "]";
  const auto cols = column_list(table.columns);
  sql << "INSERT INTO " + quote_ident(table.name) + " (" + cols + ") SELECT " + cols +
             " FROM json_populate_recordset(NULL::" + quote_ident(table.name) +
             ", CAST(:rows AS json))",
      soci::use(batch);
  batch.clear();
  in_batch = 0;
}

void restore_postgres(Database& db, const std::vector<int>& versions, const std::string& key,
                      const std::string& in_path, BackupSummary& summary) {
  db.transaction([&](soci::session& sql) {
    // The schema as it was when the backup was made, then the backup's rows in its place.
    db.exec_script(sql,
                   "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                   "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    for (const auto& m : migrations_for(Dialect::postgres))
      if (std::find(versions.begin(), versions.end(), m.version) != versions.end())
        db.exec_script(sql, m.sql);
    std::vector<std::string> all;
    {
      soci::rowset<std::string> rs =
          (sql.prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                          "current_schema() AND table_type = 'BASE TABLE'");
      for (const auto& n : rs) all.push_back(quote_ident(n));
    }
    std::string truncate;
    for (const auto& n : all) truncate += (truncate.empty() ? "" : ", ") + n;
    // TRUNCATE does not fire the audit trail's append-only row triggers; the trail comes back
    // whole from the backup.
    if (!truncate.empty()) sql << "TRUNCATE " + truncate;

    std::ifstream in(in_path, std::ios::binary);
    PgTable table;
    std::string line, batch;
    std::size_t in_batch = 0;
    auto handle_line = [&](const std::string& text) {
      if (text.empty()) return;
      if (text[0] == '#') {
        const auto header = Json::parse(text.substr(1), nullptr, false);
        if (!header.is_object() || !header.contains("table") || !header.contains("columns"))
          throw BackupError("sauvegarde PostgreSQL mal formée.");
        insert_batch(sql, table, batch, in_batch);
        table = PgTable{header["table"].get<std::string>(),
                        header["columns"].get<std::vector<std::string>>()};
        ++summary.tables;
        return;
      }
      if (table.name.empty()) throw BackupError("sauvegarde PostgreSQL mal formée.");
      batch += in_batch == 0 ? "[" : ",";
      batch += text;
      ++summary.rows;
      if (++in_batch == kBatchRows) insert_batch(sql, table, batch, in_batch);
    };
    security::read_backup(in, key, [&](std::string_view chunk) {
      for (char c : chunk) {
        if (c == '\n') {
          handle_line(line);
          line.clear();
        } else {
          line += c;
        }
      }
    });
    handle_line(line);
    insert_batch(sql, table, batch, in_batch);
    // Identity columns continue after the restored ids.
    soci::rowset<soci::row> identities =
        (sql.prepare << "SELECT table_name, column_name FROM information_schema.columns WHERE "
                        "table_schema = current_schema() AND is_identity = 'YES'");
    std::vector<std::pair<std::string, std::string>> ids;
    for (const auto& r : identities) ids.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
    for (const auto& [t, c] : ids)
      sql << "SELECT setval(pg_get_serial_sequence(" + quote_literal(quote_ident(t)) + ", " +
                 quote_literal(c) + "), COALESCE(MAX(" + quote_ident(c) +
                 "), 0) + 1, false) FROM " + quote_ident(t);
  });
}

std::vector<int> versions_of(const Json& meta) {
  std::vector<int> out;
  if (meta.contains("schema_versions") && meta["schema_versions"].is_array())
    for (const auto& v : meta["schema_versions"])
      if (v.is_number_integer()) out.push_back(v.get<int>());
  return out;
}

}  // namespace

BackupSummary backup_database(Database& db, const std::string& key, const std::string& out_path,
                              const std::string& now_iso) {
  const fs::path out(out_path);
  refuse_existing(out);
  BackupSummary summary;
  summary.backend = db.dialect() == Dialect::sqlite ? "sqlite" : "postgresql";
  TempFile partial(out);
  ::chmod(partial.path().c_str(), 0600);

  if (db.dialect() == Dialect::sqlite) {
    // A consistent copy first (other processes may be writing), then encrypted.
    TempFile snapshot(parent_or_here(out) / (out.filename().string() + ".copie"));
    // mkstemp left it empty (0600), which VACUUM INTO accepts.
    db.with_session([&](soci::session& sql) {
      summary.schema_versions = applied_versions(sql);
      sql << "VACUUM INTO " + quote_literal(snapshot.path().string());
      soci::rowset<int> rs =
          (sql.prepare << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'");
      for (int n : rs) summary.tables = static_cast<std::size_t>(n);
    });
    std::ofstream file(partial.path(), std::ios::binary | std::ios::trunc);
    const Json meta{{"application", "binome"},
                    {"format", 1},
                    {"backend", summary.backend},
                    {"created_at", now_iso},
                    {"schema_versions", summary.schema_versions}};
    security::BackupWriter writer(file, key, meta.dump());
    std::ifstream in(snapshot.path(), std::ios::binary);
    std::string buf(1 << 16, '\0');
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
      writer.write(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    writer.finish();
    file.close();
    if (!file) throw BackupError("écriture de « " + out_path + " » impossible.");
  } else {
    db.with_session([&](soci::session& sql) {
      // One snapshot for every table: the dump is consistent while the service runs.
      sql << "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY";
      try {
        summary.schema_versions = applied_versions(sql);
        std::ofstream file(partial.path(), std::ios::binary | std::ios::trunc);
        const Json meta{{"application", "binome"},
                        {"format", 1},
                        {"backend", summary.backend},
                        {"created_at", now_iso},
                        {"schema_versions", summary.schema_versions}};
        security::BackupWriter writer(file, key, meta.dump());
        dump_postgres(sql, writer, summary);
        writer.finish();
        file.close();
        if (!file) throw BackupError("écriture de « " + out_path + " » impossible.");
        sql << "COMMIT";
      } catch (...) {
        try {
          sql << "ROLLBACK";
        } catch (...) {
        }
        throw;
      }
    });
  }
  refuse_existing(out);
  sync_and_rename(partial.path(), out);
  partial.keep();
  summary.bytes = fs::file_size(out);
  return summary;
}

BackupSummary restore_database(const std::string& url, const std::string& key,
                               const std::string& in_path) {
  if (!fs::is_regular_file(in_path))
    throw BackupError("sauvegarde « " + in_path + " » introuvable.");
  // First pass: the whole file must decrypt and authenticate before anything is touched.
  std::string metadata;
  {
    std::ifstream in(in_path, std::ios::binary);
    metadata = security::read_backup(in, key, {});
  }
  const auto meta = Json::parse(metadata, nullptr, false);
  if (!meta.is_object() || meta.value("application", "") != "binome" ||
      meta.value("format", 0) != 1)
    throw BackupError("format de sauvegarde inconnu : rien n'a été restauré.");
  BackupSummary summary;
  summary.backend = meta.value("backend", "");
  summary.schema_versions = versions_of(meta);
  std::set<int> known;
  for (const auto& m : migrations_for(Dialect::sqlite)) known.insert(m.version);
  for (int v : summary.schema_versions)
    if (!known.count(v))
      throw BackupError("cette sauvegarde vient d'une version plus récente de binome (migration " +
                        std::to_string(v) +
                        " inconnue de ce programme) : restaurez-la avec une version au moins aussi "
                        "récente. Rien n'a été restauré.");
  const bool to_sqlite = url.rfind("sqlite:", 0) == 0;
  if (to_sqlite != (summary.backend == "sqlite"))
    throw BackupError(summary.backend == "sqlite"
                          ? "cette sauvegarde vient d'une base SQLite : restaurez-la dans une base "
                            "SQLite (--db sqlite:CHEMIN). Rien n'a été restauré."
                          : "cette sauvegarde vient d'une base PostgreSQL : restaurez-la dans une "
                            "base PostgreSQL (--db postgresql://…). Rien n'a été restauré.");

  if (to_sqlite) {
    const fs::path target(url.substr(7));
    if (target.empty()) throw BackupError("chemin de base SQLite vide.");
    if (fs::exists(target))
      throw BackupError("la base « " + target.string() +
                        " » existe déjà : la restauration se fait dans une nouvelle base (déplacez "
                        "l'ancienne ou choisissez un autre chemin). Rien n'a été modifié.");
    fs::create_directories(parent_or_here(target));
    TempFile temp(target);
    ::chmod(temp.path().c_str(), 0600);
    {
      std::ofstream out(temp.path(), std::ios::binary | std::ios::trunc);
      std::ifstream in(in_path, std::ios::binary);
      security::read_backup(in, key, [&](std::string_view chunk) {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      });
      summary.bytes = static_cast<std::uintmax_t>(out.tellp());
      out.close();
      if (!out) throw BackupError("écriture de « " + temp.path().string() + " » impossible.");
    }
    {
      auto check = Database::open("sqlite:" + temp.path().string(), 1);
      check->with_session([&](soci::session& sql) {
        std::string result;
        sql << "PRAGMA integrity_check", soci::into(result);
        if (result != "ok")
          throw BackupError("la base contenue dans la sauvegarde est endommagée (" + result +
                            ") : rien n'a été restauré.");
        soci::rowset<int> rs =
            (sql.prepare << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'");
        for (int n : rs) summary.tables = static_cast<std::size_t>(n);
      });
    }
    if (fs::exists(target))
      throw BackupError("la base « " + target.string() +
                        " » est apparue pendant la restauration : "
                        "rien n'a été modifié.");
    sync_and_rename(temp.path(), target);
    temp.keep();
    auto db = Database::open(url, 1);
    migrate(*db);
    return summary;
  }

  auto db = Database::open(url, 1);
  const long long existing = db->with_session([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        soci::into(n);
    return n;
  });
  if (existing > 0)
    throw BackupError(
        "la base cible n'est pas vide (" + std::to_string(existing) +
        " table(s)) : la restauration se fait dans une nouvelle base (createdb). Rien "
        "n'a été modifié.");
  restore_postgres(*db, summary.schema_versions, key, in_path, summary);
  migrate(*db);
  summary.bytes = fs::file_size(in_path);
  return summary;
}

}  // namespace binome::store
