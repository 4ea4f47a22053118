import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// Article body detection, related links, captions and the form-wrapped page.
@Suite struct HTMLReaderStructureTests {
  @Test func densityPicksTheBodyWhenThereIsNoArticleMarkup() {
    let page = """
      <html><body>
      <div id="top"><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/business">Business</a> | <a href="/contact">Contact</a></div>
      <table><tr>
      <td class="left"><a href="/a">Port strike enters day three</a><br><a href="/b">Wheat prices fall</a><br><a href="/c">Mayor opens library</a></td>
      <td class="middle">
        <div class="box">
          <h2>Dockworkers reject pay offer</h2>
          <p>Dockworkers at the northern port rejected a 4.5 percent pay offer on Wednesday, extending a strike that has left 60 ships waiting offshore.</p>
          <p>The union said the offer did not cover inflation, which reached 6.1 percent last year, and asked for talks to resume under a mediator.</p>
          <p>The port authority, which handles about a third of the country's container traffic, said it would respond by Friday.</p>
        </div>
      </td>
      <td class="right"><div class="links"><a href="/x">Weather</a> <a href="/y">Horoscopes</a> <a href="/z">Crosswords</a></div></td>
      </tr></table>
      <div class="copyright">All content copyright the Harbour Gazette</div>
      </body></html>
      """
    let result = HTMLReader().read(SourceFile(path: "docks.html", text: page))
    let body = result.blocks.filter { $0.text.contains("percent") || $0.text.contains("port authority") }
    #expect(body.count == 3)
    #expect(body.allSatisfy { $0.hint == nil })
    let boiler = ["Port strike enters day three", "Weather Horoscopes Crosswords", "Home | Politics | Business | Contact"]
    for text in boiler {
      #expect(result.blocks.first { $0.text == text }?.hint == .boilerplate, "\(text)")
    }
    #expect(result.remarks.contains { $0.contains("density") })
  }

  @Test func relatedNewsAsideAndHeadingLists() {
    let page = """
      <article>
        <h1>Hospital waiting lists shrink for the first time in four years</h1>
        <div class="article-body">
          <p>Waiting lists for planned surgery fell by 3 percent in March, the first drop since 2020, the health ministry said on Tuesday.</p>
          <p>About 412,000 patients were waiting at the end of the month, down from 425,000 in February, according to the figures.</p>
          <figure><img src="ward.jpg"><figcaption>A ward at the city hospital. Photo: Lena Brandt/Reuters</figcaption></figure>
          <figure><img src="chart.png"><figcaption>Waiting lists have fallen in eleven of fourteen regions.</figcaption></figure>
          <h3>Related articles</h3>
          <ul><li><a href="/1">Nurses vote on new contract</a></li><li><a href="/2">New cancer centre opens in Lindau</a></li></ul>
        </div>
      </article>
      <aside class="related-news"><h2>Related News</h2><ul><li><a href="/3">Ambulance response times improve</a></li></ul></aside>
      """
    let result = HTMLReader().read(SourceFile(path: "health.html", text: page))
    func block(_ text: String) -> Block? { result.blocks.first { $0.text.hasPrefix(text) } }
    #expect(block("Waiting lists for planned surgery")?.hint == nil)
    #expect(block("Related articles")?.hint == .related)
    #expect(block("Nurses vote")?.hint == .related)
    #expect(block("New cancer centre")?.hint == .related)
    #expect(block("Ambulance response times")?.hint == .related)
    #expect(block("Related News")?.hint == .related)
    #expect(block("A ward at the city hospital")?.hint == .boilerplate)
    #expect(block("Waiting lists have fallen")?.hint == nil)
  }

