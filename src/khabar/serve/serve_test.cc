// The API end to end: a real server on an ephemeral loopback port, in a thread, over an
// SQLite store of invented articles, asked over HTTP with httplib::Client.
#include <httplib.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "khabar/base/status_matchers.h"
#include "khabar/dict/actor_dictionary.h"
#include "khabar/serve/actor_aliases.h"
#include "khabar/serve/api.h"
#include "khabar/serve/http_server.h"
#include "khabar/serve/params.h"
#include "khabar/serve/report_segments.h"
#include "khabar/serve/serve_test_corpus.h"
#include "khabar/serve/static_files.h"
#include "khabar/serve/store_reader.h"
#include "khabar/store/sqlite_test_util.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::store::testing {
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StoreTest);
}  // namespace khabar::store::testing

namespace khabar::serve {
namespace {

using ::khabar::store::testing::Pointers;
using ::khabar::store::testing::RawQuery;
using ::khabar::store::testing::ScratchDir;
using ::khabar::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using json = nlohmann::json;

void WriteFile(const std::string& path, const std::string& bytes) { std::ofstream(path) << bytes; }

// A server on a free loopback port over the corpus, for the whole suite.
class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    const std::string db = dir_->File("k.db");
    {
      StatusOr<std::unique_ptr<store::SqliteStore>> store = store::SqliteStore::Open(db);
      ASSERT_THAT(store, IsOk());
      const std::vector<doc::Document> documents = testing::Corpus();
      ASSERT_THAT((*store)->WriteDocuments(Pointers(documents)), IsOk());
    }
    for (const std::string& sql : testing::CorpusUpdates()) ASSERT_EQ(RawQuery(db, sql), "") << sql;
    std::filesystem::create_directories(dir_->File("web/assets"));
    WriteFile(dir_->File("web/index.html"), "<!doctype html><title>dashboard</title>");
    WriteFile(dir_->File("web/assets/app.js"), "console.log('khabar');");
    WriteFile(dir_->File("secret.txt"), "outside the web root");
    const dict::DictionarySource source{"test.actors.txt", testing::kActors};
    dict::Warnings warnings;
    aliases_ = new ActorAliases(dict::ActorDictionary::Parse({&source, 1}, &warnings));
    pool_ = new ReaderPool([db] { return OpenSqliteReader(db); });
    api_ = new Api(pool_, aliases_);
    server_ = new HttpServer(api_, {.host = "127.0.0.1", .port = 0, .web_root = dir_->File("web")});
    StatusOr<int> port = server_->Bind();
    ASSERT_THAT(port, IsOk());
    port_ = *port;
    thread_ = new std::thread([] { (void)server_->Serve(); });
  }

  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete api_;
    delete pool_;
    delete aliases_;
    delete dir_;
  }

  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", port_);
    client.set_url_encode(false);  // send the path exactly as written
    return client;
  }

  // GET `path`: the status, and the body parsed as JSON (null when it is not JSON).
  static std::pair<int, json> Get(const std::string& path) {
    httplib::Result result = Client().Get(path);
    if (!result) return {0, nullptr};
    return {result->status, json::parse(result->body, nullptr, false)};
  }

  static std::string ErrorOf(const std::string& path, int expected_status) {
    const auto [status, body] = Get(path);
    EXPECT_EQ(status, expected_status) << path;
    return body.is_object() && body.contains("error") ? body["error"].get<std::string>() : "";
  }

  static std::vector<std::string> Cameos(const json& events) {
    std::vector<std::string> cameos;
    for (const json& event : events) cameos.push_back(event["cameo"]);
    return cameos;
  }

  static inline ScratchDir* dir_ = nullptr;
  static inline ActorAliases* aliases_ = nullptr;
  static inline ReaderPool* pool_ = nullptr;
  static inline Api* api_ = nullptr;
  static inline HttpServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(ServeTest, EventsArePagedByDateWithTheirTotal) {
  auto [status, body] = Get("/api/events?page_size=2");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["page"], 1);
  EXPECT_EQ(body["page_size"], 2);
  EXPECT_EQ(body["total"], 3);
  EXPECT_THAT(Cameos(body["events"]), ElementsAre("190", "040"));
  EXPECT_EQ(body["events"][0]["report_count"], 1);
  EXPECT_EQ(body["events"][0]["corroboration"], 1);
  EXPECT_EQ(body["events"][0]["fatalities"], 3);
  std::tie(status, body) = Get("/api/events?page_size=2&page=2");
  EXPECT_EQ(body["total"], 3);
  EXPECT_THAT(Cameos(body["events"]), ElementsAre("195"));
  std::tie(status, body) = Get("/api/events?page=9");
  EXPECT_EQ(status, 200);
  EXPECT_THAT(body["events"], IsEmpty());
  EXPECT_EQ(Get("/api/events").second["page_size"], 50);
}

