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

// The second factor of the demo's admin.demo and dpo.demo (their role requires one): a fixed,
// published secret, fit for a fictional département only. `binome demo` prints it.
inline constexpr const char* kDemoTotpSecret = "DEMODEMODEMODEMODEMODEMODEMODEMO";
inline constexpr const char* kDemoTotpLogins[] = {"admin.demo", "dpo.demo"};

DemoResult load_demo(Context& ctx, const std::string& password);

// Some activity on top of a freshly loaded demo (supports in progress, appointments, an axe 3
// awaiting validation), through the services: what `binome demo` shows. The test harnesses
// call load_demo alone and start from persons without any support.
void load_demo_activity(Context& ctx);

}  // namespace binome::app
