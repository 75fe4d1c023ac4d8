// Flat hash tables for the import's person index (reconcile.hpp), which holds a few keys per
// person of a département (200 000 in bench/flows-bench) and is probed several times per
// dossier: open addressing over small slots, keys stored end to end in one buffer, so a probe
// touches one slot (and the key's bytes once its hash matched) instead of a node and a string
// on the heap as std::unordered_map does. Exact: keys are compared, never only hashed.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace binome::flows {

// Text key → 64-bit value.
class KeyMap {
 public:
  void reserve(std::size_t keys) {
    std::size_t want = 16;
    while (want < keys * 2) want *= 2;
    if (want > slots_.size()) rehash(want);
  }
  std::size_t size() const { return used_; }

  const std::int64_t* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && key_of(s) == key) return &s.value;
    }
  }
  // Inserts key → value when absent; returns the stored value and whether it was inserted.
  std::pair<std::int64_t*, bool> emplace(std::string_view key, std::int64_t value) {
    if ((used_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (s.hash == h && key_of(s) == key) return {&s.value, false};
      if (s.hash != 0) continue;
      if (keys_.size() + key.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("index des personnes trop grand");
      s = {h, value, std::uint32_t(keys_.size()), std::uint32_t(key.size())};
      keys_.append(key);
      ++used_;
      return {&s.value, true};
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty (real hashes have their low bit set)
    std::int64_t value = 0;
    std::uint32_t offset = 0, length = 0;
  };
  static std::uint64_t hash(std::string_view key) {
    return std::uint64_t(std::hash<std::string_view>{}(key)) | 1;
  }
  std::string_view key_of(const Slot& s) const {
    return std::string_view(keys_).substr(s.offset, s.length);
  }
  void rehash(std::size_t size) {
    std::vector<Slot> old(size);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      std::size_t i = s.hash & (slots_.size() - 1);
      while (slots_[i].hash != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t used_ = 0;
};

// 64-bit id → position in the caller's vector.
class IdMap {
 public:
  static constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

  void reserve(std::size_t ids) {
    std::size_t want = 16;
    while (want < ids * 2) want *= 2;
    if (want > slots_.size()) rehash(want);
  }
  std::uint32_t find(std::int64_t id) const {
    if (slots_.empty()) return npos;
    for (std::size_t i = mix(id) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].position == npos) return npos;
      if (slots_[i].id == id) return slots_[i].position;
    }
  }
  // The position of id, `next` stored for it when it had none.
  std::uint32_t emplace(std::int64_t id, std::uint32_t next) {
    if ((used_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    for (std::size_t i = mix(id) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (s.position == npos) {
        s = {id, next};
        ++used_;
        return next;
      }
      if (s.id == id) return s.position;
    }
  }

 private:
  struct Slot {
    std::int64_t id = 0;
    std::uint32_t position = npos;  // npos: empty
  };
  static std::uint64_t mix(std::int64_t id) {  // splitmix64 finaliser
    auto x = std::uint64_t(id);
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
  }
  void rehash(std::size_t size) {
    std::vector<Slot> old(size);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.position == npos) continue;
      std::size_t i = mix(s.id) & (slots_.size() - 1);
      while (slots_[i].position != npos) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace binome::flows
