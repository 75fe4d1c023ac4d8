#include "http/allocator.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#ifdef BINOME_JEMALLOC
#include <jemalloc/jemalloc.h>

// Read by jemalloc when it starts, before main; an operator's MALLOC_CONF still wins. One arena
// per CPU, used by the threads running on it (the default, four per CPU, held 56-69 MB under
// load against 46-52 for the same CPU time per request); freed pages go back to the system
// after a second (the default is ten), purged by jemalloc's own threads rather than by the
// request threads, so that the resident memory follows the load (docs/PERFORMANCE.md).
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): jemalloc's interface
const char* malloc_conf =
    "percpu_arena:percpu,background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
}
#else
#include <malloc.h>
#endif

namespace binome::http {

#ifdef BINOME_JEMALLOC

const char* allocator_name() {
  return "jemalloc";
}

void configure_allocator() {}

void release_free_memory() {
  // 4096 is MALLCTL_ARENAS_ALL: every arena.
  mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
}

HeapStats heap_stats() {
  // The statistics are a snapshot taken when the epoch moves.
  std::uint64_t epoch = 1;
  std::size_t size = sizeof(epoch);
  mallctl("epoch", &epoch, &size, &epoch, size);
  std::size_t allocated = 0, resident = 0;
  size = sizeof(std::size_t);
  mallctl("stats.allocated", &allocated, &size, nullptr, 0);
  size = sizeof(std::size_t);
  mallctl("stats.resident", &resident, &size, nullptr, 0);
  return {static_cast<long long>(allocated),
          static_cast<long long>(resident > allocated ? resident - allocated : 0)};
}

#else

const char* allocator_name() {
  return "glibc";
}

void configure_allocator() {
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
}

void release_free_memory() {
  malloc_trim(0);
}

HeapStats heap_stats() {
  const struct mallinfo2 heap = mallinfo2();
  return {static_cast<long long>(heap.uordblks + heap.hblkhd),
          static_cast<long long>(heap.fordblks)};
}

#endif

}  // namespace binome::http
