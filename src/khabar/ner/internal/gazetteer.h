// Gazetteer matching for the NER features: a table from a name (its words, ASCII-
// lowercased, joined by one space) to the lists it appears in, as bits (WordNet people,
// places and organisations, countries, regions, cities, Phoenix actors; gazetteer_builder.h
// builds it).
// Each word learns which lists have a name starting at it and which have one covering it
// (Ratinov & Roth 2009 use gazetteers the same way).
//
//   std::vector<GazetteerMatch> matches;
//   MatchGazetteer(gazetteer, sentence, matches);  // per word: begin and inside bits
//
// Thread-safety: Gazetteer is immutable after building; matching uses caller scratch.
#ifndef KHABAR_NER_INTERNAL_GAZETTEER_H_
#define KHABAR_NER_INTERNAL_GAZETTEER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "khabar/ner/internal/hash_table.h"

namespace khabar::ner::internal {

// The lists; stored in the model as the values of the gazetteer table.
enum GazetteerBit : uint32_t {
  kGazPerson = 1,     // WordNet: a specific person (instance of noun.person)
  kGazFirstName = 2,  // the first word of such a person's name
  kGazLastName = 4,   // the last word of such a person's name
  kGazPlace = 8,      // WordNet: a capitalised noun.location lemma
  kGazGroup = 16,     // WordNet: a capitalised noun.group lemma (organisations, peoples)
  kGazCountry = 32,   // ISO 3166-1 names
  kGazRegion = 64,    // ISO 3166-2 subdivision names
  kGazCity = 128,     // GeoNames cities of 5,000 people or more
  kGazBigCity = 256,  // ... of 100,000 or more
  // Phoenix (CAMEO) actor dictionaries, schema 2:
  kGazActorGroup = 512,     // an organisation: IGO, NGO, company, armed group, party, ...
  kGazActorPerson = 1024,   // a person (an actor whose roles are dated)
  kGazActorCountry = 2048,  // a country's names and adjectives
};
inline constexpr uint32_t kAllGazetteerBits = 4095;
inline constexpr uint32_t kMaxGazetteerWords = 8;

struct Gazetteer {
  HashTable names;         // GazetteerKey(name) -> GazetteerBit set
  uint32_t max_words = 0;  // longest name, in words (at most kMaxGazetteerWords)
};

// The key of a name given as its lowercased words joined by single spaces.
inline uint64_t GazetteerKey(std::string_view joined_lower) { return HashBytes(5, joined_lower); }

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_GAZETTEER_H_
