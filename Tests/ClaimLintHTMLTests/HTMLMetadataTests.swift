import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// Dates, titles and authors from meta tags, `<time>` and JSON-LD.
@Suite struct HTMLMetadataTests {
  @Test func metaPublishedTimeWins() {
    let html = """
      <head><meta property="article:published_time" content="2024-03-05T09:12:00Z">
      <script type="application/ld+json">{"datePublished": "2024-03-01"}</script></head>
      <article><p>The council approved the plan on Tuesday evening by a narrow margin of two votes.</p></article>
      """
    let result = HTMLReader().read(SourceFile(path: "m.html", text: html))
    #expect(result.date == CalendarDate(year: 2024, month: 3, day: 5))
    #expect(result.dateEvidence == "meta article:published_time")
  }

  @Test func jsonLDGraphDate() {
    let html = """
      <head><title>Mine rescue ends | Northern Post</title>
      <script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Northern Post"},
       {"@type":"NewsArticle","headline":"Mine rescue ends","datePublished" : "2023-11-28T17:40:00+02:00",
        "author":{"@type":"Person","name":"Aino Virtanen"}}]}
      </script></head>
      <body><article><h1>Mine rescue ends</h1><p>All 14 miners were brought to the surface on Tuesday after 40 hours underground.</p></article></body>
      """
    let result = HTMLReader().read(SourceFile(path: "j.html", text: html))
    #expect(result.date == CalendarDate(year: 2023, month: 11, day: 28))
    #expect(result.dateEvidence == "JSON-LD datePublished")
    #expect(result.title == "Mine rescue ends | Northern Post")
  }

  @Test func timeElementInsideTheArticle() {
    let html = """
      <body><div class="sidebar"><time datetime="2020-01-01">Archive</time></div>
      <article><h1>Tram line extended</h1><p class="dateline"><time datetime="2022-09-14T08:00">14 September 2022</time></p>
      <p>The tram line to the airport opened on Wednesday, two years later than planned and 30 percent over budget.</p></article></body>
      """
    let result = HTMLReader().read(SourceFile(path: "t.html", text: html))
    #expect(result.date == CalendarDate(year: 2022, month: 9, day: 14))
    #expect(result.dateEvidence == "<time datetime> in the article")
    #expect(result.title == "Tram line extended")
    #expect(result.blocks.first { $0.text == "14 September 2022" }?.hint == .byline)
  }

  @Test func itempropDatePublishedAndMetaDate() {
    let a = HTMLReader().read(
      SourceFile(path: "a.html", text: "<meta itemprop=\"datePublished\" content=\"2021-06-30\"><p>Text of the article.</p>"))
    #expect(a.date == CalendarDate(year: 2021, month: 6, day: 30))
    let b = HTMLReader().read(SourceFile(path: "b.html", text: "<meta name=\"date\" content=\"2019/12/24\"><p>Text.</p>"))
    #expect(b.date == CalendarDate(year: 2019, month: 12, day: 24))
    #expect(b.dateEvidence == "meta date")
  }
}
