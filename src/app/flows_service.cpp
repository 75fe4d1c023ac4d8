#include "app/flows_service.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/admin_service.hpp"
#include "flows/dossier_pipe.hpp"
#include "flows/snapshot.hpp"
#include "security/nir_keys.hpp"
#include "store/audit_repo.hpp"
#include "store/flows_repo.hpp"

namespace binome::app {
namespace {

// Thrown inside the transaction to roll it back without an error.
struct Abandon {};

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(d[bytes[i] >> 4]);
    out.push_back(d[bytes[i] & 15]);
  }
  return out;
}

std::string file_sha256(std::istream& in, const std::string& path) {
  // OpenSSL's SHA-256 (linked through Poco::Crypto) uses the CPU's SHA instructions.
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> sha(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!sha || EVP_DigestInit_ex(sha.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 indisponible");
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(sha.get(), buffer.data(), std::size_t(in.gcount()));
  }
  if (in.bad()) throw std::runtime_error("lecture de « " + path + " » impossible");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(sha.get(), digest, &size);
  return hex(digest, size);
}

// Copies the imported file into the raw files' directory (created owner-only): written under a
// temporary name, then renamed, readable by binome's user only. Returns the absolute path.
std::string keep_raw_file(const std::string& dir, const std::string& source, std::int64_t id,
                          const std::string& sha256) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw std::runtime_error("dossier des fichiers de flux « " + dir +
                             " » inutilisable : " + ec.message());
  fs::permissions(dir, fs::perms::owner_all, ec);
  const fs::path target =
      fs::absolute(dir) / ("import-" + std::to_string(id) + "-" + sha256.substr(0, 16) + ".xml");
  const fs::path partial = target.string() + ".partiel";
  fs::copy_file(source, partial, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::permissions(partial, fs::perms::owner_read | fs::perms::owner_write, ec);
  if (!ec) fs::rename(partial, target, ec);
  if (ec) {
    fs::remove(partial, ec);
    throw std::runtime_error("copie du fichier brut dans « " + dir +
                             " » impossible : rien n'est "
                             "importé");
  }
  return target.string();
}

// The reader thread of an import: parses and validates the file (every diagnostic goes to
// result.diagnostics, the summary to result.summary, the file's SHA-256 to result.sha256),
// hashes each valid dossier's NIR and hands the dossiers over in batches. Stops when the
// writer cancels the pipe; any failure is kept in `failure`. Closes the pipe in every case.
void read_into_pipe(std::istream& in, const FlowImportRequest& req, const security::NirKeys& keys,
                    flows::DossierPipe& pipe, FlowImportResult& result,
                    std::exception_ptr& failure) {
  try {
    auto batch = pipe.fresh();
    bool open = true;
    std::exception_ptr inner;  // thrown in a callback: nothing may cross expat
    flows::FlowReader* reader_ptr = nullptr;
    const auto send = [&] {
      if (!pipe.push(std::move(batch))) {
        open = false;
        reader_ptr->stop();
      }
      batch = pipe.fresh();
    };
    const auto guarded = [&](auto&& work) {
      if (inner || !open) return;
      try {
        work();
      } catch (...) {
        inner = std::current_exception();
        reader_ptr->stop();
      }
    };
    flows::ReaderCallbacks cb;
    cb.on_diagnostic = [&](const flows::Diagnostic& d) { result.diagnostics.push_back(d); };
    cb.on_header = [&](flows::Flow flow, const flows::Values& h, bool header_ok) {
      guarded([&] {
        batch->header_flow = flow;
        batch->header = h;
        batch->header_ok = header_ok;
        batch->diagnostics_before = result.diagnostics.size();
        if (flow == flows::Flow::cgpem) reader_ptr->stop();  // binome does not import CGPEM
        send();
      });
    };
    cb.on_dossier = [&](std::size_t, unsigned long, const flows::Values& d, bool valid) {
      guarded([&] {
        auto& p = batch->next();
        p.values = d;
        p.valid = valid;
        // Only the keyed hash of a NIR is kept and compared: hashed once per dossier.
        p.nir_key = valid && d.ok(flows::Field::nir)
                        ? std::optional(keys.lookup_hash(d.get(flows::Field::nir)))
                        : std::nullopt;
        if (batch->size == pipe.batch_size()) send();
      });
    };
    // OpenSSL's SHA-256 (already linked through Poco::Crypto) uses the CPU's SHA
    // instructions: libsodium's portable one cost a tenth of the import.
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> sha(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!sha || EVP_DigestInit_ex(sha.get(), EVP_sha256(), nullptr) != 1)
      throw std::runtime_error("SHA-256 indisponible");
    flows::FlowReader reader(req.today, std::move(cb));
    reader_ptr = &reader;
    std::vector<char> buffer(64 * 1024);
    while (in && !reader.stopped()) {
      in.read(buffer.data(), std::streamsize(buffer.size()));
      const auto n = in.gcount();
      if (n <= 0) break;
      EVP_DigestUpdate(sha.get(), buffer.data(), std::size_t(n));
      reader.feed(std::string_view(buffer.data(), std::size_t(n)));
    }
    if (in.bad()) throw std::runtime_error("lecture de « " + req.path + " » impossible");
    result.summary = reader.finish();
    if (inner) std::rethrow_exception(inner);
    if (open && batch->size) pipe.push(std::move(batch));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_size = 0;
    EVP_DigestFinal_ex(sha.get(), digest, &digest_size);
    result.sha256 = hex(digest, digest_size);
  } catch (...) {
    failure = std::current_exception();
  }
  pipe.close();
}

// One dossier of an import, on the writer thread: reconciled with a person, its snapshot
// compared with the previous one, events and snapshot written, the index told its ids.
void import_dossier(store::SnapshotStore& snapshots, flows::PersonIndex& index,
                    const store::FlowImportRow& row, flows::Flow flow, const std::string& now,
                    const flows::ParsedDossier& p, FlowImportResult& result) {
  if (!p.valid) {
    ++result.rejected;
    return;
  }
  const flows::Values& d = p.values;
  const auto match = index.match(d, p.nir_key);
  if (!match.person_id) {
    ++result.unmatched;
    if (match.ambiguous) ++result.ambiguous;
    return;
  }
  ++result.matched;
  ++result.matched_by[match.how];
  const auto person = *match.person_id;
  // A person without stored ids has no snapshot yet: no query for it.
  const auto previous = index.has_snapshot(person) ? snapshots.load(person) : std::nullopt;
  const auto next = flows::snapshot_of(flow, d, row.date_reference, previous);
  for (const auto& e : flows::derive_events(previous, next)) {
    snapshots.add_event(person, row.id, e, now);
    ++result.events[std::string(flows::to_string(e.kind))];
  }
  if (previous && previous->identifiant_pe && next.identifiant_pe &&
      (previous->identifiant_pe != next.identifiant_pe || previous->code_pe != next.code_pe))
    snapshots.set_ft_id(person, *next.identifiant_pe, now);
  // The dossier's NIR was hashed on the reader thread: not hashed again to be saved.
  if (!previous || !(*previous == next))
    snapshots.save(person, row.id, next,
                   next.nir && d.ok(flows::Field::nir) && *next.nir == d.get(flows::Field::nir)
                       ? p.nir_key
                       : std::nullopt);
  // Without a NIR in the dossier, the one kept from the previous snapshot is already in the
  // index (loaded by its hash).
  index.add_known_ids(person, p.nir_key, next.code_pe, next.identifiant_pe);
}

}  // namespace

