// The real clock, for the server and the CLI; tests inject their own.
#pragma once
#include "domain/time.hpp"

namespace binome::app {

class SystemClock : public domain::Clock {
 public:
  domain::Timestamp now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace binome::app
