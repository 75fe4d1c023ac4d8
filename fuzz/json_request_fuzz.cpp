// libFuzzer target: the decoding of JSON request bodies as every POST route does it — the
// object check with its closed field list, the typed readers, then the text checks the
// services apply (well-formed UTF-8 without control characters, search folding, dates).
// Any crash, sanitizer report or uncaught exception other than the two the HTTP layer maps
// (BadRequest → 400, DomainError → 422) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "domain/text.hpp"
#include "domain/time.hpp"
#include "http/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace binome;
  http::Request req;
  req.method = "POST";
  req.path = "/api/v1/persons";
  req.body.assign(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::string> allowed{"last_name",
                                                "first_name",
                                                "birth_date",
                                                "street",
                                                "postal_code",
                                                "commune",
                                                "phone",
                                                "email",
                                                "consent_electronic",
                                                "ft_id",
                                                "caf_id",
                                                "brsa",
                                                "rqth",
                                                "family_situation",
                                                "dependent_children",
                                                "conseiller_id",
                                                "referent_social_id",
                                                "discovered_at"};
  try {
    const auto body = http::json_object_body(req, allowed);
    domain::FieldErrors errors;
    for (const auto& name : allowed) {
      (void)http::opt_int(body, name, errors);
      (void)http::opt_bool(body, name, errors);
      const auto text = http::req_string(body, name, errors);
      if (auto o = http::opt_string(body, name, errors)) {
        if (domain::is_clean_utf8(*o)) (void)domain::fold_for_search(*o);
        (void)domain::parse_date(*o);
        (void)domain::parse_iso(*o);
      }
      (void)text;
    }
  } catch (const http::BadRequest&) {
  } catch (const domain::DomainError&) {
  }
  return 0;
}
