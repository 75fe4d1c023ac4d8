// The monthly portfolio review of an agence (revue de portefeuille, seed 002 art. 5.2): its
// agenda is computed from the data (orientations awaiting a decision or in disagreement,
// entries to record, reviews and renewals due, exits of the month, axe 3 situations); each
// decision taken in it goes through the application service of the single action (same
// checks, same audit) and is linked to the review; attendance by role and organisation; the
// secretariat alternates between the France Travail and the Département side; closing freezes
// the agenda. Its tableau de suivi exports as XLSX (audited).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/axe3_service.hpp"
#include "app/context.hpp"
#include "app/orientation_service.hpp"
#include "app/support_service.hpp"
#include "domain/review_recipients.hpp"
#include "store/review_recipients_repo.hpp"
#include "store/reviews_repo.hpp"

namespace binome::app {

struct ReviewAgendaItem {
  std::string kind;  // decision_attendue, desaccord, entree_a_enregistrer, revue_due, sortie,
                     // axe3_a_valider, axe3_en_cours
  std::string label;
  std::int64_t person_id = 0;
  std::string person_name;
  std::int64_t subject_id = 0;  // orientation, support or axe 3 id
  std::optional<std::string> due_on;
};

struct ReviewView {
  store::ReviewRow review;
  std::vector<ReviewAgendaItem> agenda;  // live while open, frozen once closed
  std::vector<store::AttendeeRow> attendees;
  std::vector<store::ReviewDecisionRow> decisions;
  std::vector<store::SendingRow> sendings;  // each sending of the tableau by e-mail
};

// The persons an agenda names, each once (what an export's audit record lists).
std::vector<std::int64_t> persons_listed(const ReviewView& v);

// The result of sending the tableau de suivi: the archive's password, shown once to the sender
// who gives it to the recipients by another channel; failures in French, one per address.
struct TableauSending {
  std::string password;
  int sent = 0;
  std::vector<std::string> failures;
};

// One decision of a batch and its outcome.
struct ReviewDecisionResult {
  bool ok = false;
  domain::FieldErrors errors;
};

class ReviewService {
 public:
  ReviewService(Context& ctx, OrientationService& orientations, SupportService& supports,
                Axe3Service& axe3)
      : ctx_(ctx), orientations_(orientations), supports_(supports), axe3_(axe3) {}

  ReviewView open(const domain::Actor& actor, std::int64_t agence_id, const std::string& held_on,
                  const Origin& origin);
  std::vector<store::ReviewRow> of_agence(const domain::Actor& actor, std::int64_t agence_id);
  ReviewView get(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  void set_attendance(const domain::Actor& actor, std::int64_t id,
                      const std::vector<store::AttendeeRow>& attendees, const Origin& origin);
  // Each item: {"kind": "decision"|"entree"|"bilan"|"renouvellement"|"sortie"|"axe3_validation"
  // |"axe3_renouvellement"|"axe3_fin", with the fields of the single action}. Items are
  // independent: one refused leaves the others.
  std::vector<ReviewDecisionResult> decide(const domain::Actor& actor, std::int64_t id,
                                           const nlohmann::json& items, const Origin& origin);
  ReviewView close(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  std::string tableau_xlsx(const domain::Actor& actor, std::int64_t id, const Origin& origin);

  // The agence's recipients of the tableau de suivi (seed 002 art. 5.2 a): read and replaced
  // by its coordinateurs or an admin of its département; a change is audited.
  store::RecipientsRow recipients(const domain::Actor& actor, std::int64_t agence_id,
                                  const Origin& origin);
  store::RecipientsRow set_recipients(const domain::Actor& actor, std::int64_t agence_id,
                                      const std::vector<domain::Recipient>& list,
                                      const Origin& origin);
  // Sends a closed review's tableau to each recipient through ctx.settings.mailer, as an
  // AES-256 ZIP under one fresh password; the message itself holds no personal data. Audited
  // (review.send, with the persons listed) before anything leaves.
  TableauSending send_tableau(const domain::Actor& actor, std::int64_t id, const Origin& origin);

 private:
  std::string tableau_bytes(const ReviewView& v);
  void require_recipients_rights(const domain::Actor& actor, std::int64_t agence_id,
                                 const Origin& origin);
  store::ReviewRow load(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  std::vector<ReviewAgendaItem> agenda(const domain::Actor& actor, const store::ReviewRow& r);
  ReviewView view(const domain::Actor& actor, store::ReviewRow r);
  Context& ctx_;
  OrientationService& orientations_;
  SupportService& supports_;
  Axe3Service& axe3_;
};

}  // namespace binome::app