FlowImportResult import_flow_file(Context& ctx, const domain::Actor& actor, const Origin& origin,
                                  const FlowImportRequest& req) {
  std::error_code ec;
  if (std::filesystem::is_directory(req.path, ec))
    throw std::runtime_error("« " + req.path + " » est un dossier, pas un fichier");
  std::ifstream in(req.path, std::ios::binary);
  if (!in)
    throw std::runtime_error(
        "impossible d'ouvrir « " + req.path + " » : " +
        (errno == ENOENT ? std::string("fichier introuvable") : std::string(std::strerror(errno))));
  FlowImportResult result;
  const std::string now = ctx.now_iso();
  const security::NirKeys& keys = require_nir_keys(ctx);
  std::string raw_file;  // the copy kept of the file, once written
  // The same bytes as an earlier import: recognised inside the transaction once the header is
  // read (same bytes, same header), by the digest of the whole file — not by a pass over every
  // file before its import.
  std::optional<store::FlowImportRow> same_file;
  try {
    ctx.db.transaction([&](soci::session& sql) {
      // The snapshots' NIR-hash index takes inserts in random order, which SQLite's default
      // 2 MB page cache handles poorly on a large file: 64 MiB for this connection
      // (bench/flows-bench, 200 000 dossiers: 9.0 → 8.2 s CPU, next month 12.9 → 10.1 s).
      const bool sqlite = ctx.db.dialect() == store::Dialect::sqlite;
      if (sqlite) sql << "PRAGMA cache_size = -65536";
      // On SQLite this is the writers' one session, whose cache outlives the transaction (it is
      // kept warm from one write to the next): back to SQLite's default when the import ends,
      // whichever way, rather than 64 MiB held until the process stops.
      struct DefaultCache {
        soci::session& sql;
        bool on;
        ~DefaultCache() {
          if (!on) return;
          try {
            sql << "PRAGMA cache_size = -2000";
          } catch (...) {
            // Only memory is at stake.
          }
        }
      } default_cache{sql, sqlite};
      check_nir_key(ctx, sql);
      std::unique_ptr<store::SnapshotStore> snapshots;
      flows::PersonIndex index;
      store::FlowImportRow row;
      // Two threads: this one reconciles and writes (it holds the transaction), a reader thread
      // parses, validates and hashes the NIRs, handing dossiers over in batches.
      flows::DossierPipe pipe;
      std::exception_ptr read_failure;
      std::thread reader_thread([&] { read_into_pipe(in, req, keys, pipe, result, read_failure); });
      // However this thread leaves (a refused file, an exception), the reader is stopped first.
      struct Join {
        flows::DossierPipe& pipe;
        std::thread& thread;
        ~Join() {
          pipe.cancel();
          if (thread.joinable()) thread.join();
        }
      } join{pipe, reader_thread};
      std::optional<std::size_t> refused_at;  // diagnostics to keep when the file is refused
      const auto flow = [&] {
        return row.kind == "PECGM" ? flows::Flow::pecgm : flows::Flow::pecdh;
      };
      while (auto batch = pipe.pop()) {
        if (batch->header_flow) {
          if (*batch->header_flow == flows::Flow::cgpem) {
            result.outcome = FlowImportResult::Outcome::not_importable;
          } else if (batch->header_ok) {  // else rejected at the end, with every problem listed
            const flows::Values& h = batch->header;
            row.kind = std::string(flows::to_string(*batch->header_flow));
            row.departement = h.get(flows::Field::departement);
            row.date_reference = h.get(flows::Field::date_reference);
            row.date_fabrication = h.get(flows::Field::date_fabrication);
            // Only a file with an earlier import's header can be its very bytes: then the whole
            // file is hashed here, while the reader goes on (SHA-256 with the CPU's
            // instructions, from the page cache: a fraction of a second for 200 000 dossiers).
            if (store::flow_import_with_header(sql, row)) {
              std::ifstream again(req.path, std::ios::binary);
              const std::string digest = file_sha256(again, req.path);
              if ((same_file = store::flow_import_by_sha(sql, digest))) {
                result.outcome = FlowImportResult::Outcome::already_imported;
                result.sha256 = digest;
              }
            }
            if (result.outcome != FlowImportResult::Outcome::rejected) {
              // already imported: nothing else to check
            } else if (auto last = store::last_flow_import(sql, row.kind, row.departement);
                       last && last->date_reference > row.date_reference && !req.force) {
              result.outcome = FlowImportResult::Outcome::older;
              result.previous_reference = last->date_reference;
            }
          }
          if (result.outcome != FlowImportResult::Outcome::rejected) {
            refused_at = batch->diagnostics_before;
            break;
          }
          if (batch->header_ok) {
            row.file_name = std::filesystem::path(req.path).filename().string();
            row.file_sha256 = "en cours";
            row.forced = req.force;
            row.imported_at = now;
            row.imported_by = actor.login;
            row.id = store::insert_flow_import(sql, row);
            store::load_person_index(sql, row.departement, index);
            snapshots = std::make_unique<store::SnapshotStore>(sql, &keys);
          }
        }
        if (snapshots)  // else the header is in error: the file will be rejected
          for (std::size_t i = 0; i < batch->size; ++i)
            import_dossier(*snapshots, index, row, flow(), now, batch->dossiers[i], result);
        pipe.recycle(std::move(batch));
      }
      pipe.cancel();
      reader_thread.join();
      reader_thread = std::thread();  // joined: Join has nothing left to wait for
      if (refused_at) {
        // Refused on its header: what the reader found after it is not reported (it read on
        // while this thread decided).
        result.diagnostics.resize(same_file ? 0 : std::min(*refused_at, result.diagnostics.size()));
        throw Abandon{};
      }
      if (read_failure) std::rethrow_exception(read_failure);
      if (snapshots) snapshots->flush();                             // the events still buffered
      if (result.summary.file_error || !snapshots) throw Abandon{};  // rejected
      if (auto same = store::flow_import_by_sha(sql, result.sha256)) {
        result.outcome = FlowImportResult::Outcome::already_imported;
        result.import_id = same->id;
        throw Abandon{};
      }
      row.file_sha256 = result.sha256;
      row.dossiers = static_cast<long long>(result.summary.dossiers);
      row.matched = result.matched;
      row.unmatched = result.unmatched;
      row.rejected = result.rejected;
      for (const auto& [k, n] : result.events) row.events += n;
      store::update_flow_import_counts(sql, row);
      // The raw file is kept (90 days at most, then the purge removes it): written before the
      // commit, removed again below if the commit does not happen.
      if (!ctx.settings.flow_files_dir.empty()) {
        raw_file = keep_raw_file(ctx.settings.flow_files_dir, req.path, row.id, result.sha256);
        store::set_flow_import_raw_file(sql, row.id, raw_file);
      }
      store::append_audit(sql, ctx.db.dialect(), now,
                          {audit_entry(actor, "flows.import", std::nullopt, origin,
                                       "import:" + std::to_string(row.id))});
      result.import_id = row.id;
      result.raw_file = raw_file;
      result.outcome = FlowImportResult::Outcome::imported;
    });
  } catch (const Abandon&) {
    if (result.outcome == FlowImportResult::Outcome::imported)
      result.outcome = FlowImportResult::Outcome::rejected;
  } catch (...) {
    if (!raw_file.empty()) std::filesystem::remove(raw_file, ec);
    throw;
  }
  if (same_file) {  // as if the file had not been read: its import's figures
    result.import_id = same_file->id;
    result.summary = flows::FileSummary{};
    result.summary.dossiers = std::size_t(same_file->dossiers);
  }
  if (result.outcome != FlowImportResult::Outcome::imported) {
    result.matched = result.unmatched = result.ambiguous = 0;
    result.events.clear();
    result.matched_by.clear();
  }
  return result;
}

