#pragma once
#include <sodium.h>

#include <stdexcept>

namespace binome::security {

inline void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium n'a pas pu être initialisée");
}

}  // namespace binome::security
