// The memory allocator serving the process, seen from serve and /metrics.
//
// Builds without sanitizers link jemalloc (Debian's libjemalloc-dev; -DBINOME_JEMALLOC=OFF to do
// without): with 64 request threads, glibc's malloc either keeps freed memory per arena
// (resident memory +80 % over 5 minutes of load) or, limited to two arenas, makes the threads
// queue on its locks (docs/PERFORMANCE.md). Sanitizer builds keep glibc's, which
// AddressSanitizer replaces anyway.
#pragma once

namespace binome::http {

// "jemalloc" or "glibc".
const char* allocator_name();

// Settings that must be made before the first thread starts (glibc: two arenas at most,
// unless MALLOC_ARENA_MAX is set). jemalloc reads its own at load time, see allocator.cpp.
void configure_allocator();

// Hands memory the allocator keeps free back to the system; serve calls it every 5 s.
void release_free_memory();

struct HeapStats {
  long long in_use = 0;     // allocated by the program and not freed: a leak raises it
  long long free_kept = 0;  // freed, still resident in the allocator: fragmentation raises it
};
HeapStats heap_stats();

}  // namespace binome::http
