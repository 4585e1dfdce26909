// The event-location gold records (eval/event-location.dev.jsonl, Halterman 2019) and their
// scoring, for `khabar eval location`: each record's text is analysed by Khabar's pipeline,
// the word at the gold VERB span is taken as the event verb, AttachPlace (attachment.h, the
// function the where stage uses) links a place span to it, and the record is correct when
// that span is one of the gold LOCATION spans, or when the record has no LOCATION span and
// nothing is linked (docs/formats/where.md, "Evaluation").
//
//   where::LocationEvalOptions options;
//   options.gold = data + "/eval/event-location.dev.jsonl";
//   KH_ASSIGN_OR_RETURN(where::LocationEvalResult result, where::RunLocationEval(options));
//   fmt::print("{:.4f}\n", result.accuracy());
//
// Thread-safety: plain data and free functions.
#ifndef KHABAR_WHERE_LOCATION_EVAL_H_
#define KHABAR_WHERE_LOCATION_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/span.h"
#include "khabar/pipeline/analysis.h"
#include "khabar/where/attachment.h"
#include "khabar/where/gazetteer.h"

namespace khabar::where {

// One gold record; spans are bytes of `text`, rebuilt from the record's tokens (the records'
// own "start"/"end" are token indices in about half of them).
struct LocationRecord {
  size_t line = 0;  // 1-based line in the file
  std::string text;
  doc::Span verb;
  std::vector<doc::Span> locations;  // empty: the event has no place
};

// Parses the JSON Lines; a line that is not a usable record (bad JSON, no text, no tokens,
// no VERB span, spans outside the tokens) is skipped and described in *warnings as
// "file:line: ...".
std::vector<LocationRecord> ParseLocationRecords(std::string_view bytes, std::string_view file,
                                                 std::vector<std::string>* warnings);

struct LocationOutcome {
  size_t record = 0;    // index into LocationEvalResult::records
  doc::Span linked;     // bytes of the record's text; empty: nothing linked
  bool exact = false;   // correct with exact spans
  bool overlap = false; // correct when any overlap counts
  AttachedBy by = AttachedBy::kNone;  // which step of AttachPlace linked it
};

struct LocationEvalResult {
  std::vector<LocationRecord> records;
  std::vector<LocationOutcome> outcomes;
  std::vector<std::string> warnings;
  size_t exact = 0;
  size_t overlap = 0;

  double accuracy() const { return records.empty() ? 0 : static_cast<double>(exact) / records.size(); }
  double overlap_accuracy() const {
    return records.empty() ? 0 : static_cast<double>(overlap) / records.size();
  }
};

struct LocationEvalOptions {
  std::string gold;
  pipeline::AnalysisModels models;
  GazetteerFiles gazetteer;  // empty cities: GazetteerFiles::Default(<data>)
};

// NotFound when the gold file, the models or the gazetteer are missing.
StatusOr<LocationEvalResult> RunLocationEval(const LocationEvalOptions& options);

}  // namespace khabar::where

#endif  // KHABAR_WHERE_LOCATION_EVAL_H_
