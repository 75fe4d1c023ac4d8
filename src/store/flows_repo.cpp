#include "store/flows_repo.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "domain/text.hpp"
#include "store/rows.hpp"
#include "store/snapshot_statements.hpp"

namespace binome::store {
namespace {

using Snapshot = flows::JobSeekerSnapshot;
using OptField = std::optional<std::string> Snapshot::*;
// The optional columns of job_seeker_snapshots after kind, date_reference, nir_sealed and
// nir_hash, in table order.
constexpr std::array<OptField, 13> kOptional{
    &Snapshot::code_pe,
    &Snapshot::identifiant_pe,
    &Snapshot::date_debut_ide,
    &Snapshot::code_categorie,
    &Snapshot::date_cessation,
    &Snapshot::motif_cessation,
    &Snapshot::date_radiation,
    &Snapshot::motif_radiation,
    &Snapshot::structure_principale,
    &Snapshot::structure_deleguee,
    &Snapshot::ppae_date_signature,
    &Snapshot::axe,
    &Snapshot::modalite,
};
static_assert(kOptional.size() + 2 == kSnapshotValues, "nir_sealed, nir_hash, then these");

std::runtime_error unreadable_nir(std::int64_t person_id) {
  return std::runtime_error("NIR de la personne n° " + std::to_string(person_id) +
                            " illisible : la clé de chiffrement donnée n'est pas celle qui l'a "
                            "chiffré (ou la ligne a été altérée)");
}

const char* kImportColumns =
    "id, kind, departement, date_reference, date_fabrication, file_name, file_sha256, dossiers, "
    "matched, unmatched, rejected, events, forced, imported_at, imported_by";

FlowImportRow import_of(const soci::row& r) {
  FlowImportRow o;
  o.id = i64(r, 0);
  o.kind = str(r, 1);
  o.departement = str(r, 2);
  o.date_reference = str(r, 3);
  o.date_fabrication = str(r, 4);
  o.file_name = str(r, 5);
  o.file_sha256 = str(r, 6);
  o.dossiers = i64(r, 7);
  o.matched = i64(r, 8);
  o.unmatched = i64(r, 9);
  o.rejected = i64(r, 10);
  o.events = i64(r, 11);
  o.forced = flag(r, 12);
  o.imported_at = str(r, 13);
  o.imported_by = str(r, 14);
  return o;
}

// A query with string parameters, each row to visit.
void for_each(soci::session& sql, const std::string& query, std::vector<std::string> values,
              const std::function<void(const soci::row&)>& visit) {
  soci::statement st(sql);
  soci::row row;
  for (auto& v : values) st.exchange(soci::use(v));
  st.exchange(soci::into(row));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  if (st.execute(true)) {
    do visit(row);
    while (st.fetch());
  }
}

}  // namespace

std::int64_t insert_flow_import(soci::session& sql, const FlowImportRow& r) {
  long long id = 0, dossiers = r.dossiers, matched = r.matched, unmatched = r.unmatched,
            rejected = r.rejected, events = r.events;
  int forced = r.forced;
  sql << "INSERT INTO flow_imports (kind, departement, date_reference, date_fabrication, "
         "file_name, file_sha256, dossiers, matched, unmatched, rejected, events, forced, "
         "imported_at, imported_by) VALUES (:k, :d, :r, :f, :n, :s, :do, :m, :u, :re, :e, :fo, "
         ":a, :b) RETURNING id",
      soci::use(r.kind), soci::use(r.departement), soci::use(r.date_reference),
      soci::use(r.date_fabrication), soci::use(r.file_name), soci::use(r.file_sha256),
      soci::use(dossiers), soci::use(matched), soci::use(unmatched), soci::use(rejected),
      soci::use(events), soci::use(forced), soci::use(r.imported_at), soci::use(r.imported_by),
      soci::into(id);
  return id;
}

void update_flow_import_counts(soci::session& sql, const FlowImportRow& r) {
  long long id = r.id, dossiers = r.dossiers, matched = r.matched, unmatched = r.unmatched,
            rejected = r.rejected, events = r.events;
  sql << "UPDATE flow_imports SET dossiers = :do, matched = :m, unmatched = :u, rejected = :r, "
         "events = :e, file_sha256 = :s WHERE id = :id",
      soci::use(dossiers), soci::use(matched), soci::use(unmatched), soci::use(rejected),
      soci::use(events), soci::use(r.file_sha256), soci::use(id);
}

std::optional<FlowImportRow> last_flow_import(soci::session& sql, const std::string& kind,
                                              const std::string& departement) {
  std::optional<FlowImportRow> out;
  for_each(sql,
           std::string("SELECT ") + kImportColumns +
               " FROM flow_imports WHERE kind = :k AND departement = :d "
               "ORDER BY date_reference DESC, id DESC LIMIT 1",
           {kind, departement}, [&](const soci::row& r) { out = import_of(r); });
  return out;
}

std::optional<FlowImportRow> flow_import_by_sha(soci::session& sql, const std::string& sha) {
  std::optional<FlowImportRow> out;
  for_each(sql,
           std::string("SELECT ") + kImportColumns +
               " FROM flow_imports WHERE file_sha256 = :s ORDER BY id LIMIT 1",
           {sha}, [&](const soci::row& r) { out = import_of(r); });
  return out;
}

bool flow_import_with_header(soci::session& sql, const FlowImportRow& h) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM flow_imports WHERE kind = :k AND departement = :d AND "
         "date_reference = :r AND date_fabrication = :f",
      soci::use(h.kind), soci::use(h.departement), soci::use(h.date_reference),
      soci::use(h.date_fabrication), soci::into(n);
  return n > 0;
}

