// R10 needs every person key seen so far in the file. Keys are packed into 64-bit integers
// (exact, no hashing of text) and kept in an open-addressing table: 16 bytes per person,
// about 6 MiB for 200 000 dossiers, instead of a node-based set of strings.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace binome::flows {

// NIR (13 characters, 2A/2B allowed) or code-pe + identifiant-pe, as one integer; nullopt when
// the text does not have the XSD shape (the reader only asks for well-typed values).
std::optional<std::uint64_t> nir_key(std::string_view nir);
std::optional<std::uint64_t> ft_key(std::string_view code_pe, std::string_view identifiant_pe);

class PersonKeySet {
 public:
  // Records key for dossier `index`; returns the index of the earlier dossier with the same
  // key, if any (then the earlier one stays).
  std::optional<std::uint32_t> insert(std::uint64_t key, std::uint32_t index);
  std::size_t size() const { return size_; }

 private:
  void grow();
  std::vector<std::uint64_t> keys_;  // 0: empty slot (no real key is 0)
  std::vector<std::uint32_t> index_;
  std::size_t size_ = 0;
};

}  // namespace binome::flows
