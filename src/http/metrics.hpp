// Prometheus metrics of one instance: requests and latency per route, errors, database pool.
#pragma once
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace binome::http {

class Metrics {
 public:
  static constexpr std::array<double, 11> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5};
  void observe(const std::string& route, int status, double seconds);
  std::atomic<int> in_flight{0};
  std::string render(std::size_t pool_size, std::size_t pool_in_use, bool db_up) const;

 private:
  struct RouteStats {
    std::map<int, long long> by_status;
    std::array<long long, kBuckets.size()> buckets{};
    long long count = 0;
    double sum = 0;
    long long errors = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, RouteStats> routes_;
};

}  // namespace binome::http
