// The convocation letter to an appointment of the support, as a PDF.
#pragma once
#include <string>

namespace binome::exports {

// Everything the letter shows, already formatted for reading.
struct ConvocationData {
  std::string person_name, street, postal_code, commune;
  std::string kind_label, date_label, time_label, channel, channel_label, place;
  std::string convener_name, convener_function, convener_structure, convener_phone;
  std::string generated_on;
};

std::string render_convocation_pdf(const ConvocationData& data);

}  // namespace binome::exports
