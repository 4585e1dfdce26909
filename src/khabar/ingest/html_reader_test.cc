#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/ingest/internal/collect_for_test.h"

namespace khabar::ingest {
namespace {

using internal::CollectBytes;
using internal::Collected;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPage = R"(<!DOCTYPE html>
<html><head>
<title>Quay delayed | Valley Courier</title>
<meta property="og:title" content="Quay opening delayed by two years">
<meta property="og:site_name" content="Valley Courier">
<meta property="og:url" content="https://example.org/og">
<link rel="canonical" href="https://example.org/quay">
<meta property="article:published_time" content="2021-04-05T08:30:00+01:00">
<script>var tracking = "do not keep";</script>
</head><body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<nav>Politics | Sport | Weather</nav>
<article>
  <h1>Quay opening delayed by two years</h1>
  <div class="share-bar">Share on Facebook Tweet this</div>
  <p>The harbour authority said on <b>Monday</b> that the quay would open late.</p>
  <figure><img src="x.jpg"><figcaption>Cranes at the port [Courier]</figcaption></figure>
  <p>Fishermen &amp; dock workers protested.<br>Police watched.</p>
  <aside>Related: other stories</aside>
  <div class="ad-slot">Buy now</div>
  <p>Follow us on Twitter: @valley_courier</p>
</article>
<section id="comments">Nice article! - reader</section>
<footer>Copyright Valley Courier</footer>
</body></html>
)";

TEST(HtmlReaderTest, ExtractsMetadataAndArticleBody) {
  Collected got = CollectBytes(kPage, "pages/quay.html");
  EXPECT_THAT(got.ErrorStrings(), ::testing::IsEmpty());
  EXPECT_THAT(got.WarningStrings(), ::testing::IsEmpty());
  ASSERT_EQ(got.documents.size(), 1u);
  const doc::Document& page = got.documents[0];
  EXPECT_EQ(page.id, "quay");
  EXPECT_EQ(page.title, "Quay opening delayed by two years");
  EXPECT_EQ(page.outlet, "Valley Courier");
  EXPECT_EQ(page.url, "https://example.org/quay");
  EXPECT_EQ(page.published, "2021-04-05");
  EXPECT_EQ(page.published_from, doc::DateSource::kMetaTag);
  EXPECT_EQ(page.raw,
            "The harbour authority said on Monday that the quay would open late.\n\n"
            "Fishermen & dock workers protested.\n\nPolice watched.");
}

TEST(HtmlReaderTest, TitleFallsBackToTitleTagThenH1) {
  Collected titled = CollectBytes(
      "<html><head><title>From the title tag</title></head><body><h1>Heading</h1><p>Text "
      "here.</p></body></html>",
      "a.html");
  ASSERT_EQ(titled.documents.size(), 1u);
  EXPECT_EQ(titled.documents[0].title, "From the title tag");
  Collected headed =
      CollectBytes("<html><body><h1>Heading</h1><p>Text here.</p></body></html>", "b.html");
  ASSERT_EQ(headed.documents.size(), 1u);
  EXPECT_EQ(headed.documents[0].title, "Heading");
}

TEST(HtmlReaderTest, DateAndPublisherFromJsonLd) {
  Collected got = CollectBytes(R"(<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Storm hits coast",
 "datePublished":"2020-11-02T06:00:00Z","publisher":{"@type":"Organization","name":"Coast Radio"}}]}
</script></head><body><main><p>The storm hit the coast.</p></main></body></html>)",
                               "storm.htm");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].published, "2020-11-02");
  EXPECT_EQ(got.documents[0].title, "Storm hits coast");
  EXPECT_EQ(got.documents[0].outlet, "Coast Radio");
}

TEST(HtmlReaderTest, OtherDateMetaTags) {
  for (const char* tag :
       {R"(<meta name="pubdate" content="2018-07-09">)",
        R"(<meta name="DC.date" content="2018-07-09">)",
        R"(<meta name="date" content="July 9, 2018">)",
        R"(<meta property="og:published_time" content="2018-07-09T01:00:00Z">)"}) {
    Collected got = CollectBytes(
        std::string("<html><head>") + tag + "</head><body><p>Body text.</p></body></html>",
        "d.html");
    ASSERT_EQ(got.documents.size(), 1u) << tag;
    EXPECT_EQ(got.documents[0].published, "2018-07-09") << tag;
  }
}

TEST(HtmlReaderTest, DensestParagraphBlockWithoutArticleElement) {
  Collected got = CollectBytes(R"(<html><body>
<div class="menu"><p>Menu</p></div>
<div class="story"><p>First paragraph of the real story.</p><p>Second paragraph of the real story.</p></div>
<div class="newsletter-box"><p>Sign up for our newsletter to get a very long list of things every morning in your inbox.</p></div>
</body></html>)",
                               "e.html");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw,
            "First paragraph of the real story.\n\nSecond paragraph of the real story.");
}

TEST(HtmlReaderTest, TruncatedPageIsAWarningAndKeepsTheText) {
  Collected got = CollectBytes("<html><body><article><p>The council met.</p><p>It vot", "t.html");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw, "The council met.\n\nIt vot");
  ASSERT_EQ(got.warnings.size(), 1u);
  EXPECT_THAT(got.warnings[0].ToString(), HasSubstr("t.html: byte 53: truncated HTML"));
  EXPECT_EQ(got.documents[0].diagnostics.size(), 1u);
}

TEST(HtmlReaderTest, DeclaredWindows1252IsDecoded) {
  Collected got = CollectBytes(
      "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 \x93open\x94 \x80 "
      "5</p></body></html>",
      "w.html");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw, "Caf\xC3\xA9 \xE2\x80\x9Copen\xE2\x80\x9D \xE2\x82\xAC 5");
  EXPECT_TRUE(got.warnings.empty());
}

TEST(HtmlReaderTest, UndeclaredInvalidUtf8IsRepairedWithWarnings) {
  Collected got = CollectBytes("<html><body><p>Caf\xE9</p></body></html>", "r.html");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw, "Caf\xEF\xBF\xBD");
  EXPECT_THAT(got.WarningStrings(),
              ::testing::ElementsAre("r.html: byte 18: invalid UTF-8 replaced with U+FFFD"));
}

TEST(HtmlReaderTest, PageWithoutBodyTextIsAnError) {
  Collected got = CollectBytes(
      "<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>", "n.html");
  EXPECT_TRUE(got.documents.empty());
  EXPECT_THAT(got.ErrorStrings(),
              ::testing::ElementsAre("n.html: no article text found in the HTML body"));
}

TEST(HtmlReaderTest, BoilerplateLinesInsideTheBodyAreDropped) {
  Collected got = CollectBytes(kPage, "quay.html");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_THAT(got.documents[0].raw, Not(HasSubstr("Follow us")));
  EXPECT_THAT(got.documents[0].raw, Not(HasSubstr("Share")));
  EXPECT_THAT(got.documents[0].raw, Not(HasSubstr("Buy now")));
}

}  // namespace
}  // namespace khabar::ingest
