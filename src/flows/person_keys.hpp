// R10 needs every person key seen so far in the file. Keys are packed into 64-bit integers
// (exact, no hashing of text) and kept in an open-addressing table (16 bytes a slot, at most
// half full). Memory stays bounded whatever the file's size: once the table reaches its
// largest size (2^20 slots, 16 MiB) its keys are sorted and written to an anonymous temporary
// file as a run, and a fixed Bloom filter (8 MiB) remembers them, so that a key is looked up
// on disk only when the filter says it may be there (about 1 in 100 000 at 2 million keys,
// more beyond, never a wrong answer). A file of 500 000 persons never leaves memory.
#pragma once
#include <cstdint>
#include <cstdio>
#include <memory>
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
  // The table's largest size in slots (a power of two) and the filter's size in bits (a power
  // of two); the defaults bound the set to 24 MiB. Smaller values are for tests.
  explicit PersonKeySet(std::size_t max_slots = std::size_t(1) << 20,
                        std::size_t filter_bits = std::size_t(1) << 26);
  // Records key for dossier `index`; returns the index of the earlier dossier with the same
  // key, if any (then the earlier one stays).
  std::optional<std::uint32_t> insert(std::uint64_t key, std::uint32_t index);
  std::size_t size() const { return size_; }
  std::size_t spilled() const { return spilled_; }  // keys written to the temporary file

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0: empty slot (no real key is 0)
    std::uint32_t index = 0;
  };
  struct Run {
    long offset = 0;  // in records
    std::size_t count = 0;
  };
  void grow();
  bool spill();
  void place(std::uint64_t key, std::uint32_t index);
  bool may_be_spilled(std::uint64_t key) const;
  std::optional<std::uint32_t> find_spilled(std::uint64_t key) const;

  std::vector<Slot> slots_;
  std::size_t used_ = 0, size_ = 0, spilled_ = 0;
  std::size_t max_slots_, filter_bits_;
  std::vector<std::uint64_t> filter_;
  std::vector<Run> runs_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, &std::fclose};
};

}  // namespace binome::flows