std::vector<FlowImportRow> recent_flow_imports(soci::session& sql, int limit) {
  std::vector<FlowImportRow> out;
  for_each_row(
      sql, std::string("SELECT ") + kImportColumns + " FROM flow_imports ORDER BY id DESC LIMIT :l",
      limit, [&](const soci::row& r) { out.push_back(import_of(r)); });
  return out;
}

void set_flow_import_raw_file(soci::session& sql, std::int64_t import_id, const std::string& path) {
  long long id = import_id;
  sql << "UPDATE flow_imports SET raw_file = :f WHERE id = :id", soci::use(path), soci::use(id);
}

std::vector<RawFlowFile> kept_raw_flow_files(soci::session& sql) {
  std::vector<RawFlowFile> out;
  for_each(sql,
           "SELECT id, kind, departement, file_name, raw_file, imported_at FROM flow_imports "
           "WHERE raw_file IS NOT NULL AND raw_removed_at IS NULL ORDER BY imported_at, id",
           {}, [&](const soci::row& r) {
             out.push_back({i64(r, 0), str(r, 1), str(r, 2), str(r, 3), str(r, 4), str(r, 5)});
           });
  return out;
}

void mark_raw_flow_file_removed(soci::session& sql, std::int64_t import_id,
                                const std::string& now) {
  long long id = import_id;
  sql << "UPDATE flow_imports SET raw_removed_at = :n WHERE id = :id", soci::use(now),
      soci::use(id);
}

