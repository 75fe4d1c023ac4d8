#include "store/persons_repo.hpp"

#include "domain/text.hpp"
#include "store/rows.hpp"

namespace binome::store {
namespace {

std::string like_pattern(const std::string& folded) {
  std::string out = "%";
  for (char c : folded) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "%";
}

// Binds the reach and search values that the condition names.
struct ListBindings {
  long long rid = 0;
  std::string dep, pattern;
  long long lim = 0, off = 0;
  void bind(soci::statement& st, const domain::Reach& reach, bool search, bool paged) {
    using K = domain::Reach::Kind;
    if (reach.kind == K::departement)
      st.exchange(soci::use(dep, "rdep"));
    else if (reach.kind != K::none)
      st.exchange(soci::use(rid, "rid1"));
    if (reach.kind == K::referent) st.exchange(soci::use(rid, "rid2"));
    if (search) st.exchange(soci::use(pattern, "pattern"));
    if (paged) {
      st.exchange(soci::use(lim, "lim"));
      st.exchange(soci::use(off, "off"));
    }
  }
};

}  // namespace

std::int64_t insert_person(soci::session& sql, const domain::Person& person,
                           const std::string& now) {
  const auto& p = person.identity;
  const auto& s = person.scope;
  long long id = 0;
  int consent = p.consent_electronic, brsa = p.brsa, rqth = p.rqth, children = p.dependent_children;
  const std::string family =
      p.family_situation == domain::FamilySituation::seul ? "seul" : "en_couple";
  const std::string key =
      domain::fold_for_search(p.last_name + " " + p.first_name + " " + p.ft_id.value_or(""));
  auto phone = Nullable::of(p.phone), email = Nullable::of(p.email), ft = Nullable::of(p.ft_id),
       caf = Nullable::of(p.caf_id);
  auto terr = Nullable::of(s.territory_id), agence = Nullable::of(s.agence_id),
       cons = Nullable::of(s.conseiller_id), soc = Nullable::of(s.referent_social_id);
  sql << "INSERT INTO persons (last_name, first_name, birth_date, street, postal_code, commune, "
         "phone, email, consent_electronic, ft_id, caf_id, brsa, rqth, family_situation, "
         "dependent_children, departement, territory_id, agence_id, conseiller_id, "
         "referent_social_id, search_key, created_at, updated_at) VALUES (:ln, :fn, :bd, :st, "
         ":pc, :co, :ph, :em, :ce, :ft, :caf, :brsa, :rqth, :fam, :ch, :dep, :terr, :ag, :cons, "
         ":soc, :key, :now1, :now2) RETURNING id",
      soci::use(p.last_name), soci::use(p.first_name), soci::use(p.birth_date), soci::use(p.street),
      soci::use(p.postal_code), soci::use(p.commune), soci::use(phone.text, phone.ind),
      soci::use(email.text, email.ind), soci::use(consent), soci::use(ft.text, ft.ind),
      soci::use(caf.text, caf.ind), soci::use(brsa), soci::use(rqth), soci::use(family),
      soci::use(children), soci::use(s.departement), soci::use(terr.number, terr.ind),
      soci::use(agence.number, agence.ind), soci::use(cons.number, cons.ind),
      soci::use(soc.number, soc.ind), soci::use(key), soci::use(now), soci::use(now),
      soci::into(id);
  return id;
}

void set_electronic_consent(soci::session& sql, std::int64_t id, bool consent,
                            const std::string& now) {
  long long pid = id;
  int c = consent;
  sql << "UPDATE persons SET consent_electronic = :c, email = CASE WHEN :c2 = 1 THEN email ELSE "
         "NULL END, updated_at = :now WHERE id = :id",
      soci::use(c), soci::use(c), soci::use(now), soci::use(pid);
}

std::optional<PersonRecord> find_person(soci::session& sql, std::int64_t id) {
  // Typed intos rather than a soci::row: every call about a person reads the person first (its
  // referents decide the access), and a row describes its 28 columns anew at each execution
  // (docs/PERFORMANCE.md).
  long long v = id, pid = 0, consent = 0, brsa = 0, rqth = 0, children = 0, territory = 0;
  std::string family;
  PersonRecord rec;
  auto& p = rec.person.identity;
  auto& s = rec.person.scope;
  std::string territory_name;
  Nullable phone, email, ft, caf, agence, agence_name, cons, cons_name, cons_org, soc, soc_name,
      soc_org_name, soc_org;
  sql << "SELECT p.id, p.last_name, p.first_name, p.birth_date, p.street, p.postal_code, "
         "p.commune, p.phone, p.email, p.consent_electronic, p.ft_id, p.caf_id, p.brsa, "
         "p.rqth, p.family_situation, p.dependent_children, p.departement, p.territory_id, "
         "t.name, p.agence_id, ag.name, p.conseiller_id, cu.display_name, co.name, "
         "p.referent_social_id, su.display_name, so.name, su.organisation_id "
         "FROM persons p JOIN territories t ON t.id = p.territory_id "
         "LEFT JOIN organisations ag ON ag.id = p.agence_id "
         "LEFT JOIN users cu ON cu.id = p.conseiller_id "
         "LEFT JOIN organisations co ON co.id = cu.organisation_id "
         "LEFT JOIN users su ON su.id = p.referent_social_id "
         "LEFT JOIN organisations so ON so.id = su.organisation_id WHERE p.id = :id "
         "AND p.restricted_at IS NULL AND p.anonymised_at IS NULL",
      soci::use(v), soci::into(pid), soci::into(p.last_name), soci::into(p.first_name),
      soci::into(p.birth_date), soci::into(p.street), soci::into(p.postal_code),
      soci::into(p.commune), soci::into(phone.text, phone.ind), soci::into(email.text, email.ind),
      soci::into(consent), soci::into(ft.text, ft.ind), soci::into(caf.text, caf.ind),
      soci::into(brsa), soci::into(rqth), soci::into(family), soci::into(children),
      soci::into(s.departement), soci::into(territory), soci::into(territory_name),
      soci::into(agence.number, agence.ind), soci::into(agence_name.text, agence_name.ind),
      soci::into(cons.number, cons.ind), soci::into(cons_name.text, cons_name.ind),
      soci::into(cons_org.text, cons_org.ind), soci::into(soc.number, soc.ind),
      soci::into(soc_name.text, soc_name.ind), soci::into(soc_org_name.text, soc_org_name.ind),
      soci::into(soc_org.number, soc_org.ind);
  if (!sql.got_data()) return std::nullopt;
  rec.person.id = pid;
  p.phone = phone.opt_text();
  p.email = email.opt_text();
  p.consent_electronic = consent != 0;
  p.ft_id = ft.opt_text();
  p.caf_id = caf.opt_text();
  p.brsa = brsa != 0;
  p.rqth = rqth != 0;
  p.family_situation =
      family == "en_couple" ? domain::FamilySituation::en_couple : domain::FamilySituation::seul;
  p.dependent_children = static_cast<int>(children);
  s.territory_id = territory;
  rec.territory = NamedRef{territory, territory_name, {}};
  s.agence_id = agence.opt_number();
  if (s.agence_id) rec.agence = NamedRef{*s.agence_id, agence_name.text, {}};
  s.conseiller_id = cons.opt_number();
  if (s.conseiller_id) rec.conseiller = NamedRef{*s.conseiller_id, cons_name.text, cons_org.text};
  s.referent_social_id = soc.opt_number();
  if (s.referent_social_id)
    rec.referent_social = NamedRef{*s.referent_social_id, soc_name.text, soc_org_name.text};
  s.referent_social_org_id = soc_org.opt_number();
  return rec;
}

PersonListPage list_persons(soci::session& sql, const domain::Reach& reach,
                            const std::string& search, int limit, int offset) {
  PersonListPage page;
  if (reach.kind == domain::Reach::Kind::none) return page;
  // The social referent's organisation matters only to a partner's coordinateur.
  std::string from = " FROM persons p JOIN territories t ON t.id = p.territory_id";
  if (reach.kind == domain::Reach::Kind::partner)
    from += " LEFT JOIN users rs ON rs.id = p.referent_social_id";
  // Restricted (RGPD art. 18) and anonymised persons are no longer processed: nobody lists them.
  from += " WHERE p.restricted_at IS NULL AND p.anonymised_at IS NULL AND " +
          reach_condition(reach, "rs");
  const bool searching = !search.empty();
  if (searching) from += " AND p.search_key LIKE :pattern ESCAPE '\\'";

  ListBindings b;
  b.rid = reach.id;
  b.dep = reach.departement;
  b.pattern = like_pattern(search);
  b.lim = limit;
  b.off = offset;
  {
    long long total = 0;
    soci::statement st(sql);
    b.bind(st, reach, searching, false);
    st.exchange(soci::into(total));
    st.alloc();
    st.prepare("SELECT COUNT(*)" + from, kOnce);
    st.define_and_bind();
    st.execute(true);
    page.total = total;
  }
  soci::statement st(sql);
  b.bind(st, reach, searching, true);
  soci::row row;
  st.exchange(soci::into(row));
  st.alloc();
  st.prepare(
      "SELECT p.id, p.last_name, p.first_name, p.birth_date, p.commune, p.brsa, "
      "p.territory_id, t.name" +
          from + " ORDER BY p.last_name, p.first_name, p.id LIMIT :lim OFFSET :off",
      kOnce);
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      PersonSummary s;
      s.id = i64(row, 0);
      s.last_name = str(row, 1);
      s.first_name = str(row, 2);
      s.birth_date = str(row, 3);
      s.commune = str(row, 4);
      s.brsa = flag(row, 5);
      s.territory = {i64(row, 6), str(row, 7), {}};
      page.items.push_back(std::move(s));
    } while (st.fetch());
  }
  return page;
}

}  // namespace binome::store
