#include "store/audit_repo.hpp"

#include <algorithm>

#include "store/rows.hpp"

namespace binome::store {
namespace {

constexpr const char* kColumns =
    "seq, at, user_id, user_login, organisation_id, action, person_id, route, client_ip, "
    "prev_hash, hash, target";

security::AuditRecord to_record(const soci::row& r) {
  security::AuditRecord a;
  a.seq = i64(r, 0);
  a.at = str(r, 1);
  a.user_id = opt_i64(r, 2);
  a.user_login = str(r, 3);
  a.org_id = opt_i64(r, 4);
  a.action = str(r, 5);
  a.person_id = opt_i64(r, 6);
  a.route = str(r, 7);
  a.client_ip = str(r, 8);
  a.prev_hash = str(r, 9);
  a.hash = str(r, 10);
  a.target = str(r, 11);
  return a;
}

// The filter as SQL with its bound values; each value keeps its own placeholder name.
struct Where {
  std::string sql = " WHERE 1=1";
  std::string from, to, action;
  long long user_id = 0, person_id = 0;
  explicit Where(const AuditFilter& f) {
    if (f.from) from = *f.from + "T00:00:00Z", sql += " AND at >= :from_at";
    if (f.to) to = *f.to + "T23:59:59Z", sql += " AND at <= :to_at";
    if (f.action) action = *f.action, sql += " AND action = :action";
    if (f.user_id) user_id = *f.user_id, sql += " AND user_id = :user_id";
    if (f.person_id)
      person_id = *f.person_id,
      sql +=
          " AND (person_id = :person_id OR seq IN (SELECT seq FROM audit_person WHERE "
          "person_id = :person_id2))";
  }
  void bind(soci::statement& st, const AuditFilter& f) {
    if (f.from) st.exchange(soci::use(from, "from_at"));
    if (f.to) st.exchange(soci::use(to, "to_at"));
    if (f.action) st.exchange(soci::use(action, "action"));
    if (f.user_id) st.exchange(soci::use(user_id, "user_id"));
    if (f.person_id) {
      st.exchange(soci::use(person_id, "person_id"));
      st.exchange(soci::use(person_id, "person_id2"));
    }
  }
};

}  // namespace

AuditHead read_audit_head(soci::session& sql) {
  AuditHead head;
  long long seq = 0;
  sql << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", soci::into(seq),
      soci::into(head.last_hash);
  head.last_seq = seq;
  return head;
}

void append_audit(soci::session& sql, Dialect dialect, const std::string& at,
                  const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return;
  long long seq = 0;
  std::string prev;
  // FOR UPDATE serialises appenders on PostgreSQL; SQLite's write lock already does.
  sql << (dialect == Dialect::postgres
              ? "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE"
              : "SELECT last_seq, last_hash FROM audit_head WHERE id = 1"),
      soci::into(seq), soci::into(prev);

  security::AuditRecord rec;
  Nullable user, org, person;
  long long rec_seq = 0;
  for (auto e : entries) {
    // A person listed twice (two items of one list) is one access: one row each.
    std::sort(e.listed_persons.begin(), e.listed_persons.end());
    e.listed_persons.erase(std::unique(e.listed_persons.begin(), e.listed_persons.end()),
                           e.listed_persons.end());
    rec.seq = ++seq;
    rec_seq = rec.seq;
    rec.at = at;
    rec.user_id = e.user_id;
    rec.user_login = e.user_login;
    rec.org_id = e.org_id;
    rec.action = e.action;
    rec.person_id = e.person_id;
    rec.route = e.route;
    rec.target = e.target;
    if (!e.listed_persons.empty()) {
      rec.target = "personnes:";
      for (std::size_t i = 0; i < e.listed_persons.size(); ++i)
        rec.target += (i ? "," : "") + std::to_string(e.listed_persons[i]);
    }
    rec.client_ip = e.client_ip;
    rec.prev_hash = prev;
    rec.hash = security::compute_audit_hash(rec);
    user = Nullable::of(e.user_id);
    org = Nullable::of(e.org_id);
    person = Nullable::of(e.person_id);
    // A one-time statement: one round trip on PostgreSQL (a prepared one costs three).
    sql << "INSERT INTO audit_log (seq, at, user_id, user_login, organisation_id, action, "
           "person_id, route, client_ip, prev_hash, hash, target) VALUES (:seq, :at, :user_id, "
           ":user_login, :org_id, :action, :person_id, :route, :client_ip, :prev_hash, :hash, "
           ":target)",
        soci::use(rec_seq, "seq"), soci::use(rec.at, "at"),
        soci::use(user.number, user.ind, "user_id"), soci::use(rec.user_login, "user_login"),
        soci::use(org.number, org.ind, "org_id"), soci::use(rec.action, "action"),
        soci::use(person.number, person.ind, "person_id"), soci::use(rec.route, "route"),
        soci::use(rec.client_ip, "client_ip"), soci::use(rec.prev_hash, "prev_hash"),
        soci::use(rec.hash, "hash"), soci::use(rec.target, "target");
    prev = rec.hash;
    if (!e.listed_persons.empty()) {
      if (dialect == Dialect::postgres) {
        // One round trip for the whole page, while the chain's head is locked: the ids go
        // as one bound array.
        std::string ids = "{";
        for (std::size_t i = 0; i < e.listed_persons.size(); ++i)
          ids += (i ? "," : "") + std::to_string(e.listed_persons[i]);
        ids += "}";
        sql << "INSERT INTO audit_person (person_id, seq) SELECT unnest(CAST(:ids AS BIGINT[])), "
               ":s",
            soci::use(ids), soci::use(rec_seq);
      } else {
        std::vector<long long> persons(e.listed_persons.begin(), e.listed_persons.end());
        std::vector<long long> seqs(persons.size(), rec.seq);
        sql << "INSERT INTO audit_person (person_id, seq) VALUES (:p, :s)", soci::use(persons),
            soci::use(seqs);
      }
    }
  }
  sql << "UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1", soci::use(seq),
      soci::use(prev);
}

AuditPage query_audit(soci::session& sql, const AuditFilter& filter, int limit, int offset) {
  AuditPage page;
  {
    Where where(filter);
    long long total = 0;
    soci::statement st(sql);
    where.bind(st, filter);
    st.exchange(soci::into(total));
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM audit_log" + where.sql, kOnce);
    st.define_and_bind();
    st.execute(true);
    page.total = total;
  }
  Where where(filter);
  long long lim = limit, off = offset;
  soci::statement st(sql);
  where.bind(st, filter);
  st.exchange(soci::use(lim, "lim"));
  st.exchange(soci::use(off, "off"));
  soci::row row;
  st.exchange(soci::into(row));
  st.alloc();
  st.prepare(std::string("SELECT ") + kColumns + " FROM audit_log" + where.sql +
                 " ORDER BY seq DESC LIMIT :lim OFFSET :off",
             kOnce);
  st.define_and_bind();
  if (st.execute(true)) {
    do page.items.push_back(to_record(row));
    while (st.fetch());
  }
  return page;
}

void for_each_audit(soci::session& sql, const AuditFilter& filter,
                    const std::function<bool(const security::AuditRecord&)>& visit) {
  long long after = 0;
  for (;;) {
    Where where(filter);
    soci::statement st(sql);
    where.bind(st, filter);
    st.exchange(soci::use(after, "after"));
    soci::row row;
    st.exchange(soci::into(row));
    st.alloc();
    st.prepare(std::string("SELECT ") + kColumns + " FROM audit_log" + where.sql +
                   " AND seq > :after ORDER BY seq LIMIT 5000",
               kOnce);
    st.define_and_bind();
    std::vector<security::AuditRecord> batch;
    if (st.execute(true)) {
      do batch.push_back(to_record(row));
      while (st.fetch());
    }
    for (const auto& rec : batch)
      if (!visit(rec)) return;
    if (batch.size() < 5000) return;
    after = batch.back().seq;
  }
}

security::ListedPersonsDigest audit_person_digest(soci::session& sql, std::int64_t up_to_seq) {
  security::ListedPersonsDigest d;
  long long rows = 0, persons = 0, seqs = 0, pairs = 0;
  long long up_to = up_to_seq;
  const std::string m = std::to_string(security::ListedPersonsDigest::kModulus);
  sql << "SELECT COUNT(*), CAST(COALESCE(SUM(person_id), 0) AS BIGINT), "
         "CAST(COALESCE(SUM(seq), 0) AS BIGINT), CAST(COALESCE(SUM((person_id % " +
             m + ") * (seq % " + m + ") % " + m +
             "), 0) AS BIGINT) FROM audit_person WHERE seq <= :s",
      soci::into(rows), soci::into(persons), soci::into(seqs), soci::into(pairs), soci::use(up_to);
  d.rows = rows;
  d.person_sum = persons;
  d.seq_sum = seqs;
  d.pair_sum = pairs;
  return d;
}

}  // namespace binome::store