void load_person_index(soci::session& sql, const std::string& departement,
                       flows::PersonIndex& index) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM persons WHERE departement = :d", soci::use(departement),
      soci::into(n);
  index.reserve(std::size_t(n));
  // Fetched in bulk (SOCI vectors): a dynamic soci::row per person cost more than the index.
  constexpr std::size_t kBatch = 1000;
  std::vector<long long> ids(kBatch);
  std::vector<std::string> a(kBatch), b(kBatch), c(kBatch);
  std::vector<soci::indicator> a_ind(kBatch), b_ind(kBatch), c_ind(kBatch);
  const auto refill = [&] {
    for (auto* v : {&a, &b, &c}) v->resize(kBatch);
    for (auto* v : {&a_ind, &b_ind, &c_ind}) v->resize(kBatch);
    ids.resize(kBatch);
  };
  std::vector<std::string> ft(kBatch);
  {
    soci::statement st =
        (sql.prepare << "SELECT id, last_name, first_name, birth_date, ft_id FROM persons "
                        "WHERE departement = :d",
         soci::use(departement), soci::into(ids), soci::into(a), soci::into(b), soci::into(c),
         soci::into(ft, c_ind));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < ids.size(); ++i)
        index.add_person({ids[i], std::move(a[i]), std::move(b[i]), std::move(c[i]),
                          c_ind[i] == soci::i_ok ? std::optional(std::move(ft[i])) : std::nullopt});
      refill();
      ft.resize(kBatch);
    }
  }
  refill();  // the last fetch emptied the vectors
  const auto opt = [](std::string& v, soci::indicator ind) {
    return ind == soci::i_ok ? std::optional(std::move(v)) : std::nullopt;
  };
  soci::statement st =
      (sql.prepare << "SELECT s.person_id, s.nir_hash, s.code_pe, s.identifiant_pe FROM "
                      "job_seeker_snapshots s JOIN persons p ON p.id = s.person_id WHERE "
                      "p.departement = :d",
       soci::use(departement), soci::into(ids), soci::into(a, a_ind), soci::into(b, b_ind),
       soci::into(c, c_ind));
  st.execute();
  while (st.fetch()) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      index.add_known_ids(ids[i], opt(a[i], a_ind[i]), opt(b[i], b_ind[i]), opt(c[i], c_ind[i]));
    refill();
  }
}

struct SnapshotStore::Impl {
  soci::session& sql;
  const security::NirKeys* keys;
  std::unique_ptr<SnapshotStatements> statements;
  SnapshotRow row;  // reused: its strings keep their capacity from one dossier to the next
  // The last snapshot loaded, sealed: saved again unchanged, its NIR is not sealed anew, and
  // its row is updated in place (no insert attempted).
  long long loaded_person = -1;
  std::optional<std::string> loaded_nir, loaded_sealed, loaded_hash;

  Impl(soci::session& s, const security::NirKeys* k)
      : sql(s), keys(k), statements(snapshot_statements(s)) {}
};

SnapshotStore::SnapshotStore(soci::session& sql, const security::NirKeys* keys)
    : impl_(std::make_unique<Impl>(sql, keys)) {}
SnapshotStore::~SnapshotStore() = default;

std::optional<flows::JobSeekerSnapshot> SnapshotStore::load(std::int64_t person_id) {
  auto& m = *impl_;
  m.loaded_person = -1;
  auto& r = m.row;
  if (!m.statements->select(person_id, r)) return std::nullopt;
  Snapshot s;
  s.kind = r.kind;
  s.date_reference = r.date_reference;
  m.loaded_person = person_id;
  m.loaded_nir = m.loaded_sealed = m.loaded_hash = std::nullopt;
  if (r.present[0] && m.keys) {
    s.nir = m.keys->open(r.values[0], person_id);
    if (!s.nir) throw unreadable_nir(person_id);
    m.loaded_nir = s.nir;
    m.loaded_sealed = r.values[0];
    m.loaded_hash = r.present[1] ? std::optional(r.values[1]) : std::nullopt;
  }
  for (std::size_t i = 0; i < kOptional.size(); ++i)
    if (r.present[i + 2]) s.*kOptional[i] = r.values[i + 2];
  return s;
}

