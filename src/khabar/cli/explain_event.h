// `khabar explain --db DB EVENT...` (explain_event.cc).
#ifndef KHABAR_CLI_EXPLAIN_EVENT_H_
#define KHABAR_CLI_EXPLAIN_EVENT_H_

#include <string>
#include <vector>

namespace khabar::cli {

// Prints each stored event with its reports, and why each report joined it; 0 when all were
// found, 1 when an id is unknown, 2 when the store cannot be read.
int ExplainStoredEvents(const std::string& db, const std::vector<std::string>& event_ids,
                        bool json);

}  // namespace khabar::cli

#endif  // KHABAR_CLI_EXPLAIN_EVENT_H_
