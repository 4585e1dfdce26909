#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/ingest/internal/collect_for_test.h"

namespace khabar::ingest {
namespace {

using internal::CollectBytes;
using internal::Collected;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Valley Courier</title>
  <link>https://example.org/</link>
  <item>
    <title>Quay delayed</title>
    <link>https://example.org/quay</link>
    <guid isPermaLink="false">courier-quay-1</guid>
    <pubDate>Mon, 05 Apr 2021 08:30:00 +0100</pubDate>
    <description>&lt;p&gt;The quay will open &lt;b&gt;late&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Fishermen object.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Rain floods town</title>
    <link>https://example.org/rain</link>
    <pubDate>Tue, 06 Apr 2021 22:00:00 GMT</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Rain flooded the lower town.</p><p>Follow us on Twitter: @courier</p>]]></content:encoded>
  </item>
</channel>
</rss>
)";

TEST(FeedReaderTest, ReadsRssItems) {
  Collected got = CollectBytes(kRss, "feeds/courier.xml");
  EXPECT_THAT(got.ErrorStrings(), ::testing::IsEmpty());
  ASSERT_EQ(got.documents.size(), 2u);
  const doc::Document& first = got.documents[0];
  EXPECT_EQ(first.id, "courier-quay-1");
  EXPECT_EQ(first.title, "Quay delayed");
  EXPECT_EQ(first.outlet, "Valley Courier");
  EXPECT_EQ(first.url, "https://example.org/quay");
  EXPECT_EQ(first.published, "2021-04-05");
  EXPECT_EQ(first.published_from, doc::DateSource::kInput);
  EXPECT_EQ(first.source_line, 1u);
  EXPECT_EQ(first.raw, "The quay will open late.\n\nFishermen object.");
  const doc::Document& second = got.documents[1];
  EXPECT_EQ(second.id, "https://example.org/rain");       // no guid: the link
  EXPECT_EQ(second.raw, "Rain flooded the lower town.");  // content:encoded beats description
  EXPECT_EQ(second.source_line, 2u);
}

TEST(FeedReaderTest, ReadsAtomEntries) {
  Collected got = CollectBytes(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Coast Radio</title>
  <entry>
    <title>Storm hits coast</title>
    <link rel="alternate" href="https://example.net/storm"/>
    <link rel="edit" href="https://example.net/edit/1"/>
    <id>tag:example.net,2020:storm</id>
    <updated>2020-11-03T10:00:00Z</updated>
    <published>2020-11-02T06:00:00+03:00</published>
    <summary>Storm summary.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The storm hit.</p><p>Boats sank.</p></div></content>
  </entry>
  <entry>
    <title>Calm returns</title>
    <id>tag:example.net,2020:calm</id>
    <updated>2020-11-04T10:00:00Z</updated>
    <content type="text">The wind dropped.

Fishing resumed.</content>
  </entry>
</feed>)",
                               "coast.atom");
  EXPECT_THAT(got.ErrorStrings(), ::testing::IsEmpty());
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].id, "tag:example.net,2020:storm");
  EXPECT_EQ(got.documents[0].url, "https://example.net/storm");
  EXPECT_EQ(got.documents[0].outlet, "Coast Radio");
  EXPECT_EQ(got.documents[0].published, "2020-11-02");
  EXPECT_EQ(got.documents[0].raw, "The storm hit.\n\nBoats sank.");
  EXPECT_EQ(got.documents[1].published, "2020-11-04");  // updated when not published
  EXPECT_EQ(got.documents[1].raw, "The wind dropped.\n\nFishing resumed.");
}

TEST(FeedReaderTest, TruncatedFeedKeepsCompleteItemsAndReportsTheRest) {
  std::string truncated(kRss);
  truncated.resize(truncated.find("<pubDate>Tue"));
  Collected got = CollectBytes(truncated, "cut.rss");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "courier-quay-1");
  ASSERT_EQ(got.errors.size(), 2u);
  EXPECT_THAT(got.errors[0].ToString(), HasSubstr("cut.rss:16: XML error: "));
  EXPECT_THAT(got.errors[1].ToString(),
              HasSubstr("cut.rss:13: incomplete item 2 skipped (truncated feed)"));
}

TEST(FeedReaderTest, RecoveredXmlErrorIsAWarningWhenNoItemIsLost) {
  Collected got = CollectBytes(
      "<rss><channel><title>Fish & Chips Weekly</title>\n<item><guid>x</guid>"
      "<description>Prices rose.</description></item></channel></rss>",
      "amp.rss");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_TRUE(got.errors.empty());
  ASSERT_EQ(got.warnings.size(), 1u);
  EXPECT_THAT(got.warnings[0].ToString(), HasSubstr("amp.rss:1: XML error: "));
  ASSERT_EQ(got.documents[0].diagnostics.size(), 1u);
  EXPECT_THAT(got.documents[0].diagnostics[0].message, HasSubstr("line 1: XML error: "));
}

TEST(FeedReaderTest, ItemWithoutTextIsAnError) {
  Collected got = CollectBytes(
      "<rss><channel><title>C</title>\n<item><title>Only a title</title></item></channel></rss>",
      "e.rss");
  EXPECT_TRUE(got.documents.empty());
  EXPECT_THAT(got.ErrorStrings(), ElementsAre("e.rss:2: no article text"));
}

TEST(FeedReaderTest, OtherXmlIsNotAFeed) {
  Collected got =
      CollectBytes("<?xml version=\"1.0\"?><catalog><book/></catalog>", "books.xml", Format::kFeed);
  EXPECT_THAT(got.ErrorStrings(),
              ElementsAre("books.xml: not an RSS or Atom feed (root element <catalog>)"));
}

TEST(FeedReaderTest, ExternalEntitiesAreNeverLoaded) {
  Collected got = CollectBytes(R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname"><!ENTITY boom "boom boom boom">]>
<rss><channel><title>C</title><item><guid>x</guid><description>Before &secret; &boom; after.</description></item></channel></rss>)",
                               "xxe.rss");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw, "Before after.");
  EXPECT_THAT(got.documents[0].raw, Not(HasSubstr("boom")));
}

TEST(FeedReaderTest, Latin1FeedIsDecoded) {
  Collected got = CollectBytes(
      "<?xml version=\"1.0\" "
      "encoding=\"ISO-8859-1\"?><rss><channel><title>C</title><item><guid>x</guid>"
      "<description>Caf\xE9 reopens.</description></item></channel></rss>",
      "latin.rss");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw, "Caf\xC3\xA9 reopens.");
}

TEST(FeedReaderTest, DeclaredEncodingIsIgnoredBecauseInputIsUtf8) {
  Collected got = CollectBytes(
      "<?xml version=\"1.0\" "
      "encoding=\"ISO-8859-1\"?><rss><channel><title>C</title><item><guid>x</guid>"
      "<description>Caf\xC3\xA9 reopens.</description></item></channel></rss>",
      "enc.rss");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw, "Caf\xC3\xA9 reopens.");
}

}  // namespace
}  // namespace khabar::ingest