TEST_F(ServeTest, EventsTakeTheFiltersOfKhabarQuery) {
  EXPECT_THAT(Cameos(Get("/api/events?actor=Hifter").second["events"]), ElementsAre("040", "195"));
  EXPECT_THAT(Cameos(Get("/api/events?root=19").second["events"]), ElementsAre("190", "195"));
  EXPECT_THAT(Cameos(Get("/api/events?cameo=04&code=lby").second["events"]), ElementsAre("040"));
  EXPECT_THAT(Cameos(Get("/api/events?quad=4&country=LY").second["events"]), ElementsAre("190", "195"));
  EXPECT_THAT(Cameos(Get("/api/events?from=2019-05-28&to=2020").second["events"]), ElementsAre("040", "195"));
  EXPECT_THAT(Cameos(Get("/api/events?near=32.11,20.07&radius_km=300").second["events"]), ElementsAre("190"));
  EXPECT_THAT(Cameos(Get("/api/events?certainty=alleged,denied").second["events"]), ElementsAre("195"));
  EXPECT_THAT(Cameos(Get("/api/events?text=shelled%20tripoli").second["events"]), ElementsAre("195"));
  EXPECT_EQ(Get("/api/events?root=19&page_size=1").second["total"], 2);
}

TEST_F(ServeTest, BadParametersAreNamed) {
  EXPECT_EQ(ErrorOf("/api/events?colour=red", 400), "unknown parameter 'colour'");
  EXPECT_EQ(ErrorOf("/api/events?page_size=501", 400), "bad page_size 501: expected 1 to 500");
  EXPECT_EQ(ErrorOf("/api/events?page=0", 400), "bad page 0: expected 1 to 10000000");
  EXPECT_EQ(ErrorOf("/api/events?page=two", 400), "bad page 'two': expected a whole number");
  EXPECT_EQ(ErrorOf("/api/events?from=2019-13", 400), "bad date '2019-13' for from: no month 13");
  EXPECT_EQ(ErrorOf("/api/events?near=32.89&radius_km=5", 400),
            "bad near '32.89': expected LAT,LON such as 32.11,20.07");
  EXPECT_EQ(ErrorOf("/api/events?near=32.89,13.19", 400), "near needs radius_km");
  EXPECT_EQ(ErrorOf("/api/events?near=32.89,13.19&radius_km=far", 400), "bad radius_km 'far': expected a number");
  EXPECT_THAT(ErrorOf("/api/events?quad=5", 400), HasSubstr("bad quad 5"));
  EXPECT_THAT(ErrorOf("/api/events?root=1", 400), HasSubstr("bad root '1'"));
  EXPECT_EQ(ErrorOf("/api/events?root=19&root=18", 400), "parameter 'root' given more than once");
  EXPECT_EQ(ErrorOf("/api/stats/daily?page=1", 400), "unknown parameter 'page'");
  EXPECT_EQ(ErrorOf("/api/network?limit=0", 400), "bad limit 0: expected 1 to 5000");
  EXPECT_EQ(ErrorOf("/api/nothing", 404), "no API route /api/nothing");
}

TEST_F(ServeTest, AnEventComesWithItsReportsCutIntoSegments) {
  const json events = Get("/api/events?cameo=040").second["events"];
  ASSERT_EQ(events.size(), 1u);
  const auto [status, body] = Get("/api/events/" + events[0]["id"].get<std::string>());
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["event"]["id"], events[0]["id"]);
  EXPECT_EQ(body["event"]["report_count"], 1);
  ASSERT_EQ(body["reports"].size(), 1u);
  const json& report = body["reports"][0];
  EXPECT_EQ(report["doc_id"], "a");
  EXPECT_EQ(report["title"], "Talks in Cairo");
  EXPECT_EQ(report["sentence"], "Hafter met Sisi in Cairo.");
  EXPECT_EQ(report["sentence_begin"], 0);
  EXPECT_EQ(report["sentence_end"], 25);
  EXPECT_EQ(report["figures"]["fatalities"], 2);  // the report's own figure, from reports.extra
  EXPECT_EQ(report["figures"]["injured"], nullptr);
  EXPECT_EQ(report["merge_score"], nullptr);
  std::vector<std::pair<std::string, json>> segments;
  for (const json& segment : report["segments"]) segments.emplace_back(segment["text"], segment["role"]);
  EXPECT_THAT(segments, ElementsAre(std::pair<std::string, json>{"Hafter", "source"},
                                    std::pair<std::string, json>{" ", nullptr},
                                    std::pair<std::string, json>{"met", "verb"},
                                    std::pair<std::string, json>{" ", nullptr},
                                    std::pair<std::string, json>{"Sisi", "target"},
                                    std::pair<std::string, json>{" in Cairo.", nullptr}));
}

