// SqlRow: one result row of a read-only query, whatever the backend, read by column position.
// Lets code above the query layer (serve/) run its own Dialect-aware SQL (sql_builder.h's
// SqlQuery) through an EventSource's backend without knowing which one it is.
//
//   KH_RETURN_IF_ERROR(source.Select(query, [&](const SqlRow& row) {
//     counts[std::string(row.Text(0))] = row.Int64(1);
//     return true;  // false stops
//   }));
//
// A row is valid only during the visit call.
#ifndef KHABAR_QUERY_SQL_ROW_H_
#define KHABAR_QUERY_SQL_ROW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khabar::query {

class SqlRow {
 public:
  virtual ~SqlRow() = default;
  // Columns are 0-based. NULL reads as 0 or the empty string.
  virtual bool IsNull(int column) const = 0;
  virtual int64_t Int64(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual std::string_view Text(int column) const = 0;

  std::string String(int column) const { return std::string(Text(column)); }
  std::optional<int64_t> OptionalInt64(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int64(column);
  }
  std::optional<double> OptionalDouble(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Double(column);
  }
};

}  // namespace khabar::query

#endif  // KHABAR_QUERY_SQL_ROW_H_
