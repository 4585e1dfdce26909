// The conformance suite every Store backend must pass (test-only header).
//
// A backend test instantiates it with a fixture type that opens fresh, empty stores:
//
//   class SqliteBackend {
//    public:
//     // Opens the backend's store; a second call reopens the same database.
//     StatusOr<std::unique_ptr<Store>> Open();
//   };
//   INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreTest, SqliteBackend);
//
// Each test constructs its own Backend, so each starts from an empty database.
#ifndef KHABAR_STORE_STORE_TEST_SUITE_H_
#define KHABAR_STORE_STORE_TEST_SUITE_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/doc/document.h"
#include "khabar/store/store.h"

namespace khabar::store::testing {

// FNV-1a, never 0: a stand-in for ingest's content hash.
inline uint64_t TestHash(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (const char byte : text) hash = (hash ^ static_cast<unsigned char>(byte)) * 1099511628211ull;
  return hash == 0 ? 1 : hash;
}

// A document whose raw and normalised text are `text`, with one token per space-separated
// word and one sentence per ". "-terminated run of words.
inline doc::Document MakeDocument(std::string id, std::string url, std::string text) {
  doc::Document document;
  document.id = std::move(id);
  document.url = std::move(url);
  document.outlet = "Test Wire";
  document.source_path = "test.jsonl";
  document.raw = text;
  document.text = std::move(text);
  document.content_hash = TestHash(document.text);
  document.minhash = "sig:" + document.id;
  doc::TokenIndex sentence_start = 0;
  uint32_t begin = 0;
  const uint32_t size = static_cast<uint32_t>(document.text.size());
  while (begin < size) {
    uint32_t end = begin;
    while (end < size && document.text[end] != ' ') ++end;
    document.tokens.push_back({{begin, end}});
    const auto token_count = static_cast<doc::TokenIndex>(document.tokens.size());
    if (document.text[end - 1] == '.' || end == size) {
      const uint32_t first = document.tokens[sentence_start].span.begin;
      document.sentences.push_back({sentence_start, token_count, {first, end}});
      sentence_start = token_count;
    }
    begin = end + 1;
  }
  return document;
}

// Appends an event "<source> <cameo> <target>" reported by sentence `sentence` of `document`,
// whose arguments are the sentence's first and last token.
// REQUIRES: the sentence exists and has at least one token.
inline doc::Event& AddEvent(doc::Document& document, uint32_t sentence, std::string source,
                            std::string cameo, std::string target) {
  const doc::Sentence& where = document.sentences[sentence];
  doc::Event event;
  event.sentence = sentence;
  event.verb = where.token_begin + 1;
  event.source = {where.token_begin, document.tokens[where.token_begin].span, std::move(source),
                  "SOURCE_ACTOR"};
  event.target = {where.token_end - 1, document.tokens[where.token_end - 1].span,
                  std::move(target), ""};
  event.root = cameo.substr(0, 2);
  event.cameo = std::move(cameo);
  event.quad_class = 1;
  event.goldstein = 1.5f;
  event.pattern = "* MEET +";
  event.pattern_source = "test.verbs:1";
  document.events.events.push_back(std::move(event));
  return document.events.events.back();
}

inline std::vector<const doc::Document*> Pointers(const std::vector<doc::Document>& documents) {
  std::vector<const doc::Document*> pointers;
  for (const doc::Document& document : documents) pointers.push_back(&document);
  return pointers;
}

template <typename Backend>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Reopen()); }

  // Closes the store, if open, and opens it again on the same database.
  bool Reopen() {
    store_.reset();
    StatusOr<std::unique_ptr<Store>> store = backend_.Open();
    EXPECT_THAT(store, khabar::testing::IsOk());
    if (!store.ok()) return false;
    store_ = std::move(store).value();
    return true;
  }

  StatusOr<std::vector<DocumentWrite>> Write(const std::vector<doc::Document>& documents) {
    const std::vector<const doc::Document*> pointers = Pointers(documents);
    return store_->WriteDocuments(pointers);
  }

  StoreSummary Summary() {
    StatusOr<StoreSummary> summary = store_->Summarize();
    EXPECT_THAT(summary, khabar::testing::IsOk());
    return summary.ok() ? *summary : StoreSummary{};
  }

  Backend backend_;
  std::unique_ptr<Store> store_;
};

