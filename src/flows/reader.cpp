#include "flows/reader.hpp"

#include <expat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "flows/person_keys.hpp"
#include "flows/rules.hpp"

namespace binome::flows {
namespace {

constexpr std::size_t kMaxText = 1024;       // longer than any type allows: the rest is counted
constexpr std::size_t kPrologueBytes = 512;  // enough for the XML declaration

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

std::string expat_message(XML_Error code) {
  std::string m;
  switch (code) {
    case XML_ERROR_NO_ELEMENTS:
      m = "fin de fichier inattendue : fichier vide ou tronqué";
      break;
    case XML_ERROR_INVALID_TOKEN:
      m = "caractère ou balise invalide";
      break;
    case XML_ERROR_UNCLOSED_TOKEN:
      m = "balise non fermée (fichier tronqué ?)";
      break;
    case XML_ERROR_PARTIAL_CHAR:
      m = "caractère incomplet";
      break;
    case XML_ERROR_TAG_MISMATCH:
      m = "la balise fermante ne correspond pas à la balise ouverte";
      break;
    case XML_ERROR_DUPLICATE_ATTRIBUTE:
      m = "attribut répété";
      break;
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
      m = "contenu après l'élément racine";
      break;
    case XML_ERROR_UNDEFINED_ENTITY:
      m = "entité non définie (seules &lt; &gt; &amp; &quot; &apos; et les références "
          "numériques sont admises)";
      break;
    case XML_ERROR_BAD_CHAR_REF:
      m = "référence de caractère invalide";
      break;
    case XML_ERROR_MISPLACED_XML_PI:
      m = "déclaration XML mal placée";
      break;
    case XML_ERROR_UNCLOSED_CDATA_SECTION:
      m = "section CDATA non fermée";
      break;
    default:
      m = "XML mal formé";
  }
  return m + " (expat : " + XML_ErrorString(code) + ")";
}

}  // namespace

class FlowReader::Impl {
 public:
  Impl(domain::Date today, ReaderCallbacks cb) : today_(today), cb_(std::move(cb)) {
    parser_ = XML_ParserCreate("ISO-8859-1");  // overrides the declaration: F5 checks it
    if (!parser_) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &Impl::on_start, &Impl::on_end);
    XML_SetCharacterDataHandler(parser_, &Impl::on_text);
    XML_SetStartDoctypeDeclHandler(parser_, &Impl::on_doctype);
    XML_SetEntityDeclHandler(parser_, &Impl::on_entity);
    XML_SetExternalEntityRefHandler(parser_, &Impl::on_external);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
    text_.reserve(kMaxText);
  }
  ~Impl() { XML_ParserFree(parser_); }

  void feed(std::string_view bytes) {
    if (!prologue_done_) {
      const std::size_t take = std::min(bytes.size(), kPrologueBytes - prefix_.size());
      prefix_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (prefix_.size() < kPrologueBytes) return;
      start_parse();
    }
    parse(bytes, false);
  }

  void stop() {
    stopped_ = true;
    XML_StopParser(parser_, XML_FALSE);
  }
  bool stopped() const { return stopped_; }

  FileSummary finish() {
    if (!prologue_done_) start_parse();
    parse({}, true);
    if (encoding_utf8_hits_)
      file_error("F5",
                 "le fichier semble encodé en UTF-8 (séquence multioctet à l'octet " +
                     std::to_string(encoding_utf8_first_) + ", " +
                     std::to_string(encoding_utf8_hits_) + " au total) : ISO-8859-1 attendu",
                 0, {});
    if (encoding_c1_hits_)
      file_error("F5",
                 "octet " + hex(encoding_c1_byte_) + " non valide en ISO-8859-1 à l'octet " +
                     std::to_string(encoding_c1_first_) + " (" + std::to_string(encoding_c1_hits_) +
                     " au total)",
                 0, {});
    if (!xml_failed_ && !stopped_ && flow_) {
      check_file(*flow_, header_, dossiers_, today_,
                 [&](Field f, const char* rule, Severity s, std::string msg, unsigned long line) {
                   emit(Level::file, s, 0, line, field_path(f), rule, std::move(msg), false);
                 });
    }
    FileSummary out;
    out.flow = flow_;
    out.header = header_;
    out.dossiers = dossiers_;
    out.file_error = file_error_;
    out.valid_dossiers = file_error_ ? 0 : valid_;
    out.errors = errors_;
    out.warnings = warnings_;
    return out;
  }

