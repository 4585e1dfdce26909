// Builds the NER gazetteer (internal/gazetteer.h) from lists installed with Debian or kept in
// the data directory:
//  * WordNet 3.0 (wordnet-base, data.noun): capitalised instances of noun.person (people;
//    also their first and last words), capitalised lemmas of noun.location (places) and
//    noun.group (organisations and peoples);
//  * ISO 3166-1 country names and ISO 3166-2 subdivision names (iso-codes JSON);
//  * GeoNames cities5000 (name and ASCII name; 100,000 people or more marks a big city);
//  * Phoenix actor dictionaries (PETRARCH format, in the data directory's cameo/): an actor
//    with a dated role is a person, one coded with a bare country code a country, any other
//    an organisation.
// Names are split into words the way UD English tokenizes them (spaces and underscores;
// a comma, or a hyphen, becomes a word of its own; the unsplit hyphenated form is kept too)
// and lowercased.
//
//   GazetteerSources sources;
//   sources.wordnet_dir = "/usr/share/wordnet";
//   KH_ASSIGN_OR_RETURN(internal::Gazetteer gazetteer, BuildGazetteer(sources));
//
// Deterministic. Thread-safety: free functions.
#ifndef KHABAR_NER_GAZETTEER_BUILDER_H_
#define KHABAR_NER_GAZETTEER_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/ner/internal/gazetteer.h"

namespace khabar::ner {

// Empty paths are skipped.
struct GazetteerSources {
  std::string wordnet_dir;               // holds data.noun
  std::string iso_codes_dir;             // holds iso_3166-1.json and iso_3166-2.json
  std::string geonames_path;             // cities5000.txt
  std::vector<std::string> actor_paths;  // Phoenix.*.actors.txt
};

// Errors from reading the files (NotFound names the missing one); DataLoss for JSON that
// does not parse.
StatusOr<internal::Gazetteer> BuildGazetteer(const GazetteerSources& sources);

// The lowercased words of a name, joined by single spaces, in each of its tokenizations
// (at most two); empty for names with more than kMaxGazetteerWords words.
std::vector<std::string> GazetteerNames(std::string_view name);

}  // namespace khabar::ner

#endif  // KHABAR_NER_GAZETTEER_BUILDER_H_
