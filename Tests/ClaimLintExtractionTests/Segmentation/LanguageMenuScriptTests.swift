import Testing

@testable import ClaimLintExtraction

/// The ASCII shortcut for a scalar's script bit agrees with the full classification.
@Suite struct LanguageMenuScriptTests {
  @Test func scriptBitMatchesFullSwitch() {
    var scalars = Array(UInt32(0)..<0x300)
    scalars += [0x370, 0x41F, 0x5D0, 0x627, 0x905, 0xE01, 0x1000, 0x1E00, 0x2013, 0x3042, 0x4E2D, 0xAC00, 0xFF5C, 0x1F600]
    for s in scalars {
      #expect(LanguageMenuDetector.Script.bit(of: s) == LanguageMenuDetector.Script(s).bit, "\(s)")
    }
  }
}
