#include "khabar/ingest/ingest_error.h"

namespace khabar::ingest {

std::string IngestError::ToString() const {
  std::string out = path;
  if (line > 0) {
    out += ":" + std::to_string(line) + ": ";
  } else if (byte_offset > 0) {
    out += ": byte " + std::to_string(byte_offset) + ": ";
  } else {
    out += ": ";
  }
  out.append(status.message());
  return out;
}

}  // namespace khabar::ingest
