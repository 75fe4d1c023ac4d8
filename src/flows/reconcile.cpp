#include "flows/reconcile.hpp"

#include "domain/text.hpp"

namespace binome::flows {
namespace {

std::string squashed(const std::string& text) {
  std::string out;
  for (char c : domain::fold_for_search(text))
    if (c != ' ') out.push_back(c);
  return out;
}

}  // namespace

std::string identity_key(const std::string& last, const std::string& first,
                         const std::string& birth) {
  return squashed(last) + "|" + squashed(first) + "|" + birth;
}

void PersonIndex::put(Map& map, const std::string& key, std::int64_t id) {
  auto [value, inserted] = map.emplace(key, id);
  if (!inserted && *value != id) *value = -1;
}

std::optional<std::int64_t> PersonIndex::find(const Map& map, const std::string& key,
                                              bool& ambiguous) {
  const std::int64_t* value = map.find(key);
  if (!value) return std::nullopt;
  if (*value < 0) {
    ambiguous = true;
    return std::nullopt;
  }
  return *value;
}

PersonIndex::Ids& PersonIndex::ids_of(std::int64_t person) {
  const auto at = ids_index_.emplace(person, std::uint32_t(ids_.size()));
  if (at == ids_.size()) ids_.emplace_back();
  return ids_[at];
}

const PersonIndex::Ids* PersonIndex::find_ids(std::int64_t person) const {
  const auto at = ids_index_.find(person);
  return at == IdMap::npos ? nullptr : &ids_[at];
}

void PersonIndex::add_person(const KnownPerson& p) {
  ++persons_;
  if (p.ft_id && !p.ft_id->empty()) ids_of(p.id).ft_id = p.ft_id;
  if (p.ft_id && !p.ft_id->empty()) {
    if (p.ft_id->size() == 11)
      put(by_ft_, *p.ft_id, p.id);
    else
      put(by_identifiant_, *p.ft_id, p.id);
  }
  put(by_identity_, identity_key(p.last_name, p.first_name, p.birth_date), p.id);
}

void PersonIndex::add_known_ids(std::int64_t person_id, const std::optional<std::string>& nir,
                                const std::optional<std::string>& code_pe,
                                const std::optional<std::string>& identifiant_pe) {
  auto& ids = ids_of(person_id);
  ids.snapshot = true;
  if (nir) {
    put(by_nir_, *nir, person_id);
    ids.nir = nir;
  }
  if (code_pe && identifiant_pe) {
    put(by_ft_, *code_pe + *identifiant_pe, person_id);
    ids.ft = *code_pe + *identifiant_pe;
  }
}

bool PersonIndex::has_snapshot(std::int64_t person_id) const {
  const Ids* ids = find_ids(person_id);
  return ids && ids->snapshot;
}

void PersonIndex::reserve(std::size_t persons) {
  for (Map* m : {&by_nir_, &by_ft_, &by_identifiant_, &by_identity_}) m->reserve(persons);
  ids_index_.reserve(persons);
  ids_.reserve(persons);
}

bool PersonIndex::contradicts(std::int64_t person, const Values& d,
                              const std::optional<std::string>& nir_key) const {
  const Ids* found = find_ids(person);
  if (!found) return false;
  const Ids& ids = *found;
  if (nir_key && ids.nir && *ids.nir != *nir_key) return true;
  if (d.ok(Field::code_pe) && d.ok(Field::identifiant_pe)) {
    const std::string& id = d.get(Field::identifiant_pe);
    const std::string ft = d.get(Field::code_pe) + id;
    if (ids.ft && *ids.ft != ft) return true;
    if (!ids.ft && ids.ft_id && *ids.ft_id != id && *ids.ft_id != ft) return true;
  }
  return false;
}

PersonIndex::Match PersonIndex::match(const Values& d) const {
  return match(d, d.ok(Field::nir) ? std::optional(d.get(Field::nir)) : std::nullopt);
}

PersonIndex::Match PersonIndex::match(const Values& d,
                                      const std::optional<std::string>& nir_key) const {
  Match m;
  bool ambiguous = false;
  if (nir_key)
    if ((m.person_id = find(by_nir_, *nir_key, ambiguous))) {
      m.how = "nir";
      return m;
    }
  if (d.ok(Field::code_pe) && d.ok(Field::identifiant_pe)) {
    if ((m.person_id =
             find(by_ft_, d.get(Field::code_pe) + d.get(Field::identifiant_pe), ambiguous)) ||
        (m.person_id = find(by_identifiant_, d.get(Field::identifiant_pe), ambiguous))) {
      m.how = "identifiant_ft";
      return m;
    }
  }
  if (d.ok(Field::date_naissance) && d.has(Field::prenom)) {
    for (Field name : {Field::nom_naissance, Field::nom_marital}) {
      if (!d.has(name)) continue;
      if ((m.person_id =
               find(by_identity_,
                    identity_key(d.get(name), d.get(Field::prenom), d.get(Field::date_naissance)),
                    ambiguous))) {
        if (!contradicts(*m.person_id, d, nir_key)) {
          m.how = "identite";
          return m;
        }
        m.person_id.reset();
        ambiguous = true;
      }
    }
  }
  m.ambiguous = ambiguous;
  return m;
}

}  // namespace binome::flows
