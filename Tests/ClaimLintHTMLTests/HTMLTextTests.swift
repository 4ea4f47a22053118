import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// Entities, whitespace folding and the offset map back into the page.
@Suite struct HTMLTextTests {
  /// The bytes of `source` that the text span `range` of `block` maps back to.
  func sourceText(_ source: SourceFile, _ block: Block, _ range: Range<String.Index>) -> String {
    let start = block.text.utf8.distance(from: block.text.startIndex, to: range.lowerBound)
    let end = block.text.utf8.distance(from: block.text.startIndex, to: range.upperBound)
    return source.text(from: block.map.sourceOffset(forStart: start), to: block.map.sourceOffset(forEnd: end))
  }

  @Test func spanInsideInlineElementMapsToItsBytes() throws {
    let html = "<html><body><article><p>Police said&nbsp;more than <b>1,200</b> residents\n   were moved</p></article></body></html>"
    let source = SourceFile(path: "police.html", text: html)
    let result = HTMLReader().read(source)
    let block = try #require(result.blocks.first)
    #expect(block.text == "Police said more than 1,200 residents were moved")
    let figure = try #require(block.text.range(of: "1,200"))
    #expect(sourceText(source, block, figure) == "1,200")
    let start = block.text.utf8.distance(from: block.text.startIndex, to: figure.lowerBound)
    let expected = try #require(html.range(of: "<b>1,200")).lowerBound
    #expect(block.map.sourceOffset(forStart: start) == html.utf8.distance(from: html.startIndex, to: expected) + 3)
    // The entity maps to its own bytes, the folded whitespace to the whole run.
    let nbsp = try #require(block.text.range(of: "said more"))
    #expect(sourceText(source, block, nbsp) == "said&nbsp;more")
    let folded = try #require(block.text.range(of: "residents were"))
    #expect(sourceText(source, block, folded) == "residents\n   were")
  }

  @Test func namedAndNumericEntitiesDecode() {
    let html = """
      <p>Tom &amp; Jerry&rsquo;s caf&eacute; &ndash; &#8220;open&#x201D; &euro;5 &hellip; 20&deg;C &copy; &bogus; &#xD800; &#0; &#150;</p>
      """
    let result = HTMLReader().read(SourceFile(path: "e.html", text: html))
    #expect(result.blocks.first?.text == "Tom & Jerry\u{2019}s café \u{2013} \u{201C}open\u{201D} €5 … 20°C © &bogus; \u{FFFD} \u{FFFD} \u{2013}")
  }

  @Test func entityOffsetsCoverTheWholeReference() throws {
    let html = "<p>Caf&eacute; owners &amp; staff</p>"
    let source = SourceFile(path: "c.html", text: html)
    let block = try #require(HTMLReader().read(source).blocks.first)
    let e = try #require(block.text.range(of: "é"))
    #expect(sourceText(source, block, e) == "&eacute;")
    let amp = try #require(block.text.range(of: "&"))
    #expect(sourceText(source, block, amp) == "&amp;")
    let staff = try #require(block.text.range(of: "staff"))
    #expect(sourceText(source, block, staff) == "staff")
  }

  @Test func commentsScriptsAndRawTextAreNotText() {
    let html = """
      <body><p>Turnout was 64 percent.<!-- editor: check figure --></p>
      <script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
      <noscript>Enable JavaScript</noscript><svg><text>chart label</text></svg>
      <p><![CDATA[Polls closed at 8 pm.]]></p><textarea>draft reply</textarea></body>
      """
    let texts = HTMLReader().read(SourceFile(path: "t.html", text: html)).blocks.map(\.text)
    #expect(texts.contains("Turnout was 64 percent."))
    #expect(texts.contains("Polls closed at 8 pm."))
    #expect(texts.contains("draft reply"))
    #expect(!texts.joined().contains("not text"))
    #expect(!texts.joined().contains("color"))
    #expect(!texts.joined().contains("JavaScript"))
    #expect(!texts.joined().contains("chart label"))
    #expect(!texts.joined().contains("editor"))
  }

  @Test func declaredCharsetIsFound() {
    #expect(HTMLReader.declaredCharset(in: Array("<html><head><meta charset=\"ISO-8859-1\">".utf8)) == "iso-8859-1")
    #expect(
      HTMLReader.declaredCharset(
        in: Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">".utf8))
        == "windows-1252")
    #expect(HTMLReader.declaredCharset(in: Array("<html><p>no declaration</p>".utf8)) == nil)
  }
}