 private:
  struct Frame {
    const Node* node;
    std::size_t idx = 0;  // position in node->children
    unsigned count = 0;   // occurrences of children[idx] so far
    unsigned long line = 0;
    bool text_reported = false;
    bool bad = false;  // leaf already reported (child element inside)
  };

  static std::string hex(unsigned char b) {
    static const char* d = "0123456789ABCDEF";
    return std::string("0x") + d[b >> 4] + d[b & 15];
  }

  // Line of the current event. Expat's own XML_GetCurrentLineNumber rescans the bytes since
  // its last call, once more over the whole file; the newlines of the current and previous
  // chunks are indexed here instead (events point into them), expat answering only for an
  // event further back (a tag longer than a chunk). Line ends are counted on '\n'.
  unsigned long line() const {
    const auto at = XML_GetCurrentByteIndex(parser_);
    if (at < 0 || std::uint64_t(at) < window_start_) return XML_GetCurrentLineNumber(parser_);
    // Events move forward: walk on from the last answer (amortised constant time).
    if (std::uint64_t(at) < cursor_at_)
      cursor_ =
          std::size_t(std::lower_bound(newlines_.begin(), newlines_.end(), std::uint64_t(at)) -
                      newlines_.begin());
    while (cursor_ < newlines_.size() && newlines_[cursor_] < std::uint64_t(at)) ++cursor_;
    cursor_at_ = std::uint64_t(at);
    return 1 + lines_before_window_ + static_cast<unsigned long>(cursor_);
  }
  void index_newlines(std::string_view bytes) {
    // Keep the previous chunk's newlines, drop older ones.
    const auto keep_from =
        std::lower_bound(newlines_.begin(), newlines_.end(), previous_chunk_start_);
    const auto dropped = std::size_t(keep_from - newlines_.begin());
    lines_before_window_ += static_cast<unsigned long>(dropped);
    newlines_.erase(newlines_.begin(), keep_from);
    cursor_ -= std::min(cursor_, dropped);
    window_start_ = previous_chunk_start_;
    previous_chunk_start_ = offset_;
    for (const char* p = bytes.data(); p && p < bytes.data() + bytes.size();) {
      p = static_cast<const char*>(
          std::memchr(p, '\n', std::size_t(bytes.data() + bytes.size() - p)));
      if (p) newlines_.push_back(offset_ + std::uint64_t(p - bytes.data())), ++p;
    }
  }

  void emit(Level level, Severity severity, std::size_t dossier, unsigned long line,
            std::string field, const char* rule, std::string message, bool from_schema) {
    if (severity == Severity::error) {
      ++errors_;
      if (level == Level::file)
        file_error_ = true;
      else
        dossier_error_ = true;
    } else {
      ++warnings_;
    }
    if (cb_.on_diagnostic)
      cb_.on_diagnostic(Diagnostic{level, severity, dossier, line, std::move(field), rule,
                                   std::move(message), from_schema});
  }
  void file_error(const char* rule, std::string message, unsigned long line, std::string field) {
    emit(Level::file, Severity::error, 0, line, std::move(field), rule, std::move(message), false);
  }
  // A violation of the schema where it happens: in a dossier it rejects that record only.
  void schema_error(std::string field, std::string message, const char* rule = "SCHEMA") {
    if (in_dossier_)
      emit(Level::record, Severity::error, dossiers_, line(), std::move(field), rule,
           std::move(message), true);
    else
      emit(Level::file, Severity::error, 0, line(), std::move(field), rule, std::move(message),
           true);
  }

