#include "http/metrics.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "http/allocator.hpp"

namespace binome::http {
namespace {

long long resident_memory_bytes() {
  std::ifstream statm("/proc/self/statm");
  long long pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  auto& s = routes_[route];
  s.by_status[status]++;
  s.count++;
  s.sum += seconds;
  if (status >= 500) s.errors++;
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) s.buckets[i]++;
}

std::string Metrics::render(std::size_t pool_size, std::size_t pool_in_use, bool db_up) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP binome_http_requests_total Requêtes HTTP traitées, par route et statut.\n"
         "# TYPE binome_http_requests_total counter\n";
  for (const auto& [route, s] : routes_)
    for (const auto& [status, n] : s.by_status)
      out << "binome_http_requests_total{route=\"" << route << "\",status=\"" << status << "\"} "
          << n << "\n";
  out << "# HELP binome_http_errors_total Réponses 5xx, par route.\n"
         "# TYPE binome_http_errors_total counter\n";
  for (const auto& [route, s] : routes_)
    out << "binome_http_errors_total{route=\"" << route << "\"} " << s.errors << "\n";
  out << "# HELP binome_http_request_duration_seconds Durée de traitement des requêtes.\n"
         "# TYPE binome_http_request_duration_seconds histogram\n";
  for (const auto& [route, s] : routes_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out << "binome_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << kBuckets[i] << "\"} " << s.buckets[i] << "\n";
    out << "binome_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
        << s.count << "\n";
    out << "binome_http_request_duration_seconds_sum{route=\"" << route << "\"} " << s.sum << "\n";
    out << "binome_http_request_duration_seconds_count{route=\"" << route << "\"} " << s.count
        << "\n";
  }
  out << "# HELP binome_http_in_flight Requêtes en cours.\n# TYPE binome_http_in_flight gauge\n"
      << "binome_http_in_flight " << in_flight.load() << "\n";
  out << "# HELP binome_db_pool_size Connexions du pool de base de données.\n"
         "# TYPE binome_db_pool_size gauge\nbinome_db_pool_size "
      << pool_size << "\n";
  out << "# HELP binome_db_pool_in_use Connexions du pool en cours d'utilisation.\n"
         "# TYPE binome_db_pool_in_use gauge\nbinome_db_pool_in_use "
      << pool_in_use << "\n";
  out << "# HELP binome_db_up 1 quand la base répond.\n# TYPE binome_db_up gauge\nbinome_db_up "
      << (db_up ? 1 : 0) << "\n";
  // Memory, so that an operator (and bench/api-load) can tell SQLite's caches, which are
  // bounded, from the rest of the process.
  out << "# HELP binome_resident_memory_bytes Mémoire résidente du processus.\n"
         "# TYPE binome_resident_memory_bytes gauge\nbinome_resident_memory_bytes "
      << resident_memory_bytes() << "\n";
  out << "# HELP binome_sqlite_memory_bytes Mémoire allouée par SQLite (caches de pages et "
         "requêtes préparées), 0 sur PostgreSQL.\n"
         "# TYPE binome_sqlite_memory_bytes gauge\nbinome_sqlite_memory_bytes "
      << sqlite3_memory_used() << "\n";
  // What the allocator holds: in use by the program, or freed but kept for reuse. A leak
  // raises the first; fragmentation of the arenas raises the second.
  const HeapStats heap = heap_stats();
  out << "# HELP binome_heap_in_use_bytes Mémoire allouée et en usage (tas).\n"
         "# TYPE binome_heap_in_use_bytes gauge\nbinome_heap_in_use_bytes "
      << heap.in_use << "\n";
  out << "# HELP binome_heap_free_bytes Mémoire libérée mais gardée par l'allocateur.\n"
         "# TYPE binome_heap_free_bytes gauge\nbinome_heap_free_bytes "
      << heap.free_kept << "\n";
  out << "# HELP binome_allocator Allocateur de mémoire du processus.\n"
         "# TYPE binome_allocator gauge\nbinome_allocator{name=\""
      << allocator_name() << "\"} 1\n";
  return out.str();
}

}  // namespace binome::http
