import ClaimLintTestSupport
import Testing

@testable import ClaimLint

/// `SuppressionScanner.find` jumps between candidate first bytes with `memchr`: it must find exactly
/// what a byte-by-byte search finds, at the start, the end, overlapping and absent.
struct SuppressionFindTests {
  /// The first place `needle` starts at or after `from`, found one byte at a time.
  static func reference(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard !needle.isEmpty else { return nil }
    var i = max(0, from)
    while i + needle.count <= bytes.count {
      if Array(bytes[i..<i + needle.count]) == needle { return i }
      i += 1
    }
    return nil
  }

  @Test func findsWhatAByteByByteSearchFinds() {
    var random = SplitMix(seed: 7)
    let needle = Array("claimlint-".utf8)
    // Text made of the needle's own bytes and a few others, so that near misses are common.
    let alphabet = Array("claimnt- <!>\n".utf8) + [0xC3, 0xA9]
    for _ in 0..<400 {
      let length = Int.random(in: 0...80, using: &random)
      var bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
      if length >= needle.count, Bool.random(using: &random) {
        let at = Int.random(in: 0...(length - needle.count), using: &random)
        bytes.replaceSubrange(at..<at + needle.count, with: needle)
      }
      for from in [0, 1, length / 2, max(0, length - needle.count), length, length + 3] {
        #expect(SuppressionScanner.find(needle, in: bytes, from: from) == Self.reference(needle, in: bytes, from: from))
      }
    }
  }

  @Test func edges() {
    let needle = Array("-->".utf8)
    #expect(SuppressionScanner.find(needle, in: Array("-->".utf8), from: 0) == 0)
    #expect(SuppressionScanner.find(needle, in: Array("a --->".utf8), from: 0) == 3)
    #expect(SuppressionScanner.find(needle, in: Array("a --".utf8), from: 0) == nil)
    #expect(SuppressionScanner.find(needle, in: [], from: 0) == nil)
    #expect(SuppressionScanner.find([], in: Array("abc".utf8), from: 0) == nil)
    #expect(SuppressionScanner.find(needle, in: Array("x-->y-->".utf8), from: 2) == 5)
    #expect(SuppressionScanner.find(needle, in: Array("x-->".utf8), from: -4) == 1)
  }
}
