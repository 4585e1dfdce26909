// The invented store of the serve tests (test-only header): the documents to write through a
// Store, then the SQL (the same text for SQLite and PostgreSQL) that gives their reports what
// the cross-article merge would have written. serve_test.cc serves it from SQLite;
// postgres_serve_test.cc writes it into both backends and compares their answers.
#ifndef KHABAR_SERVE_SERVE_TEST_CORPUS_H_
#define KHABAR_SERVE_SERVE_TEST_CORPUS_H_

#include <string>
#include <vector>

#include "khabar/doc/document.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::serve::testing {

inline void SetArgument(doc::EventArgument& argument, std::string code, std::string actor) {
  argument.code = std::move(code);
  argument.actor = std::move(actor);
}

inline void SetPlace(doc::Event& event, std::string name, std::string country, double lat, double lon) {
  event.place = {std::move(name), 1, std::move(country), lat, lon, doc::PlacePrecision::kCity, {}, true};
}

// Invented: Hafter meets Sisi in Cairo (2019-05-28), rebels attack near Derna (2019-05-27,
// 3 killed), Haftar's forces shell Tripoli (January 2020, month precision, alleged).
inline std::vector<doc::Document> Corpus() {
  using store::testing::AddEvent;
  using store::testing::MakeDocument;
  std::vector<doc::Document> documents;
  documents.push_back(MakeDocument("a", "https://x.test/a", "Hafter met Sisi in Cairo. Rebels attacked near Derna."));
  doc::Document& a = documents.back();
  a.published = "2019-05-28";
  a.title = "Talks in Cairo";
  doc::Event& meet = AddEvent(a, 0, "LBYMIL", "040", "EGYGOV");
  SetArgument(meet.source, "LBYMIL", "KHALIFA_HAFTAR");
  SetArgument(meet.target, "EGYGOV", "ABDEL_FATTAH_AL-SISI");
  SetPlace(meet, "Cairo", "EG", 30.06, 31.25);
  meet.date = {2019, 5, 28, doc::DatePrecision::kDay, false, {}};
  doc::Event& attack = AddEvent(a, 1, "LBYREB", "190", "LBY");
  SetArgument(attack.target, "LBY", "LIBYA");
  SetPlace(attack, "Derna", "LY", 32.76, 22.64);
  attack.counts.killed.value = 3;
  attack.quad_class = 4;
  attack.date = {2019, 5, 27, doc::DatePrecision::kDay, true, {}};
  documents.push_back(MakeDocument("b", "https://x.test/b", "Haftar forces shelled Tripoli."));
  doc::Document& b = documents.back();
  b.published = "2020-01-10";
  doc::Event& shell = AddEvent(b, 0, "LBYMIL", "195", "LBYGOV");
  SetArgument(shell.source, "LBYMIL", "KHALIFA_HAFTAR");
  SetPlace(shell, "Tripoli", "LY", 32.89, 13.19);
  shell.certainty = doc::Certainty::kAlleged;
  shell.quad_class = 4;
  shell.date = {2020, 1, 0, doc::DatePrecision::kMonth, true, {}};
  return documents;
}

// The meeting's report as the cross-article merge writes it: its own coding and spans.
constexpr char kMeetExtra[] =
    R"({"cameo":"040","source_code":"LBYMIL","target_code":"EGYGOV","certainty":"asserted",)"
    R"("fatalities":2,"source_span":[0,6],"verb_span":[7,10],"target_span":[11,15]})";

constexpr char kActors[] = "KHALIFA_HAFTAR [LBYMIL]\n+KHALIFA_HIFTER\n+GENERAL_HAFTAR\n";

// Run after writing Corpus(): the meeting's report gets kMeetExtra; the attack's report has
// the empty extra of a report stored before schema version 5.
inline std::vector<std::string> CorpusUpdates() {
  return {std::string("UPDATE reports SET extra = '") + kMeetExtra +
              "' WHERE event_id = (SELECT id FROM events WHERE cameo = '040')",
          "UPDATE reports SET extra = '{}' WHERE event_id = (SELECT id FROM events WHERE cameo = '190')"};
}

}  // namespace khabar::serve::testing

#endif  // KHABAR_SERVE_SERVE_TEST_CORPUS_H_