  // F5 on the declaration, before expat sees anything.
  void start_parse() {
    prologue_done_ = true;
    const std::string& p = prefix_;
    if (p.empty()) {
      parse({}, false);
      return;
    }
    const auto u = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
    if (p.size() >= 2 && ((u(0) == 0xFF && u(1) == 0xFE) || (u(0) == 0xFE && u(1) == 0xFF))) {
      file_error("F5",
                 "fichier en UTF-16 (marque d'ordre des octets à l'octet 0) : ISO-8859-1 "
                 "attendu",
                 0, {});
      stopped_ = true;
      return;
    }
    if (p.size() >= 3 && u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) {
      file_error("F5",
                 "fichier en UTF-8 (marque d'ordre des octets à l'octet 0) : ISO-8859-1 "
                 "attendu",
                 0, {});
      stopped_ = true;
      return;
    }
    if (const auto nul = p.find('\0'); nul != std::string::npos) {
      file_error("F5",
                 "octet nul à l'octet " + std::to_string(nul) +
                     " : fichier en UTF-16 ou UTF-32 ? ISO-8859-1 attendu",
                 0, {});
      stopped_ = true;
      return;
    }
    if (p.rfind("<?xml", 0) != 0) {
      file_error("F5",
                 "déclaration XML absente : <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?> "
                 "attendue en tête de fichier",
                 1, {});
    } else {
      const auto end = p.find("?>");
      const std::string decl = p.substr(0, end);
      const auto at = decl.find("encoding");
      std::string encoding;
      if (at != std::string::npos) {
        auto q = decl.find_first_of("\"'", at);
        if (q != std::string::npos) {
          const auto close = decl.find(decl[q], q + 1);
          if (close != std::string::npos) encoding = decl.substr(q + 1, close - q - 1);
        }
      }
      if (encoding.empty())
        file_error("F5",
                   "la déclaration XML ne dit pas l'encodage (UTF-8 par défaut) : "
                   "encoding=\"ISO-8859-1\" attendu",
                   1, {});
      else if (lower(encoding) != "iso-8859-1")
        file_error("F5", "encodage déclaré « " + encoding + " » : ISO-8859-1 attendu", 1, {});
    }
    std::string prefix = std::move(prefix_);
    prefix_.clear();
    parse(prefix, false);
  }

