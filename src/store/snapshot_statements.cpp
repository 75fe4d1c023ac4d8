#include "store/snapshot_statements.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <vector>

namespace binome::store {
namespace {

constexpr const char* kValueColumns[kSnapshotValues] = {"nir_sealed",
                                                        "nir_hash",
                                                        "code_pe",
                                                        "identifiant_pe",
                                                        "date_debut_ide",
                                                        "code_categorie",
                                                        "date_cessation",
                                                        "motif_cessation",
                                                        "date_radiation",
                                                        "motif_radiation",
                                                        "structure_principale",
                                                        "structure_deleguee",
                                                        "ppae_date_signature",
                                                        "axe",
                                                        "modalite"};
constexpr std::size_t kFirstNonNir = 2;

std::string select_sql() {
  std::string s = "SELECT kind, date_reference";
  for (const char* c : kValueColumns) s += std::string(", ") + c;
  return s + " FROM job_seeker_snapshots WHERE person_id = ?";
}

std::string upsert_sql() {
  std::string s = "INSERT INTO job_seeker_snapshots (person_id, import_id, kind, date_reference";
  for (const char* c : kValueColumns) s += std::string(", ") + c;
  s += ") VALUES (?, ?, ?, ?";
  for (std::size_t i = 0; i < kSnapshotValues; ++i) s += ", ?";
  s += ") ON CONFLICT (person_id) DO UPDATE SET import_id = excluded.import_id, kind = "
       "excluded.kind, date_reference = excluded.date_reference";
  for (const char* c : kValueColumns) s += std::string(", ") + c + " = excluded." + c;
  return s;
}

// Parameters: import, kind, date_reference, the values (from kFirstNonNir unless with_nir),
// person last.
std::string update_sql(bool with_nir) {
  std::string s = "UPDATE job_seeker_snapshots SET import_id = ?, kind = ?, date_reference = ?";
  for (std::size_t i = with_nir ? 0 : kFirstNonNir; i < kSnapshotValues; ++i)
    s += std::string(", ") + kValueColumns[i] + " = ?";
  return s + " WHERE person_id = ?";
}

constexpr const char* kEventSql =
    "INSERT INTO flow_events (person_id, import_id, kind, event_date, detail, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";

// SOCI's statements turn the ? above into its :names.
std::string named(const std::string& sql) {
  std::string out;
  int n = 0;
  for (char c : sql) {
    if (c == '?')
      out += ":p" + std::to_string(n++);
    else
      out.push_back(c);
  }
  return out;
}

class SociStatements final : public SnapshotStatements {
 public:
  explicit SociStatements(soci::session& sql)
      : select_(sql), upsert_(sql), update_(sql), update_nir_(sql), event_(sql) {
    select_.exchange(soci::use(person_));
    select_.exchange(soci::into(kind_));
    select_.exchange(soci::into(date_reference_));
    for (std::size_t i = 0; i < kSnapshotValues; ++i)
      select_.exchange(soci::into(values_[i], inds_[i]));
    prepare(select_, select_sql());

    upsert_.exchange(soci::use(person_));
    upsert_.exchange(soci::use(import_));
    bind_row(upsert_, 0);
    prepare(upsert_, upsert_sql());

    for (bool with_nir : {false, true}) {
      auto& st = with_nir ? update_nir_ : update_;
      st.exchange(soci::use(import_));
      bind_row(st, with_nir ? 0 : kFirstNonNir);
      st.exchange(soci::use(person_));
      prepare(st, update_sql(with_nir));
    }

    event_.exchange(soci::use(person_));
    event_.exchange(soci::use(import_));
    for (auto& v : event_values_) event_.exchange(soci::use(v));
    prepare(event_, kEventSql);
  }

  bool select(std::int64_t person, SnapshotRow& row) override {
    person_ = person;
    if (!select_.execute(true)) return false;
    row.kind = kind_;
    row.date_reference = date_reference_;
    for (std::size_t i = 0; i < kSnapshotValues; ++i) {
      row.present[i] = inds_[i] == soci::i_ok;
      row.values[i] = row.present[i] ? values_[i] : std::string();
    }
    return true;
  }
  void upsert(const SnapshotRow& row) override {
    load(row);
    upsert_.execute(true);
  }
  void update(const SnapshotRow& row, bool with_nir) override {
    load(row);
    (with_nir ? update_nir_ : update_).execute(true);
  }
  void event(std::int64_t person, std::int64_t import, const std::string& kind,
             const std::string& date, const std::string& detail,
             const std::string& created_at) override {
    person_ = person;
    import_ = import;
    event_values_ = {kind, date, detail, created_at};
    event_.execute(true);
  }

