// RunCameoEval: `khabar eval cameo`, the PETRARCH validation records coded end to end:
// each record's text is analysed by Khabar's own pipeline (text, tag, parse), coded by
// EventStage with the dictionaries of a directory, and scored (validation_records.h).
//
//   events::CameoEvalOptions options;
//   options.records = data + "/eval/petrarch2-validate-records.dev.xml";
//   options.dictionaries = data + "/cameo/validate";
//   KH_ASSIGN_OR_RETURN(events::CameoEvalResult result, events::RunCameoEval(options));
//   result.score.tp_pct();
//
// This lives beside the events stage but links the analysis pipeline, so it is its own
// library (khabar::events_eval), like the other evaluators.
#ifndef KHABAR_EVENTS_CAMEO_EVAL_H_
#define KHABAR_EVENTS_CAMEO_EVAL_H_

#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/doc/events.h"
#include "khabar/events/validation_records.h"
#include "khabar/pipeline/analysis.h"

namespace khabar::events {

struct CameoEvalOptions {
  std::string records;       // the validation records file
  std::string dictionaries;  // a directory: the validation set (PETR_Validate_*) or Phoenix
  std::string plover;        // CAMEO2PLOVER mapping; empty: <data>/plover/CAMEO2PLOVER-2021.txt
  pipeline::AnalysisModels models;
  // CodingContext::future_is_intent: false codes "Arnor will contribute" as PETRARCH-2 does.
  bool future_is_intent = true;
  bool coreference = true;  // resolve pronouns and titles (mentions::CoreferenceResolution)
};

struct CodedTriple {
  Triple triple;
  bool negated = false;
  std::string pattern;
  std::string pattern_source;
};

struct CameoRecordResult {
  std::string id;
  std::string category;
  std::string text;
  RecordExpectation expectation = RecordExpectation::kEvents;
  std::vector<Triple> gold;
  std::vector<CodedTriple> coded;
  bool correct = false;
  std::string parse;  // CoNLL-U-like lines of the analysed sentence(s), for error analysis
};

struct CameoEvalResult {
  CameoScore score;
  std::vector<CameoRecordResult> records;  // evaluated records only, in file order
};

// The dictionary files in `dir`: DictionaryFiles::Validate() (names relative to `dir`)
// when it holds PETR_Validate_verbs_2_02.txt, else DictionaryFiles::Phoenix().
dict::DictionaryFiles DictionaryFilesFor(const std::string& dir);

// REQUIRES: nothing; every failure (files, models) is a Status.
StatusOr<CameoEvalResult> RunCameoEval(const CameoEvalOptions& options);

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_CAMEO_EVAL_H_
