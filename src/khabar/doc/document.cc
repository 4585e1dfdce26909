#include "khabar/doc/document.h"

namespace khabar::doc {

std::string_view DateSourceName(DateSource source) {
  switch (source) {
    case DateSource::kNone: return "none";
    case DateSource::kInput: return "input";
    case DateSource::kSidecar: return "sidecar";
    case DateSource::kDateline: return "dateline";
    case DateSource::kMetaTag: return "meta";
  }
  return "none";
}

}  // namespace khabar::doc
