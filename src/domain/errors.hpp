// Problems reported to users: every one at once, each naming its field, in French.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace binome::domain {

struct FieldError {
  std::optional<std::string> field;
  std::string code;
  std::string message;
};

using FieldErrors = std::vector<FieldError>;

// Thrown by application services; the HTTP layer maps kind to a status, the CLI to an exit.
class DomainError : public std::runtime_error {
 public:
  enum class Kind { invalid, unauthenticated, forbidden, not_found, conflict, throttled };
  DomainError(Kind kind, FieldErrors errors)
      : std::runtime_error(errors.empty() ? std::string("erreur") : errors.front().message),
        kind_(kind),
        errors_(std::move(errors)) {}
  DomainError(Kind kind, std::string code, std::string message)
      : DomainError(kind, FieldErrors{{std::nullopt, std::move(code), std::move(message)}}) {}
  Kind kind() const { return kind_; }
  const FieldErrors& errors() const { return errors_; }

 private:
  Kind kind_;
  FieldErrors errors_;
};

}  // namespace binome::domain