void SnapshotStore::save(std::int64_t person_id, std::int64_t import_id, const Snapshot& s,
                         const std::optional<std::string>& nir_hash) {
  auto& m = *impl_;
  if (s.nir && !m.keys)
    throw std::runtime_error("NIR à enregistrer sans clé de chiffrement : rien n'est écrit");
  auto& r = m.row;
  r.person = person_id;
  r.import = import_id;
  r.kind = s.kind;
  r.date_reference = s.date_reference;
  // The row read by load() for this person: updated in place, its NIR columns left alone when
  // the NIR did not change (with a key: without one, load() could not read it).
  const bool loaded = m.loaded_person == person_id;
  const bool same_nir =
      loaded && m.keys && m.loaded_nir == s.nir && (!s.nir || (m.loaded_sealed && m.loaded_hash));
  if (!s.nir) {
    r.present[0] = r.present[1] = false;
  } else if (same_nir) {
    r.values[0] = *m.loaded_sealed;
    r.values[1] = *m.loaded_hash;
    r.present[0] = r.present[1] = true;
  } else {
    r.values[0] = m.keys->seal(*s.nir, person_id);
    r.values[1] = nir_hash ? *nir_hash : m.keys->lookup_hash(*s.nir);
    r.present[0] = r.present[1] = true;
  }
  for (std::size_t i = 0; i < kOptional.size(); ++i) {
    const auto& v = s.*kOptional[i];
    r.present[i + 2] = v.has_value();
    if (v)
      r.values[i + 2] = *v;
    else
      r.values[i + 2].clear();
  }
  if (loaded)
    m.statements->update(r, !same_nir);
  else
    m.statements->upsert(r);
}

void SnapshotStore::add_event(std::int64_t person_id, std::int64_t import_id,
                              const flows::FlowEvent& e, const std::string& now) {
  impl_->statements->event(person_id, import_id, std::string(flows::to_string(e.kind)), e.date,
                           e.detail, now);
}

void SnapshotStore::flush() {
  impl_->statements->flush();
}

void SnapshotStore::set_ft_id(std::int64_t person_id, const std::string& ft_id,
                              const std::string& now) {
  auto& sql = impl_->sql;
  long long id = person_id;
  std::string last, first;
  sql << "SELECT last_name, first_name FROM persons WHERE id = :id", soci::use(id),
      soci::into(last), soci::into(first);
  // The search key holds the ft_id (persons_repo.cpp): keep them together.
  const std::string key = domain::fold_for_search(last + " " + first + " " + ft_id);
  sql << "UPDATE persons SET ft_id = :f, search_key = :k, updated_at = :n WHERE id = :id",
      soci::use(ft_id), soci::use(key), soci::use(now), soci::use(id);
}

std::vector<FlowEventRow> open_flow_events(soci::session& sql,
                                           const std::vector<std::int64_t>& person_ids) {
  std::vector<FlowEventRow> out;
  // Ids are integers formatted here, in chunks: no text from outside reaches the SQL.
  for (std::size_t start = 0; start < person_ids.size(); start += 500) {
    std::string list;
    for (std::size_t i = start; i < std::min(person_ids.size(), start + 500); ++i)
      list += (list.empty() ? "" : ",") + std::to_string(person_ids[i]);
    for_each_row(sql,
                 "SELECT id, person_id, import_id, kind, event_date, detail, created_at, closed_at "
                 "FROM flow_events WHERE closed_at IS NULL AND person_id IN (" +
                     list + ") ORDER BY event_date, id",
                 std::nullopt, [&](const soci::row& r) {
                   out.push_back({i64(r, 0), i64(r, 1), i64(r, 2), str(r, 3), str(r, 4), str(r, 5),
                                  str(r, 6), opt_str(r, 7)});
                 });
  }
  std::sort(out.begin(), out.end(), [](const FlowEventRow& a, const FlowEventRow& b) {
    return a.event_date != b.event_date ? a.event_date < b.event_date : a.id < b.id;
  });
  return out;
}