TYPED_TEST_SUITE_P(StoreTest);

using Outcome = DocumentWrite::Outcome;
using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

TYPED_TEST_P(StoreTest, EmptyStoreSummarisesToZero) {
  const StoreSummary summary = this->Summary();
  EXPECT_EQ(summary.documents, 0);
  EXPECT_EQ(summary.sentences, 0);
  EXPECT_EQ(summary.tokens, 0);
  EXPECT_EQ(summary.events, 0);
  EXPECT_EQ(summary.reports, 0);
  EXPECT_EQ(summary.quarantined, 0);
}

TYPED_TEST_P(StoreTest, SummaryCountsDocumentsSentencesAndTokens) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("a", "https://x.test/a", "Troops crossed the river. Nobody died."));
  batch.push_back(MakeDocument("b", "", "The minister resigned on Friday."));
  auto writes = this->Write(batch);
  ASSERT_THAT(writes, IsOk());
  ASSERT_EQ(writes->size(), 2u);
  EXPECT_EQ((*writes)[0].outcome, Outcome::kInserted);
  EXPECT_EQ((*writes)[1].outcome, Outcome::kInserted);
  EXPECT_NE((*writes)[0].row_id, (*writes)[1].row_id);
  const StoreSummary summary = this->Summary();
  EXPECT_EQ(summary.documents, 2);
  EXPECT_EQ(summary.sentences, 3);
  EXPECT_EQ(summary.tokens, 11);
}

TYPED_TEST_P(StoreTest, SameUrlIsStoredOnce) {
  std::vector<doc::Document> first;
  first.push_back(MakeDocument("orig", "https://x.test/story", "Rebels seized the port."));
  ASSERT_THAT(this->Write(first), IsOk());
  std::vector<doc::Document> again;
  again.push_back(MakeDocument("edit", "https://x.test/story", "Rebels seized the old port."));
  auto writes = this->Write(again);
  ASSERT_THAT(writes, IsOk());
  EXPECT_EQ((*writes)[0].outcome, Outcome::kDuplicateUrl);
  EXPECT_EQ((*writes)[0].existing_doc_id, "orig");
  EXPECT_EQ(this->Summary().documents, 1);
}

TYPED_TEST_P(StoreTest, SameContentUnderAnotherUrlIsStoredOnce) {
  std::vector<doc::Document> first;
  first.push_back(MakeDocument("wire", "https://wire.test/1", "Talks resumed in Geneva."));
  auto inserted = this->Write(first);
  ASSERT_THAT(inserted, IsOk());
  std::vector<doc::Document> copy;
  copy.push_back(MakeDocument("copy", "https://paper.test/9", "Talks resumed in Geneva."));
  auto writes = this->Write(copy);
  ASSERT_THAT(writes, IsOk());
  EXPECT_EQ((*writes)[0].outcome, Outcome::kDuplicateContent);
  EXPECT_EQ((*writes)[0].existing_doc_id, "wire");
  EXPECT_EQ((*writes)[0].row_id, (*inserted)[0].row_id);
  EXPECT_EQ(this->Summary().documents, 1);
  EXPECT_EQ(this->Summary().sentences, 1);
}

