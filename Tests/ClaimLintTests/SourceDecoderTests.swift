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

/// `SourceDecoder.looksBinary` classifies eight bytes at a time where a chunk has a byte below 0x20;
/// it must agree with the byte-by-byte rule.
@Suite struct SourceDecoderBinaryTests {
  /// The byte-by-byte rule: a NUL byte in the first 8 KB, or more than a tenth control bytes there.
  static func reference(_ b: [UInt8]) -> Bool {
    let head = b.prefix(8192)
    if head.contains(0) { return true }
    let control = head.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
    return control * 10 > head.count
  }

  @Test func controlBytesAgreesWithEveryByteInEveryPosition() {
    for value in 0...255 {
      for position in 0..<8 {
        for filler: UInt8 in [0x41, 0x0A, 0xC3, 0x00, 0x1F, 0x20] {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[position] = UInt8(value)
          let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
          let (nul, count) = SourceDecoder.controlBytes(w)
          #expect(nul == bytes.contains(0))
          #expect(count == bytes.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count)
        }
      }
    }
  }

  @Test func looksBinaryAgreesWithTheByteRule() {
    let article = Array(
      """
      Kunming, September 20 \u{2014} Ministers gathered on Thursday for talks on a joint crackdown.\r
      \tSince the start of the year, police have repatriated over 9,800 victims.\u{0C}

      "We will not allow these networks to operate," Yusuf Gupta said. Caf\u{E9} owners agreed.

      """.utf8)
    var generator = SystemRandomNumberGenerator()
    var texts: [[UInt8]] = [[], Array("short".utf8), article, Array(repeating: article, count: 120).flatMap { $0 }]
    // Control bytes sprinkled at random, below and above the one-in-ten share, and NUL bytes.
    for share in [0, 3, 9, 10, 11, 12, 30] {
      for length in [7, 8, 9, 100, 1001, 9000] {
        var t = (0..<length).map { article[$0 % article.count] }
        for k in t.indices where Int.random(in: 0..<100, using: &generator) < share {
          t[k] = [0x01, 0x08, 0x0E, 0x1B, 0x1F, 0x7F][Int.random(in: 0..<6, using: &generator)]
        }
        texts.append(t)
        var withNul = t
        withNul[Int.random(in: 0..<length, using: &generator)] = 0
        texts.append(withNul)
      }
    }
    for t in texts {
      #expect(SourceDecoder.looksBinary(t) == Self.reference(t), "length \(t.count)")
    }
  }
}
