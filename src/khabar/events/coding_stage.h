// CodingStage: the event coder as a pipeline stage that owns what it needs — the CAMEO
// dictionaries and the codebook — and writes Document::events.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<events::CodingStage> stage,
//                       events::CodingStage::Create(events::CodingStageOptions{}));
//   pipeline.Add(std::move(stage));  // after the parse stage
//
// Thread-safety: immutable after Create; Process may run on many documents at once.
#ifndef KHABAR_EVENTS_CODING_STAGE_H_
#define KHABAR_EVENTS_CODING_STAGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/doc/stage.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/event_stage.h"

namespace khabar::events {

struct CodingStageOptions {
  // Directory of the Phoenix dictionaries; empty: base::FindDataDir() + "/cameo".
  std::string dictionary_dir;
  // Which files of that directory; the validation set is DictionaryFiles::Validate().
  dict::DictionaryFiles files = dict::DictionaryFiles::PhoenixWithOverlays();
  // The CAMEO -> PLOVER mapping; empty: base::FindDataDir() + "/plover/CAMEO2PLOVER-2021.txt".
  std::string plover_path;
  bool plover_mapping = true;  // false: Goldstein weights only, no mapping file is read
  // Per-document actor resolvers, e.g. &mentions::CoreferenceResolution(); nullptr: the
  // dictionaries alone. REQUIRES: outlives the stage.
  const DocumentResolverFactory* resolver_factory = nullptr;
};

class CodingStage : public doc::Stage {
 public:
  // Loads the dictionaries (their line warnings are kept in warnings()) and the codebook.
  // NotFound when the data directory or a file is missing.
  static StatusOr<std::unique_ptr<CodingStage>> Create(const CodingStageOptions& options);

  std::string_view name() const override { return "events"; }
  // Replaces document.events with the events of its parsed sentences, dated by the
  // article's publication date.
  Status Process(doc::Document& document) const override;
  // Process, and replaces *trace with what the coder decided for each sentence
  // (coding_trace.h). REQUIRES: trace != nullptr.
  Status ProcessWithTrace(doc::Document& document, std::vector<SentenceTrace>* trace) const;

  const dict::Warnings& warnings() const { return dictionaries_->warnings; }
  const dict::Dictionaries& dictionaries() const { return *dictionaries_; }
  const CameoCodebook& codebook() const { return *codebook_; }
  // For callers that code with their own CodingContext (evaluations, explain, benchmarks).
  const EventStage& event_stage() const { return stage_; }

 private:
  CodingStage(std::unique_ptr<dict::Dictionaries> dictionaries,
              std::unique_ptr<CameoCodebook> codebook, const DocumentResolverFactory* factory);

  std::unique_ptr<dict::Dictionaries> dictionaries_;
  std::unique_ptr<CameoCodebook> codebook_;
  EventStage stage_;
};

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_CODING_STAGE_H_
