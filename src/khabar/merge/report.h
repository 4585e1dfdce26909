// merge::Report: one article's report of an event, reduced to what cross-article merging
// compares (docs/formats/merge.md). The store keeps it as reports.extra (JSON) and
// reports.words, so a later article is compared with stored reports without re-coding them.
//
//   merge::Report report = merge::ReportOf(document, event, merge::OutletKey(document));
//   std::string extra = merge::ReportExtraJson(report);           // reports.extra
//   std::string words = merge::JoinWords(report.words);           // reports.words
//   KH_ASSIGN_OR_RETURN(merge::Report stored, merge::ReportFromColumns(extra, words));
//
// Thread-safety: plain data and pure functions.
#ifndef KHABAR_MERGE_REPORT_H_
#define KHABAR_MERGE_REPORT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"

namespace khabar::merge {

// Days since 1970-01-01 of the first and last day a report's date can mean. A day from the
// text is that day; a month or year its whole span; a publication date (no date in the text)
// the publication day and the kPublicationLagDays days before it.
struct DayRange {
  bool known = false;
  int64_t first = 0;
  int64_t last = 0;
};

inline constexpr int64_t kPublicationLagDays = 2;

// The figures of a report, in this order; -1 when the report gives none.
enum Figure : int { kKilled, kInjured, kDisplaced, kArrested, kKidnapped, kFigureCount };
inline constexpr std::array<std::string_view, kFigureCount> kFigureNames = {
    "fatalities", "injured", "displaced", "arrested", "kidnapped"};

struct Report {
  std::string key;       // doc::EventId of its article and sentence: the pre-merge event id
  std::string outlet;    // OutletKey of its article
  std::string document;  // the article's doc_id
  std::string cameo, root;
  std::string source_code, target_code;
  std::string source_actor, target_actor;  // display names, or empty
  std::string date;                        // "2019-04-05", "2019-04", "2019", or empty
  std::string date_precision;              // "day", "month", "year", or empty
  bool date_from_text = false;
  DayRange days;
  bool has_place = false;
  std::string place_name, place_country, place_precision;
  int64_t geonameid = 0;
  bool has_coordinates = false;
  double lat = 0, lon = 0;
  std::array<int64_t, kFigureCount> figures = {-1, -1, -1, -1, -1};
  std::string certainty, attributed_to;
  doc::Span source_span, target_span, verb_span;  // bytes of the raw article; empty: none
  std::vector<std::string> words;  // content-word lemma keys of the sentence, sorted, unique
};

// Who published an article, for corroboration: the outlet name case-folded ("reuters"), else
// the url's host without "www." ("saharawire.example"), else "doc:" + its id (each article of
// an unknown outlet counts alone).
std::string OutletKey(std::string_view outlet, std::string_view url, std::string_view doc_id);
std::string OutletKey(const doc::Document& document);

// The report of `event` in `document` (after the when, where and counts stages).
Report ReportOf(const doc::Document& document, const doc::Event& event, std::string outlet_key);

// The lower-cased lemmas of the sentence's nouns, proper nouns, verbs, adjectives and numbers
// of two or more characters, sorted and unique.
std::vector<std::string> ContentWords(const doc::Document& document, uint32_t sentence);

// reports.extra and reports.words, and back. DataLoss when `extra` is not a JSON object;
// missing keys leave their defaults (rows from before schema version 5 hold "{}").
std::string ReportExtraJson(const Report& report);
std::string JoinWords(const std::vector<std::string>& words);
StatusOr<Report> ReportFromColumns(std::string_view extra, std::string_view words);

// Days since 1970-01-01 of "YYYY-MM-DD" (false when it is not a valid date).
bool ParseDay(std::string_view text, int64_t* day);
// The DayRange of a stored date and its precision and origin, as described above.
DayRange DaysOf(std::string_view date, std::string_view precision, bool from_text);

}  // namespace khabar::merge

#endif  // KHABAR_MERGE_REPORT_H_