CgpemExportResult export_cgpem(Context& ctx, const domain::Actor& actor, const Origin& origin,
                               const CgpemExportRequest& req) {
  flows::CgpemHeader header{req.departement, req.date_reference, req.today, "M"};
  const std::string tmp = req.path + ".partiel";
  CgpemExportResult result;
  ctx.db.transaction([&](soci::session& sql) {
    auto records = store::cgpem_records(sql, req.departement, require_nir_keys(ctx));
    for (auto& r : records) r.nature = req.nature;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("impossible d'écrire « " + tmp + " »");
    const auto outcome = flows::write_cgpem(out, header, records);
    out.close();
    if (!out) throw std::runtime_error("écriture de « " + tmp + " » incomplète");
    result.written = outcome.written;
    result.skipped = outcome.skipped;
    store::AuditEntry entry =
        audit_entry(actor, "flows.export", std::nullopt, origin, "cgpem:" + req.departement);
    std::vector<std::int64_t> skipped_ids;
    for (const auto& s : outcome.skipped) skipped_ids.push_back(s.person_id);
    for (const auto& r : records)
      if (std::find(skipped_ids.begin(), skipped_ids.end(), r.person_id) == skipped_ids.end())
        entry.listed_persons.push_back(r.person_id);
    store::append_audit(sql, ctx.db.dialect(), ctx.now_iso(), {entry});
    std::filesystem::rename(tmp, req.path);
  });
  return result;
}

