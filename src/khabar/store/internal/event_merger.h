// Writing a stored document's events with cross-article merging, shared by the SQLite and
// PostgreSQL stores (docs/formats/merge.md). Each backend implements MergeTables over its own
// SQL; WriteEvents runs inside the backend's write transaction, so a batch's documents see
// each other's events in order, and a batch interrupted at any point leaves nothing behind.
//
//   KH_RETURN_IF_ERROR(internal::WriteEvents(document, document_row, *this));
//
// For each event of the document, in order: its report (merge::ReportOf) is compared with
// the reports of the stored events in its CAMEO root family and date window (at most
// kMaxCandidateEvents of them, newest first), except events the same document already
// reports. It joins the event with the best score that no report of that event vetoes, when
// the score reaches merge::kMergeThreshold; otherwise it founds a new event whose id is the
// report's own (doc::EventId). A joined event's report count, corroboration and consensus
// figures are recomputed from all its reports. An undated report is never merged.
//
// Thread-safety: called by a store under its own lock.
#ifndef KHABAR_STORE_INTERNAL_EVENT_MERGER_H_
#define KHABAR_STORE_INTERNAL_EVENT_MERGER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"
#include "khabar/merge/compare.h"
#include "khabar/merge/consensus.h"
#include "khabar/merge/report.h"

namespace khabar::store::internal {

inline constexpr int kMaxCandidateEvents = 64;

// A stored report, as CandidateReports returns it.
struct StoredReport {
  int64_t event_row = 0;     // events.id
  std::string event_id;      // events.event_id
  int64_t document_row = 0;  // reports.document_id
  merge::Report report;
};

// The stored events a report may join: root in `roots` (its family, merge::FamilyRoots,
// padded by repeating its last root), countries that do not veto it, and date a day in [first_day,
// last_day] or one of `coarse` (the months and years of those days, for events dated only to a
// month or year).
struct CandidateWindow {
  std::array<std::string, 5> roots;
  std::string first_day, last_day;  // "YYYY-MM-DD"
  std::array<std::string, 4> coarse;
  // The report's countries (doc::EventCountry of its actors, ISO alpha-2 of its place; ''
  // when unknown): events whose first report names other ones would veto it.
  std::string source_country, target_country, place_country;
  bool crossed_roles = false;  // mutual cooperation: the actors may match crossed
};

// Who published a stored document.
struct DocumentSource {
  std::string outlet, url, doc_id;
};
using OptionalSource = std::optional<DocumentSource>;

// One reports row to write.
struct NewReport {
  int64_t event_row = 0;
  int64_t document_row = 0;
  const doc::Document* document = nullptr;
  const doc::Event* event = nullptr;
  const merge::Report* report = nullptr;
  std::optional<double> merge_score;  // empty for the report that founds its event
  std::string merge_reason;
};

class MergeTables {
 public:
  virtual ~MergeTables() = default;
  // The reports of up to kMaxCandidateEvents events in the window, newest event first,
  // ordered by event then report.
  virtual StatusOr<std::vector<StoredReport>> CandidateReports(const CandidateWindow& window) = 0;
  // The source of the first stored document with this doc_id, if any.
  virtual StatusOr<OptionalSource> FindDocumentSource(std::string_view doc_id) = 0;
  // The events.id of `event_id`, inserting the event's row (from its first report) when new.
  virtual StatusOr<int64_t> FoundEvent(const doc::Document& document, const doc::Event& event,
                                       const std::string& event_id) = 0;
  // The reports row, its full-text row and the actor keys of its actors for the event.
  virtual Status AddReport(const NewReport& report) = 0;
  // Report count, corroboration and the consensus figures of a merged event.
  virtual Status UpdateMergedEvent(int64_t event_row, const merge::Consensus& consensus) = 0;
};

Status WriteEvents(const doc::Document& document, int64_t document_row, MergeTables& tables);

// The pure steps of WriteEvents, for `khabar eval merge` and tests.
CandidateWindow WindowOf(const merge::Report& report);

struct MergeChoice {
  int64_t event_row = 0;
  std::string event_id;
  merge::Evidence evidence;
  std::string via;                           // the report key whose comparison gave the score
  std::vector<merge::Report> event_reports;  // the event's reports before this one
};

// The event `incoming` joins among `candidates`, or nothing.
std::optional<MergeChoice> ChooseEvent(const merge::Report& incoming, int64_t document_row,
                                       std::span<const StoredReport> candidates);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_EVENT_MERGER_H_
