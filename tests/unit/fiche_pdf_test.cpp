// The fiche de liaison PDF: rendered with libharu, read back with pdftotext (poppler-utils) to
// check the accents, the seven checkboxes and the fixed wording of the form.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/obstacles.hpp"
#include "exports/fiche_document.hpp"

namespace {

using binome::exports::FicheData;
using binome::exports::render_fiche_pdf;

struct Command {
  int status = -1;
  std::string out;
};

Command run(const std::string& command) {
  Command result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

bool has_tool(const std::string& tool) {
  return run("command -v " + tool + " >/dev/null 2>&1").status == 0;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
    ++n;
  return n;
}

// The n-th line (from 0) of `text` containing `needle`, empty if none.
std::string line_with(const std::string& text, const std::string& needle, int n = 0) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.find(needle) != std::string::npos && n-- == 0) return line;
  return {};
}

FicheData sample() {
  FicheData f;
  f.convention_label = "Pas-de-Calais (62) — convention 2024-2025";
  f.prescriber_kind = "France Travail";
  f.prescriber = {"Dupré",
                  "Anaïs",
                  "Conseillère accompagnement global",
                  "03 21 00 00 00",
                  "anais.dupre@francetravail.fr",
                  "Agence d'Arras"};
  f.decision_mode_label = "Accord bilatéral";
  f.last_name = "Lefèvre-D'Aubigné";
  f.first_name = "Élodie";
  f.birth_date = "03/07/1988";
  f.street = "12 rue de l'Église";
  f.postal_code = "62000";
  f.commune = "Arras";
  f.phone = "06 12 34 56 78";
  f.ft_id = "1234567A";
  f.caf_id = "7654321";
  f.brsa = true;
  f.family_situation_label = "Seul(e)";
  f.dependent_children = 2;
  f.obstacles = {true, false, true, false, false, false, true};
  f.consent_collected_by = "Anaïs Dupré";
  f.consent_signature_date = "20/11/2026";
  f.decision = "OUI — entrée prévue le 12/12/2026";
  f.generated_at = "22/11/2026 à 10:15";
  return f;
}

class FichePdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("binome-fiche-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The PDF's text as laid out by pdftotext -layout.
  std::string text_of(const std::string& pdf) {
    const auto path = dir_ / "fiche.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    const Command c = run("pdftotext -layout '" + path.string() + "' - 2>/dev/null");
    EXPECT_EQ(c.status, 0);
    return c.out;
  }

  std::filesystem::path dir_;
};

TEST_F(FichePdfTest, PdftotextIsInstalled) {
  ASSERT_TRUE(has_tool("pdftotext"))
      << "pdftotext est introuvable : installez le paquet Debian poppler-utils";
}

TEST_F(FichePdfTest, IsAPdf) {
  const std::string pdf = render_fiche_pdf(sample());
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
  // To look at the layout: BINOME_FICHE_SAMPLE_PDF=/tmp/fiche.pdf, then pdftoppm -png.
  if (const char* out = std::getenv("BINOME_FICHE_SAMPLE_PDF"))
    std::ofstream(out, std::ios::binary) << pdf;
}

TEST_F(FichePdfTest, PrintsThePersonWithAccents) {
  ASSERT_TRUE(has_tool("pdftotext"))
      << "pdftotext est introuvable : installez le paquet Debian poppler-utils";
  const std::string text = text_of(render_fiche_pdf(sample()));
  EXPECT_NE(text.find("FICHE DE LIAISON — ACCOMPAGNEMENT GLOBAL"), std::string::npos) << text;
  EXPECT_NE(text.find("Pas-de-Calais (62) — convention 2024-2025"), std::string::npos);
  EXPECT_NE(text.find("Lefèvre-D'Aubigné"), std::string::npos) << text;
  EXPECT_NE(text.find("Élodie"), std::string::npos);
  EXPECT_NE(text.find("03/07/1988"), std::string::npos);
  EXPECT_NE(text.find("12 rue de l'Église, 62000 Arras"), std::string::npos);
  EXPECT_NE(text.find("1234567A"), std::string::npos);
  EXPECT_NE(text.find("7654321"), std::string::npos);
  EXPECT_NE(text.find("Anaïs"), std::string::npos);
  EXPECT_NE(text.find("Agence d'Arras"), std::string::npos);
  // The prescriber's row comes first, then the person's.
  EXPECT_NE(line_with(text, "Courriel", 0).find("anais.dupre@francetravail.fr"), std::string::npos);
  EXPECT_NE(line_with(text, "Courriel", 1).find("Non communiqué"), std::string::npos)
      << "an absent e-mail must read « Non communiqué »";
  EXPECT_NE(line_with(text, "Bénéficiaire du RSA").find("Oui"), std::string::npos);
  EXPECT_NE(line_with(text, "RQTH").find("Non"), std::string::npos);
  EXPECT_NE(line_with(text, "Orientation accompagnement global").find("Oui"), std::string::npos)
      << "the value stays on the label's line";
  EXPECT_NE(line_with(text, "Situation familiale").find("Seul(e)"), std::string::npos);
  EXPECT_NE(line_with(text, "Nombre d'enfants à charge").find("2"), std::string::npos);
  EXPECT_NE(text.find("Accord bilatéral"), std::string::npos);
  EXPECT_NE(text.find("22/11/2026 à 10:15"), std::string::npos);
  EXPECT_NE(text.find("à transmettre de façon sécurisée"), std::string::npos);
}

