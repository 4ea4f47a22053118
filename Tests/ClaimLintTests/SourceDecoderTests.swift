import ClaimLintCore
import Testing

@testable import ClaimLint

/// `SourceDecoder.decode` looks for a page's declared charset only when its bytes are not UTF-8.
@Suite struct SourceDecoderTests {
  static let latin1Page = "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>Gen"

  @Test func invalidBytesOfADeclaredLatin1PageAreTranscoded() throws {
    let raw = Array(Self.latin1Page.utf8) + [0xE8] + Array("ve</p></body></html>".utf8)
    let decoded = try SourceDecoder.decode(raw, path: "a.html", format: .html).get()
    #expect(decoded.problems.isEmpty)
    #expect(String(decoding: decoded.bytes, as: UTF8.self).contains("Gen\u{E8}ve"))
  }

  @Test func validUTF8IsKeptWhateverThePageDeclares() throws {
    let raw = Array((Self.latin1Page + "\u{E8}ve</p></body></html>").utf8)
    let decoded = try SourceDecoder.decode(raw, path: "a.html", format: .html).get()
    #expect(decoded.problems.isEmpty)
    #expect(decoded.bytes == raw)
  }

  @Test func invalidBytesWithoutADeclarationAreRepairedAndReported() throws {
    for (format, path) in [(DocumentFormat.html, "a.html"), (.text, "a.txt")] {
      let raw = Array("<p>Gen".utf8) + [0xE8] + Array("ve</p>".utf8)
      let decoded = try SourceDecoder.decode(raw, path: path, format: format).get()
      #expect(decoded.bytes == Array("<p>Gen\u{FFFD}ve</p>".utf8))
      #expect(decoded.problems.count == 1)
    }
  }
}
