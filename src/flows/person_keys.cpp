#include "flows/person_keys.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

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

PersonKeySet::PersonKeySet(std::size_t max_slots, std::size_t filter_bits)
    : max_slots_(max_slots), filter_bits_(filter_bits) {}

void PersonKeySet::place(std::uint64_t key, std::uint32_t index) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = mix(key) & mask;
  while (slots_[slot].key) slot = (slot + 1) & mask;
  slots_[slot] = {key, index};
  ++used_;
}

void PersonKeySet::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  used_ = 0;
  for (const auto& s : old)
    if (s.key) place(s.key, s.index);
}

// The table's keys, sorted, appended to the temporary file as one run (records of 12 bytes:
// key then index); the filter learns them; the table is emptied. False when no temporary file
// can be written: the table then grows in memory instead (still exact, no longer bounded).
bool PersonKeySet::spill() {
  if (!file_) {
    file_.reset(std::tmpfile());
    if (!file_) return false;
  }
  // Compact the occupied slots to the front and sort them there: no second buffer.
  std::size_t n = 0;
  for (const auto& s : slots_)
    if (s.key) slots_[n++] = s;
  std::sort(slots_.begin(), slots_.begin() + long(n),
            [](const Slot& a, const Slot& b) { return a.key < b.key; });
  if (std::fseek(file_.get(), 0, SEEK_END) != 0) return false;
  const long at = std::ftell(file_.get()) / 12;
  unsigned char record[12];
  for (std::size_t i = 0; i < n; ++i) {
    std::memcpy(record, &slots_[i].key, 8);
    std::memcpy(record + 8, &slots_[i].index, 4);
    if (std::fwrite(record, 1, 12, file_.get()) != 12) return false;
  }
  if (std::fflush(file_.get()) != 0) return false;
  if (filter_.empty()) filter_.assign(filter_bits_ / 64, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h1 = mix(slots_[i].key), h2 = mix(h1) | 1;
    for (std::uint64_t k = 0; k < 7; ++k) {
      const auto bit = (h1 + k * h2) & (filter_bits_ - 1);
      filter_[bit / 64] |= std::uint64_t(1) << (bit % 64);
    }
  }
  runs_.push_back({at, n});
  spilled_ += n;
  std::fill(slots_.begin(), slots_.end(), Slot{});
  used_ = 0;
  return true;
}

bool PersonKeySet::may_be_spilled(std::uint64_t key) const {
  if (runs_.empty()) return false;
  const std::uint64_t h1 = mix(key), h2 = mix(h1) | 1;
  for (std::uint64_t k = 0; k < 7; ++k) {
    const auto bit = (h1 + k * h2) & (filter_bits_ - 1);
    if (!(filter_[bit / 64] >> (bit % 64) & 1)) return false;
  }
  return true;
}

// Binary search of each run on disk (pread of one record per step, from the page cache).
std::optional<std::uint32_t> PersonKeySet::find_spilled(std::uint64_t key) const {
  const int fd = fileno(file_.get());
  for (const auto& run : runs_) {
    std::size_t lo = 0, hi = run.count;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      unsigned char record[12];
      if (::pread(fd, record, 12, off_t(run.offset + long(mid)) * 12) != 12)
        throw std::runtime_error("lecture du fichier temporaire des personnes impossible");
      std::uint64_t k = 0;
      std::memcpy(&k, record, 8);
      if (k == key) {
        std::uint32_t index = 0;
        std::memcpy(&index, record + 8, 4);
        return index;
      }
      if (k < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  }
  return std::nullopt;
}

std::optional<std::uint32_t> PersonKeySet::insert(std::uint64_t key, std::uint32_t index) {
  if (!slots_.empty()) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = mix(key) & mask; slots_[slot].key; slot = (slot + 1) & mask)
      if (slots_[slot].key == key) return slots_[slot].index;
  }
  if (may_be_spilled(key))
    if (auto earlier = find_spilled(key)) return earlier;
  if ((used_ + 1) * 2 > slots_.size()) {
    if (slots_.size() < max_slots_ || !spill()) grow();
  }
  place(key, index);
  ++size_;
  return std::nullopt;
}

}  // namespace binome::flows
