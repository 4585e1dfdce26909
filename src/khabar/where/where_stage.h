// WhereStage (pipeline stage 9, "where"): gives each coded event the place it happened,
// after the events stage. The place name attached to the event verb (attachment.h) is
// looked up in the gazetteer (gazetteer.h) and its homonyms are ranked by the article's
// context (docs/formats/where.md, "Homonyms"):
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<where::WhereStage> where,
//                       where::WhereStage::Create(where::WhereStageOptions{}));
//   pipeline.Add(std::move(where));  // after the coding stage
//
// Thread-safety: immutable after Create; Process may run on many documents at once.
#ifndef KHABAR_WHERE_WHERE_STAGE_H_
#define KHABAR_WHERE_WHERE_STAGE_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/stage.h"
#include "khabar/where/gazetteer.h"

namespace khabar::where {

struct WhereStageOptions {
  // Empty: GazetteerFiles::Default(base::FindDataDir()).
  GazetteerFiles files;
};

// What the article says about countries, for ranking homonyms.
struct PlaceContext {
  std::vector<std::string> article_countries;  // alpha-2 of countries named in the text
  std::vector<std::string> actor_countries;    // alpha-2 of the event's source and target
};

// The countries (alpha-2) the document's proper-noun runs name ("Libya", "the United States").
std::vector<std::string> MentionedCountries(const doc::Document& document, const Gazetteer& gazetteer);

// The best of `candidates` in `context`, or nullptr when there are none. The score is
// documented in docs/formats/where.md.
const Place* ChoosePlace(const Gazetteer& gazetteer, std::span<const Candidate> candidates,
                         const PlaceContext& context);

class WhereStage : public doc::Stage {
 public:
  // Loads the gazetteer; NotFound when the data directory or a file is missing.
  static StatusOr<std::unique_ptr<WhereStage>> Create(const WhereStageOptions& options);
  explicit WhereStage(std::unique_ptr<Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}

  std::string_view name() const override { return "where"; }
  // Sets Event::place of every event of the document: the attached place as the gazetteer
  // resolves it, or no place (PlacePrecision::kNone) when nothing is attached or the
  // gazetteer does not know the name.
  Status Process(doc::Document& document) const override;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  double load_seconds() const { return load_seconds_; }

 private:
  std::unique_ptr<Gazetteer> gazetteer_;
  double load_seconds_ = 0;
};

}  // namespace khabar::where

#endif  // KHABAR_WHERE_WHERE_STAGE_H_