  // Bytes an ISO-8859-1 file cannot hold (C1 controls) or that betray UTF-8.
  void scan(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      // Fast path: eight ASCII bytes at a time (most of a file).
      if (!prev_lead_ && i + 8 <= bytes.size()) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        if (!(word & 0x8080808080808080ull)) {
          i += 7;
          continue;
        }
      }
      const auto b = static_cast<unsigned char>(bytes[i]);
      const std::size_t offset = offset_ + i;
      if (!(b & 0x80)) {
        prev_lead_ = false;
        continue;
      }
      if (prev_lead_ && b <= 0xBF) {
        if (!encoding_utf8_hits_++) encoding_utf8_first_ = offset - 1;
        prev_lead_ = false;
        continue;
      }
      if (b <= 0x9F) {
        if (!encoding_c1_hits_++) {
          encoding_c1_first_ = offset;
          encoding_c1_byte_ = b;
        }
      }
      prev_lead_ = b >= 0xC2 && b <= 0xF4;
    }
    offset_ += bytes.size();
  }

  void parse(std::string_view bytes, bool final) {
    if (xml_failed_ || stopped_) return;
    index_newlines(bytes);
    scan(bytes);
    if (XML_Parse(parser_, bytes.data(), int(bytes.size()), final) == XML_STATUS_ERROR) {
      xml_failed_ = true;
      const XML_Error code = XML_GetErrorCode(parser_);
      if (code == XML_ERROR_ABORTED) return;  // DOCTYPE or entity: already reported
      if (offset_ == 0) {
        file_error("XML", "fichier vide", 0, {});
        return;
      }
      file_error("XML",
                 expat_message(code) + ", ligne " + std::to_string(line()) + ", colonne " +
                     std::to_string(XML_GetCurrentColumnNumber(parser_)) + ", octet " +
                     std::to_string(XML_GetCurrentByteIndex(parser_)),
                 line(), {});
    }
  }

  void refuse(const std::string& what) {
    file_error("XML",
               what +
                   " refusée : les flux n'admettent ni DTD ni entités (rien n'est "
                   "développé ni téléchargé)",
               line(), {});
    XML_StopParser(parser_, XML_FALSE);
  }

  static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*,
                                 int) {
    static_cast<Impl*>(self)->refuse("déclaration DOCTYPE");
  }
  static void XMLCALL on_entity(void* self, const XML_Char*, int, const XML_Char*, int,
                                const XML_Char*, const XML_Char*, const XML_Char*,
                                const XML_Char*) {
    static_cast<Impl*>(self)->refuse("déclaration d'entité");
  }
  static int XMLCALL on_external(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                                 const XML_Char*) {
    return XML_STATUS_ERROR;
  }
  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attrs) {
    static_cast<Impl*>(self)->start(name, attrs);
  }
  static void XMLCALL on_end(void* self, const XML_Char*) { static_cast<Impl*>(self)->end(); }
  static void XMLCALL on_text(void* self, const XML_Char* s, int len) {
    static_cast<Impl*>(self)->text(std::string_view(s, std::size_t(len)));
  }

  Values& target() { return in_dossier_ ? dossier_ : header_; }

  void check_attributes(const Node& node, const XML_Char** attrs) {
    for (std::size_t i = 0; attrs[i]; i += 2) {
      const std::string_view a = attrs[i];
      if (a.rfind("xmlns:", 0) == 0 || a.rfind("xsi:", 0) == 0) continue;
      if (a == "xmlns" && !*attrs[i + 1]) continue;
      schema_error(node.path, a == "xmlns" ? "espace de noms « " + std::string(attrs[i + 1]) +
                                                 " » non prévu par le schéma"
                                           : "attribut « " + std::string(a) + " » non prévu sur <" +
                                                 node.name + ">");
    }
  }

  // Children still owed from position `from` of frame f (those with fewer than minOccurs).
  void report_missing(const Frame& f, std::size_t from, std::size_t to) {
    const auto& ch = f.node->children;
    for (std::size_t j = from; j < to; ++j) {
      const unsigned have = j == f.idx ? f.count : 0;
      if (have < ch[j].min)
        schema_error(ch[j].node->path,
                     "élément <" + ch[j].node->name + "> manquant dans <" + f.node->name + ">");
    }
  }

  void start(const char* raw_name, const XML_Char** attrs) {
    const std::string_view name(raw_name);
    if (skip_depth_) {
      ++skip_depth_;
      return;
    }
    if (stack_.empty()) {
      const Node& root = generic_root();
      if (root.name != name) {
        schema_error({}, "élément racine <" + std::string(name) + "> : <flux> attendu");
        skip_depth_ = 1;
        return;
      }
      check_attributes(root, attrs);
      stack_.push_back(Frame{&root, 0, 0, line()});
      return;
    }
    Frame& f = stack_.back();
    if (f.node->type) {
      schema_error(f.node->path, "élément <" + std::string(name) + "> non autorisé dans <" +
                                     f.node->name + "> (valeur simple attendue)");
      f.bad = true;
      skip_depth_ = 1;
      return;
    }
    const auto& ch = f.node->children;
    std::size_t found = ch.size();
    for (std::size_t i = f.idx; i < ch.size(); ++i) {
      const unsigned have = i == f.idx ? f.count : 0;
      if (ch[i].node->name == name && have < ch[i].max) {
        found = i;
        break;
      }
    }
    if (found == ch.size()) {
      std::string expected;
      for (std::size_t i = f.idx; i < ch.size(); ++i) {
        const unsigned have = i == f.idx ? f.count : 0;
        if (have >= ch[i].max) continue;
        expected += (expected.empty() ? "<" : ", <") + ch[i].node->name + ">";
        if (have < ch[i].min) break;
      }
      schema_error(
          f.node->path == "flux" ? std::string(name) : f.node->path + "/" + std::string(name),
          "élément <" + std::string(name) + "> inattendu dans <" + f.node->name + ">" +
              (expected.empty() ? std::string(" (plus rien n'y est attendu)")
                                : " (attendu : " + expected + ")"));
      skip_depth_ = 1;
      return;
    }
    if (found != f.idx) report_missing(f, f.idx, found);
    f.count = found == f.idx ? f.count + 1 : 1;
    f.idx = found;
    const Node& node = *ch[found].node;
    const unsigned long here = line();
    if (stack_.size() == 1 && node.name == "dossier") {
      ++dossiers_;
      dossier_line_ = here;
      dossier_error_ = false;
      if (!flow_) {  // no known flow: dossiers are only counted
        skip_depth_ = 1;
        return;
      }
      in_dossier_ = true;
      dossier_.clear();
    }
    check_attributes(node, attrs);
    if (node.field != Field::none) {
      Values& v = target();
      const auto k = static_cast<std::size_t>(node.field);
      v.present[k] = true;
      v.line[k] = here;
    }
    if (node.type) {
      text_.clear();
      text_overflow_ = false;
    }
    stack_.push_back(Frame{&node, 0, 0, here});
  }

  void text(std::string_view s) {
    if (skip_depth_ || stack_.empty()) return;
    Frame& f = stack_.back();
    if (f.node->type) {
      const std::size_t room = kMaxText - text_.size();
      if (s.size() > room) text_overflow_ = true;
      text_.append(s.substr(0, room));
      return;
    }
    if (f.text_reported) return;
    for (char c : s)
      if (!is_space(c)) {
        f.text_reported = true;
        schema_error(f.node->path,
                     "texte non autorisé dans <" + f.node->name + "> (éléments seulement)");
        return;
      }
  }

  void end() {
    if (skip_depth_) {
      --skip_depth_;
      return;
    }
    if (stack_.empty()) return;
    Frame f = stack_.back();
    const Node& node = *f.node;
    if (node.type) {
      Values& v = target();
      const auto k = static_cast<std::size_t>(node.field);
      v.text[k].swap(text_);  // no copy: text_ takes the old buffer, cleared at next leaf
      const std::string& value = v.text[k];
      if (f.bad) {
        v.bad[k] = true;
      } else {
        std::string problem =
            text_overflow_ ? "valeur trop longue (plus de " + std::to_string(kMaxText) + " octets)"
                           : node.type->check(value);
        if (!problem.empty()) {
          v.bad[k] = true;
          const char* rule = node.type->name == "nomMajuscule25" ? "R3"
                             : node.type->name == "nir13"        ? "R8"
                                                                 : "SCHEMA";
          schema_error(node.path, "<" + node.name + "> : " + problem, rule);
        }
      }
    } else {
      report_missing(f, f.idx, node.children.size());
    }
    stack_.pop_back();
    if (node.field == Field::fichier && stack_.size() == 2 && !flow_ &&
        !header_.bad[k(Field::fichier)]) {
      flow_ = flow_of_fichier(header_.get(Field::fichier));
      if (flow_) {  // same structure so far: go on in the flow's own tree
        stack_[0].node = &schema_root(*flow_);
        stack_[1].node = stack_[0].node->children[0].node;
      }
    }
    if (in_dossier_ && stack_.size() == 1) end_dossier();
    if (stack_.size() == 1 && node.name == "entete" && flow_ && cb_.on_header)
      cb_.on_header(*flow_, header_, !file_error_);
  }

  static std::size_t k(Field f) { return static_cast<std::size_t>(f); }

  void end_dossier() {
    // R10 on well-typed keys only.
    std::optional<std::uint64_t> key;
    if (dossier_.ok(Field::nir))
      key = nir_key(dossier_.get(Field::nir));
    else if (dossier_.ok(Field::code_pe) && dossier_.ok(Field::identifiant_pe))
      key = ft_key(dossier_.get(Field::code_pe), dossier_.get(Field::identifiant_pe));
    if (key)
      if (auto earlier = keys_.insert(*key, std::uint32_t(dossiers_)))
        emit(Level::record, Severity::error, dossiers_, dossier_line_,
             dossier_.ok(Field::nir) ? "individu/nir" : "allocataire/identifiant-pe", "R10",
             "même personne que le dossier " + std::to_string(*earlier) +
                 " (NIR, sinon code-pe et identifiant-pe)",
             false);
    check_record(*flow_, dossier_, header_, today_,
                 [&](Field f, const char* rule, Severity s, std::string msg, unsigned long l) {
                   emit(Level::record, s, dossiers_, l ? l : dossier_line_, field_path(f), rule,
                        std::move(msg), false);
                 });
    if (!dossier_error_) ++valid_;
    if (cb_.on_dossier) cb_.on_dossier(dossiers_, dossier_line_, dossier_, !dossier_error_);
    in_dossier_ = false;
  }

  domain::Date today_;
  ReaderCallbacks cb_;
  XML_Parser parser_ = nullptr;
  std::string prefix_;
  bool prologue_done_ = false, stopped_ = false, xml_failed_ = false;
  std::size_t offset_ = 0;
  std::vector<std::uint64_t> newlines_;
  std::uint64_t window_start_ = 0, previous_chunk_start_ = 0;
  unsigned long lines_before_window_ = 0;
  mutable std::size_t cursor_ = 0;  // newlines_[cursor_] is the first at or after cursor_at_
  mutable std::uint64_t cursor_at_ = 0;
  bool prev_lead_ = false;
  std::size_t encoding_utf8_hits_ = 0, encoding_utf8_first_ = 0;
  std::size_t encoding_c1_hits_ = 0, encoding_c1_first_ = 0;
  unsigned char encoding_c1_byte_ = 0;

  std::vector<Frame> stack_;
  int skip_depth_ = 0;
  std::string text_;
  bool text_overflow_ = false;
  std::optional<Flow> flow_;
  Values header_, dossier_;
  bool in_dossier_ = false, dossier_error_ = false, file_error_ = false;
  unsigned long dossier_line_ = 0;
  std::size_t dossiers_ = 0, valid_ = 0, errors_ = 0, warnings_ = 0;
  PersonKeySet keys_;
};