bool close_flow_event(soci::session& sql, std::int64_t id, const std::string& now) {
  long long i = id;
  soci::statement st = (sql.prepare << "UPDATE flow_events SET closed_at = :n WHERE id = :id "
                                       "AND closed_at IS NULL",
                        soci::use(now), soci::use(i));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::optional<flows::JobSeekerSnapshot> job_seeker_snapshot(soci::session& sql,
                                                            std::int64_t person_id,
                                                            const security::NirKeys* keys) {
  SnapshotStore store(sql, keys);
  return store.load(person_id);
}

std::vector<std::int64_t> persons_with_nir(soci::session& sql, const security::NirKeys& keys,
                                           const std::string& nir) {
  std::vector<std::int64_t> out;
  for_each(sql, "SELECT person_id FROM job_seeker_snapshots WHERE nir_hash = :h ORDER BY person_id",
           {keys.lookup_hash(nir)}, [&](const soci::row& r) { out.push_back(i64(r, 0)); });
  return out;
}

std::optional<std::string> nir_key_fingerprint(soci::session& sql) {
  std::optional<std::string> out;
  for_each(sql, "SELECT fingerprint FROM nir_key_check WHERE id = 1", {},
           [&](const soci::row& r) { out = str(r, 0); });
  return out;
}

void record_nir_key_fingerprint(soci::session& sql, const std::string& fingerprint,
                                const std::string& now) {
  sql << "INSERT INTO nir_key_check (id, fingerprint, created_at) VALUES (1, :f, :n) "
         "ON CONFLICT (id) DO NOTHING",
      soci::use(fingerprint), soci::use(now);
}

long long clear_nir_count(soci::session& sql) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM job_seeker_snapshots WHERE nir IS NOT NULL", soci::into(n);
  return n;
}

long long seal_clear_nirs(soci::session& sql, const security::NirKeys& keys) {
  std::vector<std::pair<long long, std::string>> rows;
  for_each(sql, "SELECT person_id, nir FROM job_seeker_snapshots WHERE nir IS NOT NULL", {},
           [&](const soci::row& r) { rows.emplace_back(i64(r, 0), str(r, 1)); });
  for (auto& [person, nir] : rows) {
    const std::string sealed = keys.seal(nir, person), hash = keys.lookup_hash(nir);
    sql << "UPDATE job_seeker_snapshots SET nir_sealed = :s, nir_hash = :h, nir = NULL "
           "WHERE person_id = :p",
        soci::use(sealed), soci::use(hash), soci::use(person);
  }
  return static_cast<long long>(rows.size());
}

std::vector<flows::CgpemRecord> cgpem_records(soci::session& sql, const std::string& departement,
                                              const security::NirKeys& keys) {
  std::vector<flows::CgpemRecord> out;
  for_each(
      sql,
      "SELECT p.id, p.last_name, p.first_name, p.birth_date, p.ft_id, s.nir_sealed, s.code_pe, "
      "o.decided_at, org.name, u.function_title, u.display_name, u.phone, u.email "
      "FROM orientations o JOIN persons p ON p.id = o.person_id "
      "LEFT JOIN job_seeker_snapshots s ON s.person_id = p.id "
      "LEFT JOIN users u ON u.id = p.referent_social_id "
      "LEFT JOIN organisations org ON org.id = u.organisation_id "
      "WHERE p.departement = :d AND o.decision = 'oui' AND o.id = (SELECT MAX(o2.id) FROM "
      "orientations o2 WHERE o2.person_id = p.id AND o2.decision IS NOT NULL) "
      "ORDER BY p.id",
      {departement}, [&](const soci::row& r) {
        flows::CgpemRecord c;
        c.person_id = i64(r, 0);
        c.last_name = str(r, 1);
        c.first_name = str(r, 2);
        c.birth_date = str(r, 3);
        const auto ft = opt_str(r, 4);
        if (const auto sealed = opt_str(r, 5)) {
          c.nir = keys.open(*sealed, c.person_id);
          if (!c.nir) throw unreadable_nir(c.person_id);
        }
        // persons.ft_id holds identifiant-pe (8), or code-pe + identifiant-pe (11).
        if (ft && ft->size() == 11) {
          c.code_pe = ft->substr(0, 3);
          c.identifiant_pe = ft->substr(3);
        } else if (ft) {
          c.identifiant_pe = ft;
          c.code_pe = opt_str(r, 6);
        }
        c.decision_date = str(r, 7).substr(0, 10);
        c.organisme = opt_str(r, 8);
        c.service = opt_str(r, 9);
        c.correspondant_nom = opt_str(r, 10);
        c.telephone = opt_str(r, 11);
        c.email = opt_str(r, 12);
        out.push_back(std::move(c));
      });
  return out;
}

}  // namespace binome::store
