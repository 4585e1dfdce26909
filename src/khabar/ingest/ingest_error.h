// IngestError: one problem found while reading input, located by file and line or byte.
//
//   on_error = [](const ingest::IngestError& error) { std::fprintf(stderr, "%s\n",
//   error.ToString().c_str()); };
//
// A value type; distinct objects may be used from distinct threads.
#ifndef KHABAR_INGEST_INGEST_ERROR_H_
#define KHABAR_INGEST_INGEST_ERROR_H_

#include <cstdint>
#include <string>

#include "khabar/base/status.h"

namespace khabar::ingest {

struct IngestError {
  std::string path;          // the input file
  uint64_t line = 0;         // 1-based line, or 0 when the problem is located by byte
  uint64_t byte_offset = 0;  // byte offset in the input file (used when line == 0)
  Status status;             // the code and a one-line message (without the location)

  // "path:LINE: message" when line > 0, else "path: byte N: message" when byte_offset > 0,
  // else "path: message".
  std::string ToString() const;
};

}  // namespace khabar::ingest

#endif  // KHABAR_INGEST_INGEST_ERROR_H_