TEST_F(ServeTest, AReportWithoutExtraTakesItsEventsCodingAndOneSegment) {
  const json events = Get("/api/events?cameo=190").second["events"];
  const json body = Get("/api/events/" + events[0]["id"].get<std::string>()).second;
  const json& report = body["reports"][0];
  EXPECT_EQ(report["sentence"], "Rebels attacked near Derna.");
  EXPECT_EQ(report["sentence_begin"], 26);
  EXPECT_EQ(report["cameo"], "190");
  EXPECT_EQ(report["figures"]["fatalities"], 3);
  ASSERT_EQ(report["segments"].size(), 1u);
  EXPECT_EQ(report["segments"][0]["text"], "Rebels attacked near Derna.");
  EXPECT_EQ(report["segments"][0]["role"], nullptr);
}

TEST_F(ServeTest, AnUnknownEventIs404) {
  EXPECT_EQ(ErrorOf("/api/events/0123456789abcdef", 404), "no event '0123456789abcdef'");
}

TEST_F(ServeTest, ActorsByActivityWithAliasesAndTransliteratedSearch) {
  auto [status, body] = Get("/api/actors");
  ASSERT_EQ(status, 200);
  ASSERT_GE(body["actors"].size(), 4u);
  EXPECT_EQ(body["actors"][0]["name"], "Khalifa Haftar");
  EXPECT_EQ(body["actors"][0]["code"], "LBYMIL");
  EXPECT_EQ(body["actors"][0]["events"], 2);
  EXPECT_THAT(body["actors"][0]["aliases"], ElementsAre("Khalifa Hifter", "General Haftar"));
  std::tie(status, body) = Get("/api/actors?q=hifter");
  ASSERT_EQ(body["actors"].size(), 1u);
  EXPECT_EQ(body["actors"][0]["name"], "Khalifa Haftar");
  std::tie(status, body) = Get("/api/actors?q=EGY");
  ASSERT_EQ(body["actors"].size(), 1u);
  EXPECT_EQ(body["actors"][0]["code"], "EGYGOV");
  EXPECT_EQ(Get("/api/actors?limit=1").second["actors"].size(), 1u);
  EXPECT_EQ(ErrorOf("/api/actors?q=%2D%2D", 400), "bad q '--': no name or code in it");
}

TEST_F(ServeTest, ArticlesNewestFirstWithTheirEvents) {
  const auto [status, body] = Get("/api/articles");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["total"], 2);
  ASSERT_EQ(body["articles"].size(), 2u);
  EXPECT_EQ(body["articles"][0]["doc_id"], "b");
  EXPECT_EQ(body["articles"][0]["events"], 1);
  EXPECT_EQ(body["articles"][1]["doc_id"], "a");
  EXPECT_EQ(body["articles"][1]["events"], 2);
  EXPECT_EQ(body["articles"][1]["title"], "Talks in Cairo");
  EXPECT_EQ(body["articles"][1]["outlet"], "Test Wire");
  EXPECT_EQ(Get("/api/articles?page=2&page_size=1").second["articles"][0]["doc_id"], "a");
}

TEST_F(ServeTest, DailyCountsByQuadClass) {
  const auto [status, body] = Get("/api/stats/daily");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["undated_or_coarse"], 1);  // January 2020, month precision
  ASSERT_EQ(body["days"].size(), 2u);
  EXPECT_EQ(body["days"][0], json::parse(R"({"date":"2019-05-27","count":1,"by_quad":{"1":0,"2":0,"3":0,"4":1}})"));
  EXPECT_EQ(body["days"][1], json::parse(R"({"date":"2019-05-28","count":1,"by_quad":{"1":1,"2":0,"3":0,"4":0}})"));
  EXPECT_EQ(Get("/api/stats/daily?root=04").second["days"].size(), 1u);
}

TEST_F(ServeTest, RootCountsWithTheirNames) {
  const auto [status, body] = Get("/api/stats/roots");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["roots"], json::parse(R"([{"root":"04","name":"CONSULT","count":1},)"
                                       R"({"root":"19","name":"FIGHT","count":2}])"));
  EXPECT_EQ(Get("/api/stats/roots?actor=Sisi").second["roots"].size(), 1u);
}