void check_nir_key(Context& ctx, soci::session& sql) {
  const auto& keys = require_nir_keys(ctx);
  const auto fingerprint = keys.fingerprint();
  const auto recorded = store::nir_key_fingerprint(sql);
  if (!recorded)
    store::record_nir_key_fingerprint(sql, fingerprint, ctx.now_iso());
  else if (*recorded != fingerprint)
    throw std::runtime_error(
        "la clé de chiffrement du NIR donnée n'est pas celle de cette base : les NIR enregistrés "
        "seraient illisibles ; rien n'est fait");
}

long long seal_clear_nirs(Context& ctx, const Origin& origin) {
  if (ctx.settings.nir_keys)
    ctx.db.transaction([&](soci::session& sql) { check_nir_key(ctx, sql); });
  const auto remaining =
      ctx.db.with_session([](soci::session& sql) { return store::clear_nir_count(sql); });
  if (remaining == 0) return 0;
  if (!ctx.settings.nir_keys)
    throw std::runtime_error(
        std::to_string(remaining) +
        " NIR importé(s) par une version antérieure sont encore en clair dans la base : donnez "
        "--nir-key-file FICHIER (ou BINOME_NIR_KEY_FILE) pour qu'ils soient chiffrés");
  const long long sealed = ctx.db.transaction([&](soci::session& sql) {
    // The clear bytes must not survive in the file's free space.
    if (ctx.db.dialect() == store::Dialect::sqlite) sql << "PRAGMA secure_delete = ON";
    const auto n = store::seal_clear_nirs(sql, *ctx.settings.nir_keys);
    store::append_audit(sql, ctx.db.dialect(), ctx.now_iso(),
                        {audit_entry(operator_actor(), "flows.nir_sealed", std::nullopt, origin,
                                     "nir:" + std::to_string(n))});
    return n;
  });
  return sealed;
}

}  // namespace binome::app