 private:
  static void prepare(soci::statement& st, const std::string& sql) {
    st.alloc();
    st.prepare(named(sql));
    st.define_and_bind();
  }
  void bind_row(soci::statement& st, std::size_t first) {
    st.exchange(soci::use(kind_));
    st.exchange(soci::use(date_reference_));
    for (std::size_t i = first; i < kSnapshotValues; ++i)
      st.exchange(soci::use(values_[i], inds_[i]));
  }
  void load(const SnapshotRow& row) {
    person_ = row.person;
    import_ = row.import;
    kind_ = row.kind;
    date_reference_ = row.date_reference;
    for (std::size_t i = 0; i < kSnapshotValues; ++i) {
      values_[i] = row.values[i];
      inds_[i] = row.present[i] ? soci::i_ok : soci::i_null;
    }
  }

  long long person_ = 0, import_ = 0;
  std::string kind_, date_reference_;
  std::array<std::string, kSnapshotValues> values_;
  std::array<soci::indicator, kSnapshotValues> inds_{};
  std::array<std::string, 4> event_values_;
  soci::statement select_, upsert_, update_, update_nir_, event_;
};

// SQLite's API on the session's own connection (inside its transaction): strings are bound
// SQLITE_STATIC, read from the caller's row until the statement is reset.
class SqliteStatements final : public SnapshotStatements {
 public:
  explicit SqliteStatements(soci::session& sql)
      : db_(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_) {
    select_ = prepare(select_sql());
    upsert_ = prepare(upsert_sql());
    update_ = prepare(update_sql(false));
    update_nir_ = prepare(update_sql(true));
    event_ = prepare(kEventSql);
    std::string many = kEventSql;
    for (std::size_t i = 1; i < kEventsPerStatement; ++i) many += ", (?, ?, ?, ?, ?, ?)";
    events_ = prepare(many);
  }
  ~SqliteStatements() override {
    for (auto* st : {select_, upsert_, update_, update_nir_, event_, events_})
      sqlite_api::sqlite3_finalize(st);
  }
  SqliteStatements(const SqliteStatements&) = delete;
  SqliteStatements& operator=(const SqliteStatements&) = delete;

  bool select(std::int64_t person, SnapshotRow& row) override {
    using namespace sqlite_api;
    Reset reset{select_};
    sqlite3_bind_int64(select_, 1, person);
    const int rc = sqlite3_step(select_);
    if (rc == SQLITE_DONE) return false;
    if (rc != SQLITE_ROW) fail(rc, "lecture de l'instantané");
    column(0, row.kind);
    column(1, row.date_reference);
    for (std::size_t i = 0; i < kSnapshotValues; ++i) {
      row.present[i] = sqlite3_column_type(select_, int(i) + 2) != SQLITE_NULL;
      if (row.present[i])
        column(int(i) + 2, row.values[i]);
      else
        row.values[i].clear();
    }
    return true;
  }
  void upsert(const SnapshotRow& row) override {
    Reset reset{upsert_};
    sqlite_api::sqlite3_bind_int64(upsert_, 1, row.person);
    sqlite_api::sqlite3_bind_int64(upsert_, 2, row.import);
    bind_row(upsert_, 3, row, 0);
    run(upsert_, "écriture de l'instantané");
  }
  void update(const SnapshotRow& row, bool with_nir) override {
    auto* st = with_nir ? update_nir_ : update_;
    Reset reset{st};
    sqlite_api::sqlite3_bind_int64(st, 1, row.import);
    const int next = bind_row(st, 2, row, with_nir ? 0 : kFirstNonNir);
    sqlite_api::sqlite3_bind_int64(st, next, row.person);
    run(st, "mise à jour de l'instantané");
  }
  // flow_events' AUTOINCREMENT id costs a read and a write of sqlite_sequence per statement:
  // events go 64 to a statement (in their order, so their ids too).
  void event(std::int64_t person, std::int64_t import, const std::string& kind,
             const std::string& date, const std::string& detail,
             const std::string& created_at) override {
    auto& e = pending_[pending_size_++];
    e.person = person;
    e.import = import;
    e.values = {kind, date, detail, created_at};
    if (pending_size_ == kEventsPerStatement) flush();
  }
  void flush() override {
    if (pending_size_ == 0) return;
    auto* st = pending_size_ == kEventsPerStatement ? events_ : event_;
    for (std::size_t done = 0; done < pending_size_;) {
      const std::size_t n = st == events_ ? kEventsPerStatement : 1;
      Reset reset{st};
      int p = 1;
      for (std::size_t k = done; k < done + n; ++k) {
        sqlite_api::sqlite3_bind_int64(st, p++, pending_[k].person);
        sqlite_api::sqlite3_bind_int64(st, p++, pending_[k].import);
        for (const auto& v : pending_[k].values) text(st, p++, v);
      }
      run(st, "écriture d'un événement");
      done += n;
    }
    pending_size_ = 0;
  }

