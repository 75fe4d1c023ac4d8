// Hostile or broken files are refused with a diagnostic, never expanded, fetched or crashed on.
#include <gtest/gtest.h>

#include "flows_support.hpp"

namespace binome::flows::testing {
namespace {

const std::string kDecl = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n";

TEST(FlowHostile, BillionLaughsIsRefusedBeforeAnyExpansion) {
  std::string doc = kDecl + "<!DOCTYPE flux [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i)
    doc += "<!ENTITY lol" + std::to_string(i) + " \"" + [&] {
      std::string s;
      for (int k = 0; k < 10; ++k)
        s += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
      return s;
    }() + "\">\n";
  doc += "]>\n<flux>&lol9;</flux>\n";
  const auto out = validate(doc);
  ASSERT_TRUE(out.has("XML")) << out.dump();
  EXPECT_NE(out.of("XML")[0].message.find("DOCTYPE"), std::string::npos);
  EXPECT_TRUE(out.summary.file_error);
  EXPECT_EQ(out.summary.dossiers, 0u);
}

TEST(FlowHostile, ExternalEntityIsNeverFetched) {
  const std::string doc = kDecl +
                          "<!DOCTYPE flux [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                          "<flux><entete><fichier>&xxe;</fichier></entete></flux>\n";
  const auto out = validate(doc);
  ASSERT_TRUE(out.has("XML")) << out.dump();
  EXPECT_EQ(out.diagnostics.size(), 1u) << out.dump();
  EXPECT_FALSE(out.summary.header.has(Field::fichier)) << "nothing read past the DOCTYPE";
}

TEST(FlowHostile, ExternalDtdIsRefusedToo) {
  const auto out = validate(kDecl + "<!DOCTYPE flux SYSTEM \"http://example.org/x.dtd\">\n<flux/>");
  EXPECT_TRUE(out.has("XML")) << out.dump();
}

TEST(FlowHostile, UndeclaredEntityIsNotWellFormed) {
  const auto out = validate(edit(sample("pecgm"), "<prenom>Moussa", "<prenom>&moussa;"));
  EXPECT_TRUE(out.has("XML")) << out.dump();
}

TEST(FlowHostile, EmptyFile) {
  const auto out = validate("");
  ASSERT_EQ(out.diagnostics.size(), 1u) << out.dump();
  EXPECT_EQ(out.diagnostics[0].rule, "XML");
  EXPECT_EQ(out.diagnostics[0].message, "fichier vide");
  EXPECT_TRUE(out.summary.file_error);
}

TEST(FlowHostile, TruncatedFileIsRejectedWithItsLine) {
  const std::string doc = sample("pecgm");
  for (std::size_t cut : {doc.size() / 3, doc.size() / 2, doc.size() - 10}) {
    const auto out = validate(doc.substr(0, cut));
    ASSERT_TRUE(out.has("XML")) << cut << "\n" << out.dump();
    EXPECT_GT(out.of("XML")[0].line, 1u);
    EXPECT_TRUE(out.summary.file_error);
    EXPECT_EQ(out.summary.valid_dossiers, 0u);
  }
}

TEST(FlowHostile, Utf16AndUtf8BomAreAnotherEncoding) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<?xml version=\"1.0\"?><flux/>")) utf16 += std::string{c, '\0'};
  auto out = validate(utf16);
  ASSERT_TRUE(out.has("F5")) << out.dump();
  EXPECT_NE(out.of("F5")[0].message.find("UTF-16"), std::string::npos);
  out = validate("\xEF\xBB\xBF" + sample("pecgm"));
  ASSERT_TRUE(out.has("F5")) << out.dump();
  EXPECT_TRUE(out.summary.file_error);
  std::string nul_no_bom;
  for (char c : std::string("<?xml version=\"1.0\"?><flux/>")) nul_no_bom += std::string{c, '\0'};
  EXPECT_TRUE(validate(nul_no_bom).has("F5"));
}

TEST(FlowHostile, GarbageAndControlCharacters) {
  EXPECT_TRUE(validate("\x01\x02\x03 not xml at all").has("XML"));
  EXPECT_TRUE(validate(edit(sample("pecgm"), "Moussa", "Mou\x01ssa")).has("XML"));
  EXPECT_TRUE(validate(sample("pecgm") + "<flux/>").has("XML"));
}

TEST(FlowHostile, HugeValueStaysBounded) {
  const auto out =
      validate(edit(sample("pecgm"), "<prenom>Moussa", "<prenom>" + std::string(5'000'000, 'A')));
  ASSERT_TRUE(out.has("SCHEMA")) << out.dump().substr(0, 2000);
  EXPECT_LT(out.of("SCHEMA")[0].message.size(), 2000u);
}

TEST(FlowHostile, DeepNestingInsideAnUnexpectedElement) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<a>";
  for (int i = 0; i < 5000; ++i) deep += "</a>";
  const auto out =
      validate(edit(sample("pecgm"), "<date-dernier-ent>", deep + "<date-dernier-ent>"));
  EXPECT_EQ(out.of("SCHEMA").size(), 1u) << "one report for the whole skipped subtree";
}

}  // namespace
}  // namespace binome::flows::testing
