// Which person of binome a dossier of a France Travail file is about: by NIR (known from an
// earlier file), else by France Travail id (code-pe + identifiant-pe, or the person's ft_id),
// else by birth name (or married name) + first name + birth date compared without accents,
// case, hyphens, apostrophes or spaces. A key shared by two persons matches nobody, and an
// identity match is refused when the person is known under another NIR or France Travail id
// (a namesake born the same day): better no match than FT data on the wrong person.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "flows/fields.hpp"
#include "flows/key_map.hpp"

namespace binome::flows {

struct KnownPerson {
  std::int64_t id = 0;
  std::string last_name, first_name, birth_date;
  std::optional<std::string> ft_id;
};

// "lefevre|helene|1985-07-14"
std::string identity_key(const std::string& last_name, const std::string& first_name,
                         const std::string& birth_date);

class PersonIndex {
 public:
  void add_person(const KnownPerson& p);
  // Keys an earlier import stored for a person (its snapshot). `nir` is the NIR's lookup key:
  // binome stores only a keyed hash of it, and match() must be given the same form.
  void add_known_ids(std::int64_t person_id, const std::optional<std::string>& nir,
                     const std::optional<std::string>& code_pe,
                     const std::optional<std::string>& identifiant_pe);

  struct Match {
    std::optional<std::int64_t> person_id;
    const char* how = "";    // "nir", "identifiant_ft", "identite"
    bool ambiguous = false;  // shared key, or identity contradicted by an id
  };
  // nir_key: the lookup key of the dossier's NIR (its keyed hash), nullopt when it has none.
  Match match(const Values& dossier, const std::optional<std::string>& nir_key) const;
  // The NIR itself as its key (an index filled with clear NIRs).
  Match match(const Values& dossier) const;
  // Whether add_known_ids was called for the person (it has a stored snapshot).
  bool has_snapshot(std::int64_t person_id) const;
  void reserve(std::size_t persons);
  std::size_t size() const { return persons_; }

 private:
  using Map = KeyMap;  // key → person id, -1 when two persons share the key
  static void put(Map& map, const std::string& key, std::int64_t id);
  static std::optional<std::int64_t> find(const Map& map, const std::string& key, bool& ambiguous);
  struct Ids {
    std::optional<std::string> ft_id, nir, ft;  // ft: code-pe + identifiant-pe of a snapshot
    bool snapshot = false;
  };
  Ids& ids_of(std::int64_t person);
  const Ids* find_ids(std::int64_t person) const;
  bool contradicts(std::int64_t person, const Values& d,
                   const std::optional<std::string>& nir_key) const;
  Map by_nir_, by_ft_, by_identifiant_, by_identity_;
  IdMap ids_index_;  // person id → position in ids_
  std::vector<Ids> ids_;
  std::size_t persons_ = 0;
};

}  // namespace binome::flows
