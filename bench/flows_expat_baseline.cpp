// Baseline of bench/flows-bench: only parse a file with expat, the way binome's reader feeds
// it (64 KiB reads, ISO-8859-1, element and text handlers that do the least possible), so the
// validator's cost is read against the parser's own in the same run.
#include <expat.h>

#include <cstdio>
#include <fstream>
#include <vector>

namespace {
struct Counts {
  unsigned long elements = 0, text_bytes = 0;
};
void XMLCALL on_start(void* u, const XML_Char*, const XML_Char**) {
  ++static_cast<Counts*>(u)->elements;
}
void XMLCALL on_end(void*, const XML_Char*) {}
void XMLCALL on_text(void* u, const XML_Char*, int len) {
  static_cast<Counts*>(u)->text_bytes += static_cast<unsigned long>(len);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage : flows_expat_baseline FICHIER\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) return 2;
  XML_Parser p = XML_ParserCreate("ISO-8859-1");
  Counts counts;
  XML_SetUserData(p, &counts);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  std::vector<char> buf(64 * 1024);
  int ok = 1;
  while (ok && in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    ok = XML_Parse(p, buf.data(), int(in.gcount()), 0) != XML_STATUS_ERROR;
  }
  ok = ok && XML_Parse(p, nullptr, 0, 1) != XML_STATUS_ERROR;
  std::printf("%lu éléments, %lu octets de texte\n", counts.elements, counts.text_bytes);
  XML_ParserFree(p);
  return ok ? 0 : 1;
}
