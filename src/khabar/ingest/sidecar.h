// Sidecar: per-file metadata given in a JSON Lines file (`--meta FILE`), one object a line:
//
//   {"file":"001.txt","outlet":"Some Outlet","title":"...","published":"2019-05-11",
//    "published_precision":"day","url":"https://..."}
//
// `file` is required and matched on the base name of an input file; the other keys are
// optional. Sidecar values fill only what the input itself lacks.
//
//   KH_ASSIGN_OR_RETURN(ingest::Sidecar sidecar, ingest::Sidecar::Parse(bytes, "meta.jsonl"));
//   if (const ingest::SidecarEntry* entry = sidecar.Find("/corpus/001.txt")) ...
//
// Immutable after Parse; safe to share between threads.
#ifndef KHABAR_INGEST_SIDECAR_H_
#define KHABAR_INGEST_SIDECAR_H_

#include <map>
#include <string>
#include <string_view>

#include "khabar/base/status.h"

namespace khabar::ingest {

struct SidecarEntry {
  std::string file;  // base name
  std::string outlet;
  std::string title;
  std::string published;  // "YYYY-MM-DD" (normalised by ParseDate), or empty
  std::string published_precision;
  std::string url;
};

class Sidecar {
 public:
  // Parses sidecar bytes. InvalidArgument naming "path:LINE" for malformed JSON, a line that
  // is not an object, a missing or non-string "file", a non-string value, an unparseable
  // "published" date or a file listed twice. Blank lines are skipped.
  static StatusOr<Sidecar> Parse(std::string_view bytes, std::string_view path);

  // The entry for the base name of `path`, or nullptr.
  const SidecarEntry* Find(std::string_view path) const;

  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, SidecarEntry, std::less<>> entries_;
};

// The last component of a path ("a/b/c.txt" -> "c.txt").
std::string_view BaseName(std::string_view path);

}  // namespace khabar::ingest

#endif  // KHABAR_INGEST_SIDECAR_H_
