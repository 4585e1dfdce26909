// PLOVER gold-standard records (PLOVER_GSR_CAMEO, eval/plover-gsr.dev.json) and their
// scoring, for `khabar eval plover`: each record's text is analysed by Khabar's pipeline,
// coded in CAMEO by EventStage with the Phoenix dictionaries, the CAMEO codes are mapped to
// the PLOVER categories the gold uses, and event types, source and target countries are
// scored with micro-averaged precision, recall and F1 (docs/eval/plover.md).
//
//   KH_ASSIGN_OR_RETURN(std::vector<events::PloverItem> items,
//                       events::ReadPloverGold(data + "/eval/plover-gsr.dev.json"));
//   events::PloverScore score;
//   for (const events::PloverItem& item : items) score.Add(item, coded_events_for(item));
//   score.event.f1();
//
//   events::PloverEvalOptions options;  // or the whole run, models and dictionaries included
//   options.gold = data + "/eval/plover-gsr.dev.json";
//   KH_ASSIGN_OR_RETURN(events::PloverEvalResult result, events::RunPloverEval(options));
//
// The gold holds one event per record: its PLOVER category ("event"), source and target
// actor lists ({"actorText", "code", "sector"}; "target" may also be "" or absent) and the
// sentence ("text"). Records sharing the same text are one scored item whose gold is the
// union of theirs. The gold is coded in PLOVER 0.6 categories (DEMAND, DISAPPROVE,
// INVESTIGATE, FIGHT), not the 2021 ones of CAMEO2PLOVER-2021.txt, so CAMEO codes are
// mapped by PloverGsrType().
//
// Thread-safety: plain data and free functions.
#ifndef KHABAR_EVENTS_PLOVER_EVAL_H_
#define KHABAR_EVENTS_PLOVER_EVAL_H_

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/pipeline/analysis.h"

namespace khabar::events {

// One gold event: a PLOVER category with the countries of its actors.
struct PloverGoldEvent {
  std::string id;
  std::string type;                 // "AGREE"
  std::set<std::string> sources;    // actor country codes ("HUN"), see GoldCountry()
  std::set<std::string> targets;
};

// The records of one text.
struct PloverItem {
  std::string text;
  std::string date;  // "YYYY-MM-DD" of the first record, or empty
  std::vector<PloverGoldEvent> gold;
};

// One coded event reduced to what is scored.
struct PloverCodedEvent {
  std::string type;            // PloverGsrType(cameo); empty: outside PLOVER (CAMEO 01, 02)
  std::string source_country;  // ActorCountry(source code); empty when no source
  std::string target_country;
};

// The gold's category of a CAMEO code (PLOVER 0.6, README table): 03 AGREE, 04 CONSULT,
// 05 SUPPORT, 06 COOPERATE, 07 AID, 080-083 CONCEDE, 084-087 RETREAT, 09 INVESTIGATE,
// 10 DEMAND, 11 DISAPPROVE, 12 REJECT, 13 THREATEN, 14 PROTEST, 15 MOBILIZE, 16 SANCTION,
// 17 COERCE, 18 ASSAULT, 19 and 20 FIGHT; empty for 01, 02 and anything else.
std::string PloverGsrType(std::string_view cameo);

// The country part of a CAMEO actor code: its first three characters ("EGYMIL" -> "EGY",
// "IGOUNO" -> "IGO", agent-only "MIL" -> "MIL"); empty for codes shorter than three.
std::string ActorCountry(std::string_view code);

// A gold actor code with the gold's misspellings of ISO codes fixed ("JAP" -> "JPN",
// "ITL" -> "ITA").
std::string GoldCountry(std::string_view code);

// Parses the gold file; records without "text" (the DOCUMENT header) are skipped.
// InvalidArgument when the JSON is malformed or holds no records.
StatusOr<std::vector<PloverItem>> ParsePloverGold(std::string_view bytes);
StatusOr<std::vector<PloverItem>> ReadPloverGold(const std::string& path);

// True positives, false positives and false negatives, with the derived measures in
// percent (0 when undefined).
struct PrfCounts {
  size_t tp = 0;
  size_t fp = 0;
  size_t fn = 0;

  void Add(const std::set<std::string>& gold, const std::set<std::string>& found);
  double precision() const { return tp + fp == 0 ? 0 : 100.0 * tp / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn); }
  double f1() const { return 2 * tp + fp + fn == 0 ? 0 : 200.0 * tp / (2 * tp + fp + fn); }
};

// Micro-averaged scores over items (docs/eval/plover.md):
//  event:  per item, the set of PLOVER types of the coded events (untyped ones ignored)
//          against the set of gold types;
//  source: per item and gold type, the source countries of the coded events of that type
//          against the gold sources of that type (coded events of other types do not count);
//  target: the same with targets.
struct PloverScore {
  size_t items = 0;
  size_t records = 0;
  PrfCounts event;
  PrfCounts source;
  PrfCounts target;
  std::map<std::string, PrfCounts> per_type;  // event counts by PLOVER type

  void Add(const PloverItem& item, const std::vector<PloverCodedEvent>& coded);
};

struct PloverEvalOptions {
  std::string gold;          // the gold file
  std::string dictionaries;  // Phoenix dictionary directory; empty: <data>/cameo
  pipeline::AnalysisModels models;
  bool coreference = true;   // resolve pronouns and titles (mentions::CoreferenceResolution)
};

// What was coded for one item, for error analysis.
struct PloverCodedDetail {
  PloverCodedEvent event;
  std::string cameo;
  std::string source_code;
  std::string target_code;
  bool negated = false;
  std::string pattern;
  std::string pattern_source;
};

struct PloverItemResult {
  size_t item = 0;  // index into PloverEvalResult::items
  std::vector<PloverCodedDetail> coded;
  std::string parse;  // CoNLL-U-like lines of the analysed sentence(s)
};

struct PloverEvalResult {
  std::vector<PloverItem> items;
  std::vector<PloverItemResult> results;  // one per item, in file order
  PloverScore score;
};

// REQUIRES: nothing; every failure (files, models, dictionaries) is a Status.
StatusOr<PloverEvalResult> RunPloverEval(const PloverEvalOptions& options);

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_PLOVER_EVAL_H_
