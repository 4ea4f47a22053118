import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// Broken, truncated and pathologically nested pages.
@Suite struct HTMLMalformedTests {
  @Test func deepNestingUnterminatedCommentAndTruncatedTagStillReturn() {
    var html = "<html><body><p>Flood levels peaked at 4.2 metres.</p>"
    html += String(repeating: "<div>", count: 300_000)
    html += "<p>Deep text about the storm surge.</p>"
    html += String(repeating: "</div>", count: 300_000)
    html += "<p>After the nest.</p><!-- a comment that never ends <p>hidden</p>"
    let result = HTMLReader().read(SourceFile(path: "deep.html", text: html))
    let texts = result.blocks.map(\.text)
    #expect(texts.contains("Flood levels peaked at 4.2 metres."))
    #expect(texts.contains("Deep text about the storm surge."))
    #expect(texts.contains("After the nest."))
    #expect(!texts.contains("hidden"))
    let document = HTMLDocument(bytes: Array(html.utf8))
    #expect(document.nodes.count < 2_000)
  }

  @Test func truncatedTagAndAttributeAtEndOfFile() {
    for tail in ["<a href=\"/news", "<div class=", "<p", "<", "</di", "&#x", "&ama", "<!DOCTYPE", "<![CDATA[ unfinished"] {
      let html = "<p>The vote is on Sunday.</p>" + tail
      let result = HTMLReader().read(SourceFile(path: "cut.html", text: html))
      #expect(result.blocks.first?.text == "The vote is on Sunday.", "tail \(tail)")
    }
  }

  @Test func unclosedAndMisnestedTags() {
    let html = """
      <body><p>First paragraph<p>Second <b>bold <i>both</b> italic?</i> paragraph
      <ul><li>one<li>two<li>three</ul>
      <table><tr><td>cell a<td>cell b<tr><td>cell c</table>
      </span></div></p>stray text after stray end tags
      """
    let texts = HTMLReader().read(SourceFile(path: "mess.html", text: html)).blocks.map(\.text)
    #expect(texts.contains("First paragraph"))
    #expect(texts.contains("Second bold both italic? paragraph"))
    #expect(texts.filter { ["one", "two", "three"].contains($0) }.count == 3)
    #expect(texts.contains("cell a"))
    #expect(texts.contains("cell c"))
    #expect(texts.contains("stray text after stray end tags"))
  }

  @Test func binaryLikeGarbageDoesNotCrash() {
    var bytes: [UInt8] = []
    var seed: UInt32 = 12345
    for _ in 0..<50_000 {
      seed = seed &* 1_103_515_245 &+ 12345
      let choices: [UInt8] = Array("<>/=\"'&#;!-abp \n".utf8)
      bytes.append(choices[Int(seed >> 16) % choices.count])
    }
    let result = HTMLReader().read(SourceFile(path: "noise.html", bytes: bytes))
    for block in result.blocks {
      #expect(!block.map.isEmpty)
      #expect(block.map.sourceOffset(forEnd: block.text.utf8.count) <= bytes.count)
    }
  }
}