TYPED_TEST_P(StoreTest, DuplicatesWithinOneBatchAreStoredOnce) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("one", "https://x.test/1", "A convoy was ambushed."));
  batch.push_back(MakeDocument("two", "https://x.test/1", "Different text, same address."));
  batch.push_back(MakeDocument("three", "", "A convoy was ambushed."));
  auto writes = this->Write(batch);
  ASSERT_THAT(writes, IsOk());
  EXPECT_EQ((*writes)[0].outcome, Outcome::kInserted);
  EXPECT_EQ((*writes)[1].outcome, Outcome::kDuplicateUrl);
  EXPECT_EQ((*writes)[2].outcome, Outcome::kDuplicateContent);
  EXPECT_EQ((*writes)[2].existing_doc_id, "one");
  EXPECT_EQ(this->Summary().documents, 1);
}

TYPED_TEST_P(StoreTest, ReopenedStoreStillDeduplicates) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("kept", "https://x.test/k", "Aid trucks entered the city."));
  ASSERT_THAT(this->Write(batch), IsOk());
  ASSERT_TRUE(this->Reopen());
  auto writes = this->Write(batch);
  ASSERT_THAT(writes, IsOk());
  EXPECT_EQ((*writes)[0].outcome, Outcome::kDuplicateUrl);
  EXPECT_EQ(this->Summary().documents, 1);
}

TYPED_TEST_P(StoreTest, FailingDocumentRollsBackItsWholeBatch) {
  std::vector<doc::Document> earlier;
  earlier.push_back(MakeDocument("early", "", "The border reopened."));
  ASSERT_THAT(this->Write(earlier), IsOk());
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("b1", "", "Shelling hit the suburbs."));
  batch.push_back(MakeDocument("b2", "", "Hospitals asked for fuel."));
  batch.push_back(MakeDocument("", "", "This one has no id."));
  EXPECT_THAT(this->Write(batch), StatusIs(StatusCode::kInvalidArgument, HasSubstr("empty id")));
  EXPECT_EQ(this->Summary().documents, 1);
  EXPECT_EQ(this->Summary().sentences, 1);
  batch.pop_back();
  auto writes = this->Write(batch);
  ASSERT_THAT(writes, IsOk());
  EXPECT_EQ((*writes)[0].outcome, Outcome::kInserted);
  EXPECT_EQ((*writes)[1].outcome, Outcome::kInserted);
  EXPECT_EQ(this->Summary().documents, 3);
}

TYPED_TEST_P(StoreTest, RejectsMissingHashAndSentencesOutsideTheDocument) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("nohash", "", "Clashes erupted."));
  batch.back().content_hash = 0;
  EXPECT_THAT(this->Write(batch), StatusIs(StatusCode::kInvalidArgument, HasSubstr("nohash")));
  batch.clear();
  batch.push_back(MakeDocument("overrun", "", "Clashes erupted."));
  batch.back().sentences[0].span.end = 999;
  EXPECT_THAT(this->Write(batch), StatusIs(StatusCode::kInvalidArgument, HasSubstr("span")));
  batch.clear();
  batch.push_back(MakeDocument("rawshort", "", "Clashes erupted."));
  batch.back().raw = "Clashes";
  EXPECT_THAT(this->Write(batch), StatusIs(StatusCode::kInvalidArgument, HasSubstr("raw text")));
  batch.clear();
  batch.push_back(MakeDocument("tokens", "", "Clashes erupted."));
  batch.back().sentences[0].token_end = 5;
  EXPECT_THAT(this->Write(batch), StatusIs(StatusCode::kInvalidArgument, HasSubstr("token")));
  EXPECT_EQ(this->Summary().documents, 0);
}

TYPED_TEST_P(StoreTest, EmptyBatchAndUntokenisedDocumentAreAccepted) {
  EXPECT_THAT(this->Write({}), IsOk());
  std::vector<doc::Document> batch;
  doc::Document raw_only;
  raw_only.id = "raw";
  raw_only.raw = "Text that the text stage has not seen.";
  raw_only.content_hash = TestHash(raw_only.raw);
  batch.push_back(std::move(raw_only));
  ASSERT_THAT(this->Write(batch), IsOk());
  EXPECT_EQ(this->Summary().documents, 1);
  EXPECT_EQ(this->Summary().sentences, 0);
}

