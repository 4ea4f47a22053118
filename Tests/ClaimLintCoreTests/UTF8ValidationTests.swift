import ClaimLintCore
import ClaimLintTestSupport
import Testing

/// `UTF8Validation.firstInvalidByte` names the first byte that is not valid UTF-8; its ASCII fast path
/// (eight bytes at a time) must find the same byte as a byte-by-byte decoder wherever the error lies.
@Suite struct UTF8ValidationTests {
  /// A plain decoder: the offset of the first byte that does not start a valid, shortest-form scalar.
  static func reference(_ b: [UInt8]) -> Int? {
    var i = 0
    while i < b.count {
      let c = b[i]
      let need: Int
      var scalar: UInt32
      let minimum: UInt32
      switch c {
      case 0x00..<0x80: i += 1; continue
      case 0xC0..<0xE0: need = 1; scalar = UInt32(c & 0x1F); minimum = 0x80
      case 0xE0..<0xF0: need = 2; scalar = UInt32(c & 0x0F); minimum = 0x800
      case 0xF0..<0xF8: need = 3; scalar = UInt32(c & 0x07); minimum = 0x10000
      default: return i
      }
      for k in 1...need {
        guard i + k < b.count, b[i + k] & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      i += need + 1
    }
    return nil
  }

  @Test func knownErrorsAreFoundAtTheirByte() {
    let text = Array("Police arrested more than 50,000 people — the minister said. ".utf8)
    #expect(UTF8Validation.firstInvalidByte(text) == nil)
    #expect(UTF8Validation.firstInvalidByte([]) == nil)
    let cases: [([UInt8], Int)] = [
      ([0xFF], 0),
      ([0xC0, 0xAF], 0),  // overlong "/"
      ([0xED, 0xA0, 0x80], 0),  // a surrogate
      ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
      ([0xE2, 0x80], 0),  // cut short at the end
      ([0x80], 0),  // a lone continuation byte
    ]
    for (bad, at) in cases {
      for prefix in [0, 1, 7, 8, 9, 16, 23] {
        let bytes = Array(text.prefix(prefix)) + bad + Array(text.suffix(5))
        let expected = bad == [0xE2, 0x80] ? prefix : prefix + at
        if bad == [0xE2, 0x80] {
          // Followed by ASCII, the sequence is broken where it starts.
          #expect(UTF8Validation.firstInvalidByte(bytes) == expected, "\(bad) after \(prefix)")
          #expect(UTF8Validation.firstInvalidByte(Array(text.prefix(prefix)) + bad) == prefix)
        } else {
          #expect(UTF8Validation.firstInvalidByte(bytes) == expected, "\(bad) after \(prefix)")
        }
      }
    }
  }

  @Test func agreesWithAByteByByteDecoderOnMixedText() {
    var generator = SplitMix(seed: 11)
    let pieces: [[UInt8]] = [
      Array("fraud ".utf8), Array("Chiang Mai, ".utf8), Array("50,000".utf8), Array("é".utf8), Array("—".utf8),
      Array("😀".utf8), Array("Thaïlande ".utf8), [0x0A],
    ]
    let corruptions: [UInt8] = [0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xF4, 0xF5, 0xFF]
    for round in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(generator.next() % 24) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
      if round % 3 != 0, !bytes.isEmpty {
        bytes[Int(generator.next() % UInt64(bytes.count))] = corruptions[Int(generator.next() % UInt64(corruptions.count))]
      }
      let found = UTF8Validation.firstInvalidByte(bytes)
      #expect(found == Self.reference(bytes), "\(bytes)")
      #expect((found == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }
}
