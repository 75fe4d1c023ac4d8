// A clearly fictional département for demonstrations and browser tests: "Val-de-Démo" (code
// 00, no real département has it), two territories, about 200 fictional persons.
#pragma once
#include <string>
#include <vector>

#include "app/context.hpp"

namespace binome::app {

struct DemoLogin {
  std::string login, role, description;
};

struct DemoResult {
  bool created = false;  // false when the data were already there (passwords are reset)
  int persons = 0;
  std::vector<DemoLogin> logins;
};

DemoResult load_demo(Context& ctx, const std::string& password);

}  // namespace binome::app
