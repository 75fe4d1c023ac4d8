// Reads one entry of a ZIP held in memory (an XLSX is a ZIP of XML parts), with libzip.
#pragma once
#include <zip.h>

#include <optional>
#include <string>

namespace binome::testing {

// `password`: for an encrypted archive (AES-256 ZIP); a wrong one reads nothing.
inline std::optional<std::string> zip_entry(const std::string& bytes, const std::string& name,
                                            const std::string& password = "") {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return std::nullopt;
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(src);
    return std::nullopt;
  }
  if (!password.empty()) zip_set_default_password(archive, password.c_str());
  std::optional<std::string> out;
  zip_stat_t st;
  if (zip_stat(archive, name.c_str(), 0, &st) == 0) {
    if (zip_file_t* f = zip_fopen(archive, name.c_str(), 0)) {
      std::string data(st.size, '\0');
      if (zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size)) out = data;
      zip_fclose(f);
    }
  }
  zip_close(archive);
  return out;
}

}  // namespace binome::testing