  @Test func pageWrappedInAFormStillYieldsTheArticle() {
    let page = """
      <html><body><form id="aspnetForm" method="post" action="/news/item.aspx">
      <div class="menu"><a href="/">Home</a> <a href="/local">Local</a></div>
      <div id="content">
        <h1>Bridge closed after lorry strike</h1>
        <p>The Elm Street bridge will stay closed for at least two weeks after a lorry struck one of its supports on Sunday, engineers said.</p>
        <p>Diversions add about 20 minutes to journeys between the town centre and the hospital, the roads department said.</p>
      </div>
      <div class="footer-links"><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div>
      </form></body></html>
      """
    let result = HTMLReader().read(SourceFile(path: "bridge.html", text: page))
    let body = result.blocks.filter { $0.text.contains("bridge") || $0.text.contains("Diversions") }
    #expect(body.count == 2)
    #expect(body.allSatisfy { $0.hint == nil })
    #expect(result.blocks.first { $0.text == "Home Local" }?.hint == .boilerplate)
  }

  @Test func rolesForHeadingsListsAndQuotes() {
    let page = """
      <article><h1>Budget passed</h1><h2>What changes</h2>
      <p>Parliament passed the budget by 88 votes to 71 late on Thursday after a nine-hour debate in the chamber.</p>
      <ul><li>Pensions rise by 2.8 percent from July.</li><li>Fuel duty stays frozen for another year.</li></ul>
      <blockquote><p>This budget protects the people who need it most, the finance minister told reporters.</p></blockquote>
      <p>First line of the address<br>Second line of the address</p></article>
      """
    let result = HTMLReader().read(SourceFile(path: "budget.html", text: page))
    #expect(result.blocks.first { $0.text == "Budget passed" }?.role == .heading)
    #expect(result.blocks.first { $0.text == "Budget passed" }?.level == 1)
    #expect(result.blocks.first { $0.text == "What changes" }?.level == 2)
    #expect(result.blocks.filter { $0.role == .listItem }.count == 2)
    #expect(result.blocks.first { $0.text.hasPrefix("This budget") }?.role == .quote)
    #expect(result.blocks.contains { $0.text == "First line of the address" })
    #expect(result.blocks.contains { $0.text == "Second line of the address" })
  }

  @Test func leadInTheArticleHeaderIsPartOfTheArticle() {
    let page = """
      <body><nav><a href="/">Home</a></nav>
      <article>
        <header><h1>Water rates rise in January</h1>
          <p class="lead">Households will pay about 7 percent more for water from January, the regional utility announced on Monday.</p></header>
        <div class="article-body">
          <p>The utility said the increase would fund repairs to 140 kilometres of ageing pipes across the district.</p>
          <p>A typical family of four will pay around 38 euros more a year, according to the utility's own estimate.</p>
        </div>
      </article></body>
      """
    let result = HTMLReader().read(SourceFile(path: "water.html", text: page))
    #expect(result.blocks.first { $0.text.hasPrefix("Households will pay") }?.hint == nil)
    #expect(result.blocks.first { $0.text == "Water rates rise in January" }?.hint == nil)
    #expect(result.blocks.first { $0.text == "Home" }?.hint == .boilerplate)
  }

  @Test func customMarkersReplaceTheBuiltInLists() {
    let page = """
      <div class="story-text"><p>The harbour reopened on Thursday after dredging removed 12,000 tonnes of silt from the entrance.</p></div>
      <div class="leserpost"><p>About time, the fishing boats waited for weeks.</p></div>
      """
    let builtIn = HTMLReader().read(SourceFile(path: "h.html", text: page))
    #expect(builtIn.blocks.first { $0.text.hasPrefix("About time") }?.hint != .comment)
    let custom = HTMLReader(markers: HTMLMarkers(commentSubstrings: ["leserpost"]))
    let result = custom.read(SourceFile(path: "h.html", text: page))
    #expect(result.blocks.first { $0.text.hasPrefix("About time") }?.hint == .comment)
    #expect(result.blocks.first { $0.text.hasPrefix("The harbour reopened") }?.hint == nil)
  }
}
