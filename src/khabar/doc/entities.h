// The entity layer of a Document: named-entity mentions (people, organisations, places)
// found by the NER stage, as ranges of syntactic words (doc/words.h).
//
//   for (const doc::EntityMention& mention : entities.mentions) {
//     doc::Span span{document.words.words[mention.word_begin].span.begin,
//                    document.words.words[mention.word_end - 1].span.end};
//     fmt::print("{} {} {:.2f}\n", doc::EntityTypeName(mention.type), span.In(document.text),
//                mention.confidence);
//   }
//
// Thread-safety: plain data, one writer at a time.
#ifndef KHABAR_DOC_ENTITIES_H_
#define KHABAR_DOC_ENTITIES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "khabar/doc/words.h"

namespace khabar::doc {

// Values may be stored by later stages: never renumber or reuse one.
enum class EntityType : uint8_t {
  kNone = 0,
  kPer = 1,  // a person (or a named group of people taken as one, as UNER does)
  kOrg = 2,  // an organisation: company, party, armed group, government body, team
  kLoc = 3,  // a place: country, city, region, body of water, facility with a name
};
inline constexpr int kEntityTypeCount = 4;  // including kNone

// "PER", "ORG", "LOC"; "O" for kNone and for values outside the enum.
inline std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPer:
      return "PER";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kLoc:
      return "LOC";
    case EntityType::kNone:
      break;
  }
  return "O";
}

// One mention: words [word_begin, word_end) of WordLayer::words, all in one sentence.
struct EntityMention {
  WordIndex word_begin = 0;
  WordIndex word_end = 0;
  EntityType type = EntityType::kNone;
  // In [0, 1]: the model's mean per-word probability of the mention's labels (a softmax
  // of perceptron scores; ranks mentions, not calibrated).
  float confidence = 0.0f;

  uint32_t word_count() const { return word_end - word_begin; }
  friend bool operator==(const EntityMention&, const EntityMention&) = default;
};

// Mentions in document order (by word_begin), not overlapping.
struct EntityLayer {
  std::vector<EntityMention> mentions;

  void Clear() { mentions.clear(); }
};

}  // namespace khabar::doc

#endif  // KHABAR_DOC_ENTITIES_H_
