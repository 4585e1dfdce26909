// EventSource: where queries run. The query layer is written against this small interface so
// that each Store backend can answer it: SqliteEventSource now; a PostgreSQL source follows the
// same contract with BuildEventQuery(..., store::Dialect::kPostgres) (docs/formats/query.md).
//
//   KH_RETURN_IF_ERROR(source.Scan(filter, {.limit = 0}, [&](const EventRow& row) {
//     std::puts(EventRowJson(row).c_str());
//     return true;  // false stops the scan
//   }));
//
// Thread-safety: an implementation is used by one thread at a time.
#ifndef KHABAR_QUERY_EVENT_SOURCE_H_
#define KHABAR_QUERY_EVENT_SOURCE_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/query/event_row.h"
#include "khabar/query/query_filter.h"

namespace khabar::query {

struct ScanOptions {
  int64_t limit = 0;   // at most this many rows; 0: all
  int64_t offset = 0;  // skip this many rows first (paging)
};

class EventSource {
 public:
  virtual ~EventSource() = default;

  // Calls `visit` with each event that matches `filter`, ordered by date then storage order
  // (events.id), until it returns false. The row is valid only during the call.
  // REQUIRES: NormalizeFilter(&filter) was OK. InvalidArgument for a filter the backend
  // cannot run (--text without a word); Unavailable or DataLoss from the database.
  virtual Status Scan(const QueryFilter& filter, const ScanOptions& options,
                      const std::function<bool(const EventRow&)>& visit) = 0;

  // Scan() into a vector.
  StatusOr<std::vector<EventRow>> Find(const QueryFilter& filter, const ScanOptions& options) {
    std::vector<EventRow> rows;
    KH_RETURN_IF_ERROR(Scan(filter, options, [&rows](const EventRow& row) {
      rows.push_back(row);
      return true;
    }));
    return rows;
  }
};

}  // namespace khabar::query

#endif  // KHABAR_QUERY_EVENT_SOURCE_H_
