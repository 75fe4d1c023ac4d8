#include "flows/person_keys.hpp"

namespace binome::flows {
namespace {

constexpr std::uint64_t kNirTag = 1ull << 62;
constexpr std::uint64_t kFtTag = 1ull << 61;

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

std::optional<std::uint64_t> nir_key(std::string_view nir) {
  if (nir.size() != 13) return std::nullopt;
  std::uint64_t v = 0, corsica = 0;
  for (std::size_t i = 0; i < 13; ++i) {
    char c = nir[i];
    if (i == 6 && (c == 'A' || c == 'B')) {
      corsica = c == 'A' ? 1 : 2;
      c = '0';
    }
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + std::uint64_t(c - '0');
  }
  return kNirTag | (corsica << 48) | v;  // 10^13 < 2^44
}

std::optional<std::uint64_t> ft_key(std::string_view code_pe, std::string_view id) {
  if (code_pe.size() != 3 || id.size() != 8) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : code_pe) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + std::uint64_t(c - '0');
  }
  for (std::size_t i = 0; i < 7; ++i) {
    if (id[i] < '0' || id[i] > '9') return std::nullopt;
    v = v * 10 + std::uint64_t(id[i] - '0');
  }
  const char last = id[7];
  std::uint64_t l = 0;
  if (last >= '0' && last <= '9')
    l = std::uint64_t(last - '0');
  else if (last >= 'A' && last <= 'Z')
    l = 10 + std::uint64_t(last - 'A');
  else
    return std::nullopt;
  return kFtTag | (v * 36 + l);  // 10^10 * 36 < 2^39
}

void PersonKeySet::grow() {
  std::vector<std::uint64_t> keys = std::move(keys_);
  std::vector<std::uint32_t> index = std::move(index_);
  const std::size_t cap = keys.empty() ? 1024 : keys.size() * 2;
  keys_.assign(cap, 0);
  index_.assign(cap, 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i]) continue;
    std::size_t slot = mix(keys[i]) & (cap - 1);
    while (keys_[slot]) slot = (slot + 1) & (cap - 1);
    keys_[slot] = keys[i];
    index_[slot] = index[i];
  }
}

std::optional<std::uint32_t> PersonKeySet::insert(std::uint64_t key, std::uint32_t index) {
  if ((size_ + 1) * 2 > keys_.size()) grow();
  const std::size_t mask = keys_.size() - 1;
  std::size_t slot = mix(key) & mask;
  while (keys_[slot]) {
    if (keys_[slot] == key) return index_[slot];
    slot = (slot + 1) & mask;
  }
  keys_[slot] = key;
  index_[slot] = index;
  ++size_;
  return std::nullopt;
}

}  // namespace binome::flows