TEST_F(ServeTest, NetworkOfWhoActsOnWhom) {
  auto [status, body] = Get("/api/network");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["edges"].size(), 3u);
  EXPECT_EQ(body["nodes"].size(), 5u);
  for (const json& node : body["nodes"]) {
    if (node["id"] == "LBYMIL") {
      EXPECT_EQ(node["name"], "Khalifa Haftar");
      EXPECT_EQ(node["events"], 2);
    }
  }
  std::tie(status, body) = Get("/api/network?root=19&limit=1");
  ASSERT_EQ(body["edges"].size(), 1u);
  EXPECT_EQ(body["edges"][0]["weight"], 1);
  EXPECT_EQ(body["edges"][0]["by_quad"]["4"], 1);
  EXPECT_EQ(body["nodes"].size(), 2u);
}

TEST_F(ServeTest, StaticFilesFromTheWebRoot) {
  httplib::Result index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(index->body, HasSubstr("dashboard"));
  httplib::Result script = Client().Get("/assets/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ErrorOf("/assets/missing.js", 404), "no file /assets/missing.js");
}

TEST_F(ServeTest, NoPathLeavesTheWebRoot) {
  for (const std::string path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                                 "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                                 "//etc/passwd", "/%2Fetc%2Fpasswd", "/..%5Csecret.txt", "/./index.html"}) {
    httplib::Result result = Client().Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_TRUE(result->status == 400 || result->status == 404) << path << ": " << result->status;
    EXPECT_THAT(result->body, ::testing::Not(HasSubstr("outside the web root"))) << path;
    EXPECT_THAT(result->body, ::testing::Not(HasSubstr("root:"))) << path;
  }
}

TEST_F(ServeTest, OnlyGetAndHeadAreAllowed) {
  httplib::Result post = Client().Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  httplib::Result remove = Client().Delete("/api/events/x");
  ASSERT_TRUE(remove);
  EXPECT_EQ(remove->status, 405);
  httplib::Result head = Client().Head("/api/events");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

TEST_F(ServeTest, RequestsOverTheCapsAreRefused) {
  httplib::Result big = Client().Post("/api/events", std::string(kMaxRequestBodyBytes + 1, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  httplib::Result long_uri = Client().Get("/api/events?text=" + std::string(9000, 'a'));
  ASSERT_TRUE(long_uri);
  EXPECT_EQ(long_uri->status, 414);
}

TEST_F(ServeTest, AWebRootWithoutIndexSaysTheDashboardWasNotBuilt) {
  ScratchDir empty;
  HttpServer server(api_, {.host = "127.0.0.1", .port = 0, .web_root = empty.File("")});
  StatusOr<int> port = server.Bind();
  ASSERT_THAT(port, IsOk());
  std::thread serving([&server] { (void)server.Serve(); });
  httplib::Client client("127.0.0.1", *port);
  httplib::Result result = client.Get("/");
  server.Stop();
  serving.join();
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_THAT(result->body, HasSubstr("dashboard was not built"));
}

TEST(ReportSegmentsTest, CutsOnCharacterBoundariesAndDropsOverlaps) {
  const std::string sentence = "Ḥaftar met Sīsī.";  // Ḥ and ī are multi-byte
  const int64_t begin = 100;
  // The source span ends inside "Ḥ" (widened to the whole character); the verb overlaps it.
  std::vector<Segment> pieces = CutSentence(sentence, begin, {{"source", 100, 101}, {"verb", 100, 104}});
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].text, "Ḥ");
  EXPECT_EQ(pieces[0].role, "source");
  std::string joined;
  for (const Segment& piece : CutSentence(sentence, begin, {{"target", 110, 500}, {"verb", 50, 101}})) {
    joined += piece.text;
  }
  EXPECT_EQ(joined, sentence);
  EXPECT_THAT(CutSentence("", 0, {}), IsEmpty());
}

TEST(ReportSegmentsTest, ExtraThatIsNotAnObjectOrHasBadSpansIsIgnored) {
  EXPECT_TRUE(ParseReportExtra("not json").json.empty());
  EXPECT_TRUE(ParseReportExtra("[1,2]").json.empty());
  EXPECT_THAT(ParseReportExtra(R"({"source_span":[5,2],"verb_span":"x","target_span":[1]})").spans, IsEmpty());
  EXPECT_EQ(ParseReportExtra(R"({"verb_span":[3,9]})").spans.size(), 1u);
}

TEST(ParamsTest, FlagNamesBecomeParameterNames) {
  EXPECT_EQ(ParamMessage("bad --quad-class 7: expected 1 to 4"), "bad quad 7: expected 1 to 4");
  EXPECT_EQ(ParamMessage("bad --radius-km 0: x; bad date 'y' for --to"), "bad radius_km 0: x; bad date 'y' for to");
}

TEST(StaticFilesTest, ContentTypesByExtension) {
  EXPECT_EQ(ContentTypeFor("a/b.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("tiles.pbf"), "application/x-protobuf");
  EXPECT_EQ(ContentTypeFor("dir.v2/file"), "application/octet-stream");
}

}  // namespace
}  // namespace khabar::serve