TYPED_TEST_P(StoreTest, QuarantineAddsRows) {
  QuarantineRecord record{"feeds/a.jsonl", "d7", "ingest", 3, 812, "DataLoss", "truncated JSON"};
  EXPECT_THAT(this->store_->Quarantine(record), IsOk());
  EXPECT_THAT(this->store_->Quarantine(record), IsOk());
  EXPECT_EQ(this->Summary().quarantined, 2);
  record.stage.clear();
  EXPECT_THAT(this->store_->Quarantine(record),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("stage")));
}

TYPED_TEST_P(StoreTest, FingerprintsRoundTripEveryByte) {
  std::string every_byte;
  for (int value = 0; value < 256; ++value) every_byte.push_back(static_cast<char>(value));
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("bytes", "", "Ceasefire announced."));
  batch.back().minhash = every_byte + every_byte;  // NUL and invalid UTF-8 included
  batch.push_back(MakeDocument("none", "", "Ceasefire violated."));
  batch.back().minhash.clear();
  ASSERT_THAT(this->Write(batch), IsOk());
  auto fingerprints = this->store_->LoadFingerprints();
  ASSERT_THAT(fingerprints, IsOk());
  ASSERT_EQ(fingerprints->size(), 2u);
  EXPECT_EQ((*fingerprints)[0].doc_id, "bytes");
  EXPECT_EQ((*fingerprints)[0].minhash, every_byte + every_byte);
  EXPECT_EQ((*fingerprints)[1].doc_id, "none");
  EXPECT_EQ((*fingerprints)[1].minhash, "");
}

TYPED_TEST_P(StoreTest, EventsAndReportsAreWritten) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("e", "https://x.test/e", "Egypt hosted Haftar. Talks went on."));
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL");
  AddEvent(batch.back(), 1, "EGYGOV", "040", "");
  batch.push_back(MakeDocument("f", "", "Rebels shelled the town."));
  AddEvent(batch.back(), 0, "LBYREB", "190", "LBY");
  ASSERT_THAT(this->Write(batch), IsOk());
  const StoreSummary summary = this->Summary();
  EXPECT_EQ(summary.documents, 2);
  EXPECT_EQ(summary.events, 3);
  EXPECT_EQ(summary.reports, 3);
}

TYPED_TEST_P(StoreTest, RewritingADocumentStoresNoNewEvents) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("e", "https://x.test/e", "Egypt hosted Haftar. Talks went on."));
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL");
  AddEvent(batch.back(), 1, "EGYGOV", "040", "");
  ASSERT_THAT(this->Write(batch), IsOk());
  auto again = this->Write(batch);  // same url and content: a duplicate
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ((*again)[0].outcome, Outcome::kDuplicateUrl);
  ASSERT_TRUE(this->Reopen());
  std::vector<doc::Document> copy;  // same content under another url
  copy.push_back(MakeDocument("copy", "https://y.test/c", "Egypt hosted Haftar. Talks went on."));
  AddEvent(copy.back(), 0, "EGYGOV", "042", "LBYMIL");
  auto copied = this->Write(copy);
  ASSERT_THAT(copied, IsOk());
  EXPECT_EQ((*copied)[0].outcome, Outcome::kDuplicateContent);
  const StoreSummary summary = this->Summary();
  EXPECT_EQ(summary.documents, 1);
  EXPECT_EQ(summary.events, 2);
  EXPECT_EQ(summary.reports, 2);
}

TYPED_TEST_P(StoreTest, DocumentWithoutEventsWritesNone) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("quiet", "", "Nothing happened. Again."));
  ASSERT_THAT(this->Write(batch), IsOk());
  const StoreSummary summary = this->Summary();
  EXPECT_EQ(summary.documents, 1);
  EXPECT_EQ(summary.sentences, 2);
  EXPECT_EQ(summary.events, 0);
  EXPECT_EQ(summary.reports, 0);
}