FlowReader::FlowReader(domain::Date today, ReaderCallbacks callbacks)
    : impl_(std::make_unique<Impl>(today, std::move(callbacks))) {}
FlowReader::~FlowReader() = default;
void FlowReader::feed(std::string_view bytes) {
  impl_->feed(bytes);
}
void FlowReader::stop() {
  impl_->stop();
}
bool FlowReader::stopped() const {
  return impl_->stopped();
}
FileSummary FlowReader::finish() {
  return impl_->finish();
}

FileSummary read_flow_file(const std::string& path, domain::Date today, ReaderCallbacks callbacks) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw std::runtime_error("« " + path + " » est un dossier, pas un fichier");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int e = errno;
    throw std::runtime_error("impossible d'ouvrir « " + path + " » : " +
                             (e == ENOENT   ? std::string("fichier introuvable")
                              : e == EACCES ? std::string("accès refusé")
                                            : std::string(std::strerror(e))));
  }
  FlowReader reader(today, std::move(callbacks));
  std::vector<char> buffer(64 * 1024);
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    const auto n = in.gcount();
    if (n > 0) reader.feed(std::string_view(buffer.data(), std::size_t(n)));
  }
  if (in.bad()) throw std::runtime_error("lecture de « " + path + " » impossible");
  return reader.finish();
}

}  // namespace binome::flows
