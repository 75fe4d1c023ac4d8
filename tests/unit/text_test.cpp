// Folding French names for search, and checking form text is clean UTF-8.
#include "domain/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using binome::domain::fold_for_search;
using binome::domain::is_clean_utf8;

TEST(FoldForSearchTest, AccentsCaseHyphensAndApostrophes) {
  EXPECT_EQ(fold_for_search("Lefèvre-D'Aubigné"), "lefevre d aubigne");
  EXPECT_EQ(fold_for_search("ÉLODIE"), "elodie");
  EXPECT_EQ(fold_for_search("Jean-François"), "jean francois");
}

TEST(FoldForSearchTest, Ligatures) {
  EXPECT_EQ(fold_for_search("Œuvre cœur"), "oeuvre coeur");
  EXPECT_EQ(fold_for_search("Lætitia"), "laetitia");
  EXPECT_EQ(fold_for_search("ÆSCHNE"), "aeschne");
  EXPECT_EQ(fold_for_search("Strauß"), "strauss");
}

TEST(FoldForSearchTest, AllFrenchAccentedLetters) {
  EXPECT_EQ(fold_for_search("àâäçéèêëîïôöùûüÿ"), "aaaceeeeiioouuuy");
  EXPECT_EQ(fold_for_search("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"), "aaaceeeeiioouuuy");
}

TEST(FoldForSearchTest, LatinExtendedALetters) {
  EXPECT_EQ(fold_for_search("Łukasz Dvořák Şahin"), "lukasz dvorak sahin");
  EXPECT_EQ(fold_for_search("Żaneta Ćosić"), "zaneta cosic");
}

TEST(FoldForSearchTest, TypographicApostropheAndSpaceRuns) {
  EXPECT_EQ(fold_for_search("D\u2019Aubigné"), "d aubigne");
  EXPECT_EQ(fold_for_search("  Le   Goff -  "), "le goff");
  EXPECT_EQ(fold_for_search("O'--Neil"), "o neil");
  EXPECT_EQ(fold_for_search("a\tb"), "a b");
}

TEST(FoldForSearchTest, SameFoldForVariantsOfTheSameName) {
  EXPECT_EQ(fold_for_search("LEFEVRE-D'AUBIGNE"), fold_for_search("lefèvre d\u2019aubigné"));
}

TEST(FoldForSearchTest, EmptyAndPlainInputs) {
  EXPECT_EQ(fold_for_search(""), "");
  EXPECT_EQ(fold_for_search("---"), "");
  EXPECT_EQ(fold_for_search("martin 62"), "martin 62");
}

TEST(FoldForSearchTest, OtherScriptsAreKept) {
  // Letters with no Latin base are kept as they are rather than dropped.
  EXPECT_EQ(fold_for_search("Ωmega"), "Ωmega");
}

TEST(FoldForSearchTest, TruncatedSequenceDoesNotReadPastTheEnd) {
  const std::string truncated = std::string("abc") + "\xC3";  // first byte of "é" only
  EXPECT_EQ(fold_for_search(truncated), "abc");
}

TEST(IsCleanUtf8Test, AcceptsFrenchText) {
  EXPECT_TRUE(is_clean_utf8(""));
  EXPECT_TRUE(is_clean_utf8("Lefèvre-D'Aubigné"));
  EXPECT_TRUE(is_clean_utf8("Cœur d\u2019Élodie — 62000 Arras"));
  EXPECT_TRUE(is_clean_utf8("emoji \U0001F600"));
}

TEST(IsCleanUtf8Test, RejectsControlCharacters) {
  EXPECT_FALSE(is_clean_utf8("abc\n"));
  EXPECT_FALSE(is_clean_utf8("a\rb"));
  EXPECT_FALSE(is_clean_utf8("a\tb"));
  EXPECT_FALSE(is_clean_utf8(std::string("a\0b", 3)));
  EXPECT_FALSE(is_clean_utf8("a\x1B[31mb"));
  EXPECT_FALSE(is_clean_utf8("a\x7F"));
}

TEST(IsCleanUtf8Test, RejectsInvalidSequences) {
  EXPECT_FALSE(is_clean_utf8("\xC3"));          // truncated
  EXPECT_FALSE(is_clean_utf8("caf\xE9"));       // Latin-1, not UTF-8
  EXPECT_FALSE(is_clean_utf8("\x80"));          // lone continuation byte
  EXPECT_FALSE(is_clean_utf8("\xC3\x28"));      // bad continuation
  EXPECT_FALSE(is_clean_utf8("\xC0\xAF"));      // overlong "/"
  EXPECT_FALSE(is_clean_utf8("\xE2\x82"));      // truncated 3-byte
  EXPECT_FALSE(is_clean_utf8("\xF0\x9F\x98"));  // truncated 4-byte
  EXPECT_FALSE(is_clean_utf8("\xFF"));
  EXPECT_FALSE(is_clean_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
}

// Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 (RFC 3629).
TEST(IsCleanUtf8Test, RejectsOverlongSurrogatesAndOutOfRangeSequences) {
  EXPECT_FALSE(is_clean_utf8("\xE0\x80\xAF"));      // overlong 3-byte "/"
  EXPECT_FALSE(is_clean_utf8("\xF0\x80\x80\xAF"));  // overlong 4-byte "/"
  EXPECT_FALSE(is_clean_utf8("\xED\xA0\x80"));      // UTF-16 surrogate U+D800
  EXPECT_FALSE(is_clean_utf8("\xF4\x90\x80\x80"));  // U+110000, beyond Unicode
  EXPECT_FALSE(is_clean_utf8("\xF5\x80\x80\x80"));  // lead byte never valid
}

// C1 control characters (U+0080..U+009F) are control characters too.
TEST(IsCleanUtf8Test, RejectsC1ControlCharacters) {
  EXPECT_FALSE(
      is_clean_utf8("a\xC2\x85"
                    "b"));  // U+0085 NEL
  EXPECT_FALSE(
      is_clean_utf8("a\xC2\x9B"
                    "31mb"));  // U+009B CSI
}

}  // namespace
