import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

/// The builder's shortcuts (a one-byte replacement without an array, a builder reused with its buffer
/// kept) give the texts and maps of the plain calls on a fresh builder.
@Suite struct MappedTextBuilderTests {
  static let source = Array("  Police said on Tuesday\n that 12 people &amp; two dogs were hurt.  \n\nNext  ".utf8)

  /// Appends source ranges with one-byte replacements between them, through `byteReplacement` or the array form.
  static func build(_ b: inout MappedTextBuilder, _ ranges: [Range<Int>], byteReplacement: Bool) {
    for (k, r) in ranges.enumerated() {
      if k > 0 {
        let gap = ranges[k - 1].upperBound..<max(ranges[k - 1].upperBound, r.lowerBound)
        let byte: UInt8 = k % 2 == 0 ? 0x0A : 0x20
        if byteReplacement {
          b.appendReplacement(byte: byte, sourceFrom: gap.lowerBound, sourceTo: gap.upperBound)
        } else {
          b.appendReplacement([byte], sourceFrom: gap.lowerBound, sourceTo: gap.upperBound)
        }
      }
      b.appendVerbatim(source, from: r.lowerBound, to: r.upperBound)
    }
  }

  static let cases: [[Range<Int>]] = [
    [0..<24], [2..<24, 26..<48], [0..<25, 25..<60, 60..<71], [2..<10, 10..<20], [68..<source.count],
    [0..<2], [40..<45, 45..<45, 50..<66],
  ]

  @Test func oneByteReplacementIsTheArrayReplacement() {
    for ranges in Self.cases {
      var a = MappedTextBuilder()
      var b = MappedTextBuilder()
      Self.build(&a, ranges, byteReplacement: true)
      Self.build(&b, ranges, byteReplacement: false)
      let (ta, ma) = a.finish()
      let (tb, mb) = b.finish()
      #expect(ta == tb)
      #expect(ma == mb)
    }
  }

  @Test func reusedBuilderGivesTheFreshBuildersTexts() {
    var reused = MappedTextBuilder()
    for ranges in Self.cases + Self.cases.reversed() {
      var fresh = MappedTextBuilder()
      Self.build(&fresh, ranges, byteReplacement: false)
      Self.build(&reused, ranges, byteReplacement: true)
      let (tf, mf) = fresh.finishTrimmed()
      let (tr, mr) = reused.finishTrimmedAndReset()
      #expect(tr == tf, "\(ranges)")
      #expect(mr == mf, "\(ranges)")
      #expect(reused.isEmpty)
    }
  }
}
