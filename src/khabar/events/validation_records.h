// PETRARCH / UD-PETRARCH functional validation records (PETR_Validate_records_2_02.xml) and
// their scoring, for `khabar eval cameo`.
//
//   KH_ASSIGN_OR_RETURN(std::vector<events::ValidationRecord> records,
//                       events::ReadValidationRecords(path));
//   events::CameoScore score;
//   for (const events::ValidationRecord& record : records)
//     if (record.evaluated()) score.Add(record, coded_triples_for(record));
//   score.tp_pct();
//
// Each <Sentence> gives an id, a category, a date (YYYYMMDD), evaluate="true|false", the
// expected <EventCoding sourcecode= targetcode= eventcode=/> triples (or noevents="True",
// or error="..."), the text, and a parse that Khabar ignores (it parses the text itself).
// The file is not well-formed XML (a comment nests "<!--"), so it is read by a small
// tolerant scanner: comments are dropped and only the elements above are looked at.
//
// Thread-safety: plain data and free functions.
#ifndef KHABAR_EVENTS_VALIDATION_RECORDS_H_
#define KHABAR_EVENTS_VALIDATION_RECORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::events {

struct Triple {
  std::string source;
  std::string target;
  std::string code;
  auto operator<=>(const Triple&) const = default;
};

enum class RecordExpectation : uint8_t {
  kEvents,    // the gold triples
  kNoEvents,  // noevents="True", or a discard error: nothing should be coded
  kBadParse,  // error="bad_input_parse": a malformed-parse test, moot when Khabar parses
};

struct ValidationRecord {
  std::string id;
  std::string category;
  std::string date;      // YYYYMMDD as written
  bool evaluate = true;  // evaluate="false" records are skipped
  RecordExpectation expectation = RecordExpectation::kEvents;
  std::vector<Triple> gold;
  std::string text;      // whitespace collapsed, entities decoded

  bool evaluated() const { return evaluate && expectation != RecordExpectation::kBadParse; }
};

// Parses the records in `bytes`; InvalidArgument when there are none.
StatusOr<std::vector<ValidationRecord>> ParseValidationRecords(std::string_view bytes);
StatusOr<std::vector<ValidationRecord>> ReadValidationRecords(const std::string& path);

// Scores coded triples against the records' gold. A record expecting no events counts as
// one gold item, found when nothing is coded (UD-PETRARCH's validation.py does the same).
struct CameoScore {
  size_t records = 0;          // records scored
  size_t skipped = 0;          // evaluate="false"
  size_t not_applicable = 0;   // bad-parse tests
  size_t gold = 0;             // gold triples plus one per no-event record
  size_t found = 0;            // of those, coded
  size_t extra = 0;            // coded triples not in the gold
  size_t records_correct = 0;  // coded set == gold set

  // Adds one evaluated record. `coded` may hold duplicates; they count once.
  // Returns whether the record was coded exactly right.
  bool Add(const ValidationRecord& record, std::vector<Triple> coded);
  double tp_pct() const { return gold == 0 ? 0 : 100.0 * found / gold; }
  double fp_pct() const { return gold == 0 ? 0 : 100.0 * extra / gold; }
  // UD-PETRARCH's "FP": extra events as a percentage of records.
  double fp_per_record_pct() const { return records == 0 ? 0 : 100.0 * extra / records; }
  double records_correct_pct() const { return records == 0 ? 0 : 100.0 * records_correct / records; }
};

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_VALIDATION_RECORDS_H_