TYPED_TEST_P(StoreTest, SameEventTwiceInASentenceIsStoredOnce) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("twice", "", "Egypt hosted Haftar."));
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL");
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL").pattern = "* HOST +";
  ASSERT_THAT(this->Write(batch), IsOk());
  EXPECT_EQ(this->Summary().events, 1);
  EXPECT_EQ(this->Summary().reports, 1);
}

TYPED_TEST_P(StoreTest, EventOutsideTheDocumentRollsBackTheBatch) {
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("good", "", "Egypt hosted Haftar."));
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL");
  batch.push_back(MakeDocument("badsentence", "", "Egypt hosted Haftar again."));
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL").sentence = 1;
  EXPECT_THAT(this->Write(batch), StatusIs(StatusCode::kInvalidArgument,
                                           ::testing::AllOf(HasSubstr("badsentence"),
                                                            HasSubstr("event 0"))));
  batch.back().events.events.back().sentence = 0;
  batch.back().events.events.back().target.span.end = 999;
  EXPECT_THAT(this->Write(batch),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("target span")));
  const StoreSummary summary = this->Summary();
  EXPECT_EQ(summary.documents, 0);
  EXPECT_EQ(summary.events, 0);
  EXPECT_EQ(summary.reports, 0);
}

// Cross-article merging (internal/event_merger.h, docs/formats/merge.md). One outlet's report
// of an attack on 2019-04-05, by LBYMIL on LBY in Tripoli, with `killed` dead.
inline doc::Document AttackReport(std::string id, std::string outlet, std::string text,
                                  int64_t killed, std::string date = "2019-04-05") {
  doc::Document document = MakeDocument(id, "https://" + id + ".test/a", std::move(text));
  document.outlet = std::move(outlet);
  document.published = date;
  doc::Event& event = AddEvent(document, 0, "LBYMIL", "190", "LBY");
  event.target.actor = "LIBYA";
  event.quad_class = 4;
  event.date = {2019, 4, std::stoi(date.substr(8, 2)), doc::DatePrecision::kDay, true, {}};
  event.place = {"Tripoli", 2210247, "LY", 32.8872, 13.1913, doc::PlacePrecision::kCity, {}, true};
  event.counts.killed.value = killed;
  return document;
}

TYPED_TEST_P(StoreTest, ReportsOfOneEventFromOtherOutletsMerge) {
  std::vector<doc::Document> batch;
  batch.push_back(AttackReport("a", "Sahara Wire", "Haftar forces attacked Tripoli.", 443));
  batch.push_back(AttackReport("b", "Tripoli Herald", "Haftar forces shelled Tripoli.", 450));
  batch.push_back(AttackReport("c", "Sahara Wire", "Haftar forces attacked Tripoli again.", 452));
  ASSERT_THAT(this->Write(batch), IsOk());
  EXPECT_EQ(this->Summary().events, 1);
  EXPECT_EQ(this->Summary().reports, 3);
  // Two outlets; Sahara Wire's larger figure (452) and the Herald's 450: the lower median.
  EXPECT_EQ(this->backend_.Query("SELECT report_count || '|' || corroboration || '|' || fatalities"
                                 " FROM events"),
            "3|2|450");
  EXPECT_EQ(this->backend_.Query("SELECT COUNT(*) FROM reports WHERE merge_score IS NULL"), "1");
  EXPECT_THAT(this->backend_.Query("SELECT merge_reason FROM reports WHERE merge_score IS NOT NULL"
                                   " ORDER BY id LIMIT 1"),
              HasSubstr("score"));
  // Each report keeps its own figure.
  EXPECT_THAT(this->backend_.Query("SELECT extra FROM reports ORDER BY id LIMIT 1"),
              HasSubstr("\"fatalities\":443"));
}

