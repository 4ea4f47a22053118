import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

/// The three-instruction count of byte top bits agrees with `nonzeroBitCount`.
@Suite struct TextShapeBitCountTests {
  @Test func highBitCountMatchesNonzeroBitCount() {
    // Every subset of the eight top bits.
    for mask in 0..<256 {
      var x: UInt64 = 0
      for k in 0..<8 where mask & (1 << k) != 0 { x |= 0x80 << (8 * UInt64(k)) }
      #expect(TextShape.highBitCount(x) == x.nonzeroBitCount, "\(mask)")
    }
  }

  /// Word and scalar counts agree with byte-by-byte counts on texts of every length up to 40.
  @Test func countsMatchByteByByte() {
    let pieces = ["a", " ", "é", "  ", "word", "\t", "—", "x\ny", "🙂", ".", "ab cd"]
    var text = ""
    for k in 0..<120 {
      text += pieces[(k * 7 + k / 3) % pieces.count]
      let bytes = Array(text.utf8)
      for from in 0..<min(bytes.count, 9) {
        var words = 0
        var inWord = false
        var scalars = 0
        for b in bytes[from...] {
          let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
          if space { inWord = false } else if !inWord { inWord = true; words += 1 }
          if b & 0xC0 != 0x80 { scalars += 1 }
        }
        #expect(TextShape.wordCount(bytes, from, bytes.count) == words)
        #expect(TextShape.scalarCount(bytes, from, bytes.count) == scalars)
      }
    }
  }

  /// `containsDigit` agrees with `utf8.contains(where:)` on short lines with and without digits.
  @Test func containsDigitMatchesTheStringView() {
    let lines = [
      "", "Updated", "August 17, 2024", "By Linh Pham", "Posted 9:30 a.m.", "Gen\u{E8}ve \u{2014} le 3 mars",
      "Share this article", "\u{0661}\u{0662}", "/:;@", "0", "9", "Tiếng Việt",
    ]
    for line in lines {
      var text = line
      for _ in 0..<3 {
        let expected = text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
        #expect(text.withUTF8Bytes(TextShape.containsDigit) == expected, "\(text)")
        text += " " + line
      }
    }
  }
}