TEST_F(FichePdfTest, ChecksExactlyTheChosenObstacles) {
  ASSERT_TRUE(has_tool("pdftotext"))
      << "pdftotext est introuvable : installez le paquet Debian poppler-utils";
  const FicheData f = sample();
  const std::string text = text_of(render_fiche_pdf(f));
  EXPECT_EQ(count(text, "☒"), 3u) << text;
  EXPECT_EQ(count(text, "☐"), 4u) << text;
  for (std::size_t i = 0; i < binome::domain::kPeripheralObstacles.size(); ++i) {
    const std::string label(binome::domain::kPeripheralObstacles[i].label);
    const std::string line = line_with(text, label);
    ASSERT_FALSE(line.empty()) << "libellé absent : " << label << "\n" << text;
    EXPECT_NE(line.find(f.obstacles[i] ? "☒" : "☐"), std::string::npos) << line;
  }
}

TEST_F(FichePdfTest, CarriesTheFixedWordingAndTheDecision) {
  ASSERT_TRUE(has_tool("pdftotext"))
      << "pdftotext est introuvable : installez le paquet Debian poppler-utils";
  const std::string text = text_of(render_fiche_pdf(sample()));
  EXPECT_NE(text.find("Aucune information d'ordre économique et financière ne doit être "
                      "communiquée"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("OUI — entrée prévue le 12/12/2026"), std::string::npos);
  EXPECT_NE(text.find("Consentement recueilli par"), std::string::npos);
  EXPECT_NE(text.find("Date et signature de la personne"), std::string::npos);
  EXPECT_NE(text.find("Le 20/11/2026"), std::string::npos);
  EXPECT_NE(text.find("droit d'accès, de"), std::string::npos);
}

TEST_F(FichePdfTest, PendingDecisionAndLongValuesWrap) {
  ASSERT_TRUE(has_tool("pdftotext"))
      << "pdftotext est introuvable : installez le paquet Debian poppler-utils";
  FicheData f = sample();
  f.decision.reset();
  f.phone.reset();
  f.ft_id.reset();
  f.partner_structure =
      "Association intercommunale pour l'insertion, la formation et "
      "l'accompagnement social des habitants du bassin minier";
  f.street = std::string(300, 'x');  // one unbreakable word: cut, not lost off the page
  const std::string text = text_of(render_fiche_pdf(f));
  EXPECT_NE(line_with(text, "Décision :").find("En attente"), std::string::npos) << text;
  EXPECT_NE(line_with(text, "Téléphone", 1).find("Non communiqué"), std::string::npos) << text;
  EXPECT_NE(line_with(text, "Identifiant France Travail").find("Non communiqué"),
            std::string::npos);
  EXPECT_NE(text.find("bassin minier"), std::string::npos);
  std::size_t xs = 0;
  for (char c : text) xs += c == 'x' ? 1 : 0;
  EXPECT_GE(xs, 300u);
}

TEST_F(FichePdfTest, InvalidUtf8NeitherCrashesNorHangs) {
  FicheData f = sample();
  f.last_name = "Le\xC3\xA8\xFF\xC3" + std::string(200, '\xE9');
  f.commune = "\xF0\x9F";
  try {
    EXPECT_EQ(render_fiche_pdf(f).substr(0, 5), "%PDF-");
  } catch (const std::runtime_error&) {
    SUCCEED() << "refused with a message: acceptable";
  }
}

TEST_F(FichePdfTest, OverflowGoesOnNumberedPages) {
  ASSERT_TRUE(has_tool("pdftotext"))
      << "pdftotext est introuvable : installez le paquet Debian poppler-utils";
  FicheData f = sample();
  std::string motif = "NON — motif :";
  for (int i = 0; i < 2000; ++i) motif += " refus";  // longer than a whole page
  motif += " fin-du-motif";
  f.decision = motif;
  const std::string text = text_of(render_fiche_pdf(f));
  const auto first = text.find("page 1/");
  ASSERT_NE(first, std::string::npos) << text;
  const int pages = std::atoi(text.c_str() + first + 7);
  EXPECT_GE(pages, 3);
  EXPECT_NE(text.find("page " + std::to_string(pages) + "/" + std::to_string(pages)),
            std::string::npos);
  EXPECT_NE(text.find("fin-du-motif"), std::string::npos);
  EXPECT_EQ(count(text, "refus"), 2000u) << "no line lost at a page break";
  EXPECT_EQ(count(text, "Document généré le 22/11/2026"), static_cast<std::size_t>(pages));
}

}  // namespace
