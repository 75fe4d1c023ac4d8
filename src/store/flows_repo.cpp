#include "store/flows_repo.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "domain/text.hpp"
#include "store/rows.hpp"

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
constexpr std::size_t kValues = kOptional.size() + 2;  // + nir_sealed, nir_hash
constexpr const char* kSnapshotColumns =
    "kind, date_reference, nir_sealed, nir_hash, code_pe, identifiant_pe, date_debut_ide, "
    "code_categorie, date_cessation, motif_cessation, date_radiation, motif_radiation, "
    "structure_principale, structure_deleguee, ppae_date_signature, axe, modalite";

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
  for_each(sql,
           "SELECT id, last_name, first_name, birth_date, ft_id FROM persons "
           "WHERE departement = :d",
           {departement}, [&](const soci::row& r) {
             index.add_person({i64(r, 0), str(r, 1), str(r, 2), str(r, 3), opt_str(r, 4)});
           });
  for_each(
      sql,
      "SELECT s.person_id, s.nir_hash, s.code_pe, s.identifiant_pe FROM job_seeker_snapshots s "
      "JOIN persons p ON p.id = s.person_id WHERE p.departement = :d",
      {departement}, [&](const soci::row& r) {
        index.add_known_ids(i64(r, 0), opt_str(r, 1), opt_str(r, 2), opt_str(r, 3));
      });
}

struct SnapshotStore::Impl {
  soci::session& sql;
  const security::NirKeys* keys;
  // Bound variables of the prepared statements.
  long long person = 0, import = 0;
  std::string kind, date_reference;
  std::array<std::string, kValues> values;
  std::array<soci::indicator, kValues> inds{};
  std::string ev_kind, ev_date, ev_detail, ev_now;
  soci::statement select, upsert, event;
  // The last snapshot loaded, sealed: saved again unchanged, its NIR is not sealed anew.
  long long loaded_person = -1;
  std::optional<std::string> loaded_nir, loaded_sealed, loaded_hash;

  Impl(soci::session& s, const security::NirKeys* k)
      : sql(s), keys(k), select(s), upsert(s), event(s) {
    select.exchange(soci::use(person));
    select.exchange(soci::into(kind));
    select.exchange(soci::into(date_reference));
    for (std::size_t i = 0; i < values.size(); ++i) select.exchange(soci::into(values[i], inds[i]));
    select.alloc();
    select.prepare(std::string("SELECT ") + kSnapshotColumns +
                   " FROM job_seeker_snapshots WHERE person_id = :p");
    select.define_and_bind();

    upsert.exchange(soci::use(person));
    upsert.exchange(soci::use(import));
    upsert.exchange(soci::use(kind));
    upsert.exchange(soci::use(date_reference));
    for (std::size_t i = 0; i < values.size(); ++i) upsert.exchange(soci::use(values[i], inds[i]));
    upsert.alloc();
    std::string sql_text = std::string("INSERT INTO job_seeker_snapshots (person_id, import_id, ") +
                           kSnapshotColumns + ") VALUES (:p, :i, :k, :r";
    for (std::size_t i = 0; i < values.size(); ++i) sql_text += ", :v" + std::to_string(i);
    sql_text += ") ON CONFLICT (person_id) DO UPDATE SET import_id = excluded.import_id";
    std::string cols = kSnapshotColumns;
    for (std::size_t start = 0; start < cols.size();) {
      auto comma = cols.find(',', start);
      if (comma == std::string::npos) comma = cols.size();
      std::string c = cols.substr(start, comma - start);
      while (!c.empty() && c.front() == ' ') c.erase(0, 1);
      sql_text += ", " + c + " = excluded." + c;
      start = comma + 1;
    }
    upsert.prepare(sql_text);
    upsert.define_and_bind();

    event.exchange(soci::use(person));
    event.exchange(soci::use(import));
    event.exchange(soci::use(ev_kind));
    event.exchange(soci::use(ev_date));
    event.exchange(soci::use(ev_detail));
    event.exchange(soci::use(ev_now));
    event.alloc();
    event.prepare(
        "INSERT INTO flow_events (person_id, import_id, kind, event_date, detail, created_at) "
        "VALUES (:p, :i, :k, :d, :t, :c)");
    event.define_and_bind();
  }
};

SnapshotStore::SnapshotStore(soci::session& sql, const security::NirKeys* keys)
    : impl_(std::make_unique<Impl>(sql, keys)) {}
SnapshotStore::~SnapshotStore() = default;

std::optional<flows::JobSeekerSnapshot> SnapshotStore::load(std::int64_t person_id) {
  auto& m = *impl_;
  m.person = person_id;
  m.loaded_person = -1;
  if (!m.select.execute(true)) return std::nullopt;
  Snapshot s;
  s.kind = m.kind;
  s.date_reference = m.date_reference;
  if (m.inds[0] == soci::i_ok && m.keys) {
    s.nir = m.keys->open(m.values[0], person_id);
    if (!s.nir) throw unreadable_nir(person_id);
    m.loaded_person = person_id;
    m.loaded_nir = s.nir;
    m.loaded_sealed = m.values[0];
    m.loaded_hash = m.inds[1] == soci::i_ok ? std::optional(m.values[1]) : std::nullopt;
  }
  for (std::size_t i = 0; i < kOptional.size(); ++i)
    if (m.inds[i + 2] == soci::i_ok) s.*kOptional[i] = m.values[i + 2];
  return s;
}

void SnapshotStore::save(std::int64_t person_id, std::int64_t import_id, const Snapshot& s) {
  auto& m = *impl_;
  if (s.nir && !m.keys)
    throw std::runtime_error("NIR à enregistrer sans clé de chiffrement : rien n'est écrit");
  m.person = person_id;
  m.import = import_id;
  m.kind = s.kind;
  m.date_reference = s.date_reference;
  if (!s.nir) {
    m.inds[0] = m.inds[1] = soci::i_null;
  } else if (m.loaded_person == person_id && m.loaded_nir == s.nir && m.loaded_hash) {
    m.values[0] = *m.loaded_sealed;
    m.values[1] = *m.loaded_hash;
    m.inds[0] = m.inds[1] = soci::i_ok;
  } else {
    m.values[0] = m.keys->seal(*s.nir, person_id);
    m.values[1] = m.keys->lookup_hash(*s.nir);
    m.inds[0] = m.inds[1] = soci::i_ok;
  }
  for (std::size_t i = 0; i < kOptional.size(); ++i) {
    const auto& v = s.*kOptional[i];
    m.values[i + 2] = v.value_or("");
    m.inds[i + 2] = v ? soci::i_ok : soci::i_null;
  }
  m.upsert.execute(true);
}

void SnapshotStore::add_event(std::int64_t person_id, std::int64_t import_id,
                              const flows::FlowEvent& e, const std::string& now) {
  auto& m = *impl_;
  m.person = person_id;
  m.import = import_id;
  m.ev_kind = std::string(flows::to_string(e.kind));
  m.ev_date = e.date;
  m.ev_detail = e.detail;
  m.ev_now = now;
  m.event.execute(true);
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
