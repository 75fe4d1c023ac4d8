// A clock that can be moved forward by a number of days — for browser tests only. `serve`
// uses it only with --test-mode, which also opens the route that moves it; production never
// does.
#pragma once
#include <atomic>

#include "app/system_clock.hpp"

namespace binome::app {

class OffsetClock : public domain::Clock {
 public:
  domain::Timestamp now() const override {
    return system_.now() + std::chrono::days{offset_days_.load()};
  }
  void set_offset_days(int days) { offset_days_ = days; }
  int offset_days() const { return offset_days_.load(); }

 private:
  SystemClock system_;
  std::atomic<int> offset_days_{0};
};

}  // namespace binome::app