 private:
  // Resets the statement and drops its bindings (which point into the caller's strings).
  struct Reset {
    sqlite_api::sqlite3_stmt* st;
    ~Reset() {
      sqlite_api::sqlite3_reset(st);
      sqlite_api::sqlite3_clear_bindings(st);
    }
  };

  sqlite_api::sqlite3_stmt* prepare(const std::string& sql) {
    sqlite_api::sqlite3_stmt* st = nullptr;
    const int rc = sqlite_api::sqlite3_prepare_v3(db_, sql.c_str(), int(sql.size()),
                                                  SQLITE_PREPARE_PERSISTENT, &st, nullptr);
    if (rc != SQLITE_OK) {
      // The statements prepared so far are finalised by no destructor: this one never ran.
      for (auto* done : {select_, upsert_, update_, update_nir_, event_, events_})
        sqlite_api::sqlite3_finalize(done);
      fail(rc, "préparation des requêtes de l'import");
    }
    return st;
  }
  [[noreturn]] void fail(int rc, const std::string& what) const {
    throw soci::sqlite3_soci_error(what + " impossible : " + sqlite_api::sqlite3_errmsg(db_), rc);
  }
  void run(sqlite_api::sqlite3_stmt* st, const char* what) {
    const int rc = sqlite_api::sqlite3_step(st);
    if (rc != SQLITE_DONE) fail(rc, what);
  }
  static void text(sqlite_api::sqlite3_stmt* st, int i, const std::string& v) {
    sqlite_api::sqlite3_bind_text(st, i, v.data(), int(v.size()), SQLITE_STATIC);
  }
  // kind, date_reference and values[first ..] from parameter `i`; returns the next parameter.
  static int bind_row(sqlite_api::sqlite3_stmt* st, int i, const SnapshotRow& row,
                      std::size_t first) {
    text(st, i++, row.kind);
    text(st, i++, row.date_reference);
    for (std::size_t v = first; v < kSnapshotValues; ++v, ++i)
      if (row.present[v])
        text(st, i, row.values[v]);
      else
        sqlite_api::sqlite3_bind_null(st, i);
    return i;
  }
  void column(int i, std::string& out) const {
    const auto* p = sqlite_api::sqlite3_column_text(select_, i);
    out.assign(p ? reinterpret_cast<const char*>(p) : "",
               std::size_t(sqlite_api::sqlite3_column_bytes(select_, i)));
  }

  static constexpr std::size_t kEventsPerStatement = 64;
  struct PendingEvent {
    std::int64_t person = 0, import = 0;
    std::array<std::string, 4> values;  // kind, date, detail, created_at
  };

  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt *select_ = nullptr, *upsert_ = nullptr, *update_ = nullptr,
                           *update_nir_ = nullptr, *event_ = nullptr, *events_ = nullptr;
  std::array<PendingEvent, kEventsPerStatement> pending_;
  std::size_t pending_size_ = 0;
};

}  // namespace

std::unique_ptr<SnapshotStatements> snapshot_statements(soci::session& sql) {
  if (sql.get_backend_name() == "sqlite3") return std::make_unique<SqliteStatements>(sql);
  return std::make_unique<SociStatements>(sql);
}

}  // namespace binome::store
