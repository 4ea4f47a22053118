import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// Comment sections: grouping per comment, authors, headings, forms.
@Suite struct HTMLReaderCommentTests {
  /// A regional news page with navigation, header, footer, an article and three reader comments.
  static let floodPage = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
      <meta charset="utf-8">
      <title>River Alder floods Millbrook | The Valley Courier</title>
      <meta property="og:title" content="Hundreds evacuated as River Alder bursts its banks">
      <meta property="article:published_time" content="2024-04-12T06:30:00+01:00">
      <meta name="author" content="Ruth Okafor">
    </head>
    <body>
    <header class="site-header"><a href="/">The Valley Courier</a>
      <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
    </header>
    <main>
    <article>
      <h1>Hundreds evacuated as River Alder bursts its banks</h1>
      <p class="byline">By Ruth Okafor</p>
      <p>More than 1,200 residents of Millbrook were evacuated overnight after the River Alder burst its banks on Thursday, the county council said.</p>
      <p>Emergency crews worked until dawn to move families from the lowest streets near the old mill, and a rest centre opened at the leisure centre.</p>
      <p>"We have never seen the water rise this fast," said Tom Hale, the council's head of emergency planning.</p>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
    </article>
    <section id="comments" class="comments-area">
      <h2 class="comments-title">3 Comments</h2>
      <ol class="comment-list">
        <li id="comment-101" class="comment even thread-even depth-1">
          <article id="div-comment-101" class="comment-body">
            <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Margaret Lyle</b> <span class="says">says:</span></div></footer>
            <div class="comment-content"><p>My neighbours told me it was closer to 2,000 people who left their homes.</p></div>
          </article>
        </li>
        <li id="comment-102" class="comment odd thread-odd depth-1">
          <article id="div-comment-102" class="comment-body">
            <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">riverwatch</b> <span class="says">says:</span></div></footer>
            <div class="comment-content"><p>The flood barrier was promised in 2019 and never built.</p><p>Someone should answer for that.</p></div>
          </article>
        </li>
        <li id="comment-103" class="comment even thread-even depth-1">
          <article id="div-comment-103" class="comment-body">
            <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Dev Patel</b> <span class="says">says:</span></div></footer>
            <div class="comment-content"><p>Thanks to the crews at the leisure centre, they were brilliant all night.</p></div>
          </article>
        </li>
      </ol>
      <div id="respond" class="comment-respond">
        <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
        <form id="commentform" class="comment-form"><p><label for="author">Name</label> <input id="author"></p>
        <p><label for="comment">Comment</label> <textarea id="comment"></textarea></p></form>
      </div>
    </section>
    </main>
    <footer class="site-footer"><p>Copyright 2024 The Valley Courier. All rights reserved.</p></footer>
    </body>
    </html>
    """

  @Test func commentsAreGroupedPerCommentWithAuthors() {
    let result = HTMLReader().read(SourceFile(path: "courier.html", text: Self.floodPage))
    let comments = result.blocks.filter { $0.hint == .comment }
    let groups = Set(comments.compactMap(\.group))
    #expect(groups.count == 3)
    #expect(comments.allSatisfy { $0.group != nil })
    let authorsInOrder = comments.compactMap(\.author).reduce(into: [String]()) { acc, a in
      if acc.last != a { acc.append(a) }
    }
    #expect(authorsInOrder == ["Margaret Lyle", "riverwatch", "Dev Patel"])
    // Both paragraphs of the second comment share one group.
    let second = comments.filter { $0.author == "riverwatch" }
    #expect(Set(second.compactMap(\.group)).count == 1)
    #expect(second.contains { $0.text == "Someone should answer for that." })
  }

  @Test func commentTextNeverLeaksIntoOtherBlocks() {
    let result = HTMLReader().read(SourceFile(path: "courier.html", text: Self.floodPage))
    let commentPhrases = ["closer to 2,000 people", "flood barrier was promised", "brilliant all night"]
    for block in result.blocks where block.hint != .comment {
      for phrase in commentPhrases {
        #expect(!block.text.contains(phrase), "'\(phrase)' in a \(String(describing: block.hint)) block")
      }
    }
  }

  @Test func articleNavigationHeadingsAndFormAreClassified() {
    let result = HTMLReader().read(SourceFile(path: "courier.html", text: Self.floodPage))
    func hint(of prefix: String) -> SegmentKind?? {
      result.blocks.first(where: { $0.text.hasPrefix(prefix) }).map(\.hint)
    }
    #expect(hint(of: "More than 1,200 residents") == .some(nil))
    #expect(hint(of: "\"We have never seen") == .some(nil))
    #expect(hint(of: "News") == .some(.boilerplate))
    #expect(hint(of: "Copyright 2024") == .some(.boilerplate))
    #expect(hint(of: "Share on Facebook") == .some(.boilerplate))
    #expect(hint(of: "3 Comments") == .some(.commentsHeader))
    #expect(hint(of: "Leave a Reply") == .some(.commentsHeader) || hint(of: "Leave a Reply") == .some(.boilerplate))
    #expect(hint(of: "Name") == .some(.boilerplate))
    #expect(hint(of: "By Ruth Okafor") == .some(.byline))
    let headline = result.blocks.first { $0.role == .heading && $0.level == 1 }
    #expect(headline?.text == "Hundreds evacuated as River Alder bursts its banks")
    #expect(headline?.hint == nil)
    #expect(result.title == "Hundreds evacuated as River Alder bursts its banks")
    #expect(result.author == "Ruth Okafor")
    let nav = result.blocks.first { $0.text == "Sport" }
    #expect(nav?.reason?.contains("nav") == true || nav?.reason?.contains("header") == true)
  }

  @Test func disqusThreadIsACommentSection() {
    let page = """
      <html><body>
      <div class="story-body">
        <h1>Council approves new bus depot</h1>
        <p>The city council voted 31 to 9 on Monday to build a bus depot on the former gasworks site, ending a two-year dispute.</p>
        <p>Construction is expected to start in the autumn and cost about 48 million euros, according to the transport department.</p>
      </div>
      <div id="disqus_thread">
        <ul id="post-list" class="post-list">
          <li class="post" id="post-5521">
            <div class="post-content">
              <div class="post-byline"><span class="author publisher-anchor-color"><a href="#">harbourlights</a></span></div>
              <div class="post-message"><p>Forty-eight million for a garage, unbelievable.</p></div>
            </div>
          </li>
          <li class="post" id="post-5522">
            <div class="post-content">
              <div class="post-byline"><span class="author publisher-anchor-color"><a href="#">Jonas W.</a></span></div>
              <div class="post-message"><p>The old depot floods every winter, this was overdue.</p></div>
            </div>
          </li>
        </ul>
      </div>
      </body></html>
      """
    let result = HTMLReader().read(SourceFile(path: "depot.html", text: page))
    let comments = result.blocks.filter { $0.hint == .comment }
    #expect(comments.contains { $0.text.contains("Forty-eight million") && $0.author == "harbourlights" })
    #expect(comments.contains { $0.text.contains("floods every winter") && $0.author == "Jonas W." })
    #expect(Set(comments.compactMap(\.group)).count == 2)
    let body = result.blocks.first { $0.text.hasPrefix("The city council voted") }
    #expect(body?.hint == nil)
    #expect(comments.first?.reason?.contains("disqus_thread") == true)
  }

  @Test func schemaOrgCommentsWithoutClassNames() {
    let page = """
      <div itemprop="articleBody"><p>The ferry service to the island resumes on 3 June after repairs to the pier, the operator said on Friday.</p></div>
      <div>
        <div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Karin</span><p>Finally! We waited all winter.</p></div>
        <div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">P. Novak</span><p>Will the fares stay the same?</p></div>
      </div>
      """
    let result = HTMLReader().read(SourceFile(path: "ferry.html", text: page))
    let comments = result.blocks.filter { $0.hint == .comment }
    #expect(Set(comments.compactMap(\.group)).count == 2)
    #expect(comments.contains { $0.text == "Will the fares stay the same?" && $0.author == "P. Novak" })
  }
}
