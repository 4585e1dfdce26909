#include "khabar/store/internal/event_merger.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace khabar::store::internal {
namespace {

// "2019-04-05" of days since 1970-01-01.
std::string FormatDay(int64_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

// The outlet key of a document; a syndicated copy (near_duplicate_of) takes its original's.
StatusOr<std::string> OutletOf(const doc::Document& document, MergeTables& tables) {
  if (document.near_duplicate_of.empty()) return merge::OutletKey(document);
  KH_ASSIGN_OR_RETURN(OptionalSource original,
                      tables.FindDocumentSource(document.near_duplicate_of));
  if (!original.has_value()) return merge::OutletKey(document);
  return merge::OutletKey(original->outlet, original->url, original->doc_id);
}

// The evidence for joining one event (its reports are candidates[begin, end)): the best
// comparison, or a vetoed one when any report vetoes.
MergeChoice WeighEvent(const merge::Report& incoming, std::span<const StoredReport> reports) {
  MergeChoice choice;
  choice.event_row = reports.front().event_row;
  choice.event_id = reports.front().event_id;
  choice.evidence.score = -1;
  for (const StoredReport& stored : reports) {
    choice.event_reports.push_back(stored.report);
    merge::Evidence evidence = merge::Compare(incoming, stored.report);
    if (!evidence.veto.empty()) {
      choice.evidence = std::move(evidence);
      choice.via = stored.report.key;
      return choice;
    }
    if (evidence.score > choice.evidence.score) {
      choice.evidence = std::move(evidence);
      choice.via = stored.report.key;
    }
  }
  return choice;
}

Status WriteOneEvent(const doc::Document& document, int64_t document_row, const doc::Event& event,
                     const std::string& outlet, MergeTables& tables) {
  const merge::Report report = merge::ReportOf(document, event, outlet);
  std::optional<MergeChoice> choice;
  if (report.days.known) {
    KH_ASSIGN_OR_RETURN(std::vector<StoredReport> candidates,
                        tables.CandidateReports(WindowOf(report)));
    choice = ChooseEvent(report, document_row, candidates);
  }
  NewReport row{0, document_row, &document, &event, &report, std::nullopt, ""};
  if (!choice.has_value()) {
    KH_ASSIGN_OR_RETURN(row.event_row, tables.FoundEvent(document, event, report.key));
    return tables.AddReport(row);
  }
  row.event_row = choice->event_row;
  row.merge_score = choice->evidence.score;
  row.merge_reason = choice->evidence.Reason() + "; compared with report " + choice->via;
  KH_RETURN_IF_ERROR(tables.AddReport(row));
  choice->event_reports.push_back(report);
  return tables.UpdateMergedEvent(choice->event_row, merge::ConsensusOf(choice->event_reports));
}

}  // namespace

CandidateWindow WindowOf(const merge::Report& report) {
  CandidateWindow window;
  const std::vector<std::string> roots = merge::FamilyRoots(report.root);
  for (size_t idx = 0; idx < window.roots.size(); ++idx) {
    window.roots[idx] = roots[std::min(idx, roots.size() - 1)];
  }
  const int64_t first = report.days.first - merge::kDayTolerance;
  const int64_t last = report.days.last + merge::kDayTolerance;
  window.first_day = FormatDay(first);
  window.last_day = FormatDay(last);
  window.coarse = {window.first_day.substr(0, 7), window.last_day.substr(0, 7),
                   window.first_day.substr(0, 4), window.last_day.substr(0, 4)};
  window.source_country = merge::ActorCountry(report.source_code, !report.source_actor.empty());
  window.target_country = merge::ActorCountry(report.target_code, !report.target_actor.empty());
  window.place_country = report.has_place ? report.place_country : "";
  window.crossed_roles = merge::IsMutual(report.root);
  return window;
}

std::optional<MergeChoice> ChooseEvent(const merge::Report& incoming, int64_t document_row,
                                       std::span<const StoredReport> candidates) {
  std::optional<MergeChoice> best;
  size_t begin = 0;
  while (begin < candidates.size()) {
    size_t end = begin;
    bool same_document = false;
    while (end < candidates.size() && candidates[end].event_row == candidates[begin].event_row) {
      same_document = same_document || candidates[end].document_row == document_row;
      ++end;
    }
    if (!same_document) {  // an article's own events never merge with each other
      MergeChoice choice = WeighEvent(incoming, candidates.subspan(begin, end - begin));
      const bool better =
          !best.has_value() || choice.evidence.score > best->evidence.score ||
          (choice.evidence.score == best->evidence.score && choice.event_row < best->event_row);
      if (choice.evidence.Merges() && better) best = std::move(choice);
    }
    begin = end;
  }
  return best;
}

Status WriteEvents(const doc::Document& document, int64_t document_row, MergeTables& tables) {
  if (document.events.events.empty()) return Status::Ok();
  KH_ASSIGN_OR_RETURN(const std::string outlet, OutletOf(document, tables));
  for (size_t event_idx = 0; event_idx < document.events.events.size(); ++event_idx) {
    Status written =
        WriteOneEvent(document, document_row, document.events.events[event_idx], outlet, tables);
    if (!written.ok()) return written.WithPrefix("event " + std::to_string(event_idx));
  }
  return Status::Ok();
}

}  // namespace khabar::store::internal