TYPED_TEST_P(StoreTest, ASyndicatedCopyCountsAsItsOriginalsOutlet) {
  std::vector<doc::Document> batch;
  batch.push_back(AttackReport("wire", "Sahara Wire", "Haftar forces attacked Tripoli.", 12));
  batch.push_back(AttackReport("copy", "Daily Mirror", "Haftar forces attacked Tripoli today.", 12));
  batch.back().near_duplicate_of = "wire";
  ASSERT_THAT(this->Write(batch), IsOk());
  EXPECT_EQ(this->backend_.Query("SELECT report_count || '|' || corroboration FROM events"), "2|1");
}

TYPED_TEST_P(StoreTest, OtherDaysPlacesAndArticlesStayApart) {
  std::vector<doc::Document> batch;
  batch.push_back(AttackReport("a", "Sahara Wire", "Haftar forces attacked Tripoli.", 5));
  batch.push_back(AttackReport("week", "Tripoli Herald", "Haftar forces hit Tripoli.", 5,
                               "2019-04-12"));
  batch.push_back(AttackReport("far", "Libya Today", "Haftar forces attacked Benghazi.", 5));
  batch.back().events.events[0].place = {"Benghazi", 88319, "LY", 32.1167, 20.0667,
                                         doc::PlacePrecision::kCity, {}, true};
  // A second attack in the first article's own text stays its own event.
  doc::Event& second = AddEvent(batch.front(), 0, "LBYMIL", "193", "LBY");
  second.date = batch.front().events.events[0].date;
  second.place = batch.front().events.events[0].place;
  ASSERT_THAT(this->Write(batch), IsOk());
  EXPECT_EQ(this->Summary().events, 4);
  EXPECT_EQ(this->backend_.Query("SELECT MAX(report_count) FROM events"), "1");
}

TYPED_TEST_P(StoreTest, MergingIsIncrementalAndReingestingChangesNothing) {
  std::vector<doc::Document> first;
  first.push_back(AttackReport("a", "Sahara Wire", "Haftar forces attacked Tripoli.", 7));
  ASSERT_THAT(this->Write(first), IsOk());
  const std::string event_id = this->backend_.Query("SELECT event_id FROM events");
  ASSERT_TRUE(this->Reopen());
  std::vector<doc::Document> later;
  later.push_back(AttackReport("b", "Tripoli Herald", "Haftar forces shelled Tripoli.", 9));
  ASSERT_THAT(this->Write(later), IsOk());
  ASSERT_THAT(this->Write(first), IsOk());
  ASSERT_THAT(this->Write(later), IsOk());
  EXPECT_EQ(this->backend_.Query("SELECT event_id || '|' || report_count FROM events"),
            event_id + "|2");  // the id of the event stays that of its first report
  EXPECT_EQ(this->Summary().reports, 2);
}

REGISTER_TYPED_TEST_SUITE_P(StoreTest, ReportsOfOneEventFromOtherOutletsMerge,
                            ASyndicatedCopyCountsAsItsOriginalsOutlet,
                            OtherDaysPlacesAndArticlesStayApart,
                            MergingIsIncrementalAndReingestingChangesNothing,
                            EmptyStoreSummarisesToZero,
                            SummaryCountsDocumentsSentencesAndTokens, SameUrlIsStoredOnce,
                            SameContentUnderAnotherUrlIsStoredOnce,
                            DuplicatesWithinOneBatchAreStoredOnce, ReopenedStoreStillDeduplicates,
                            FailingDocumentRollsBackItsWholeBatch,
                            RejectsMissingHashAndSentencesOutsideTheDocument,
                            EmptyBatchAndUntokenisedDocumentAreAccepted, QuarantineAddsRows,
                            FingerprintsRoundTripEveryByte, EventsAndReportsAreWritten,
                            RewritingADocumentStoresNoNewEvents, DocumentWithoutEventsWritesNone,
                            SameEventTwiceInASentenceIsStoredOnce,
                            EventOutsideTheDocumentRollsBackTheBatch);

}  // namespace khabar::store::testing

#endif  // KHABAR_STORE_STORE_TEST_SUITE_H_
