import Testing

@testable import ClaimLintExtraction

/// The byte gates of session 12 (segmentation) against the plain readings they skip.
@Suite struct SegmentationGateTests {
  /// The built-in markers, and the same with a count phrase beyond ASCII, which turns the gate for
  /// texts beyond ASCII off as it turns off the ASCII byte test (every such text is then split and
  /// looked up as before): the pair `CountMarkerPrefilterTests` compares.
  static let withGate = CountMarkerPrefilterTests.withTest
  static let withoutGate = CountMarkerPrefilterTests.withoutTest

  /// Short lines beyond ASCII with digits or number words, matching and not.
  static let texts: [String] = [
    "6 comments", "comments (12)", "one comment", "no comments", "6 comments ü", "6 commentś", "commentś 6",
    "6 comments\u{301}", "é 6 comments", "6 (comments) —", "3 réponses", "комментарии 5", "5 комментариев",
    "6 \u{212A}omments", "one commént", "two résponses", "three thoughts…", "20 septembre 2024", "mis à jour 10:30",
    "6 comments \u{00A0}", "(3) comments ·", "comments: 7 »", "no comments — yet",
  ]

  @Test func sameCountMatchesBeyondASCIIWithAndWithoutTheGate() {
    #expect(!SegmentationLexicons.mayMatchBeyondASCII(["comments", "reader comments"]))
    #expect(SegmentationLexicons.mayMatchBeyondASCII(["kommentäre"]))
    #expect(SegmentationLexicons.mayMatchBeyondASCII(["kelvin"]) == false)
    #expect(SegmentationLexicons.mayMatchBeyondASCII(["Kelvin"]))
    #expect(SegmentationLexicons.mayMatchBeyondASCII(["a;b"]))
    for text in Self.texts {
      let normalized = SegmentationLexicons.normalize(text)
      let a = Self.withGate.match(normalized: normalized)
      let b = Self.withoutGate.match(normalized: normalized)
      #expect(a?.marker == b?.marker && a?.count == b?.count, "\(text)")
    }
  }

  /// `asciiImages` holds exactly the ASCII characters some scalar beyond ASCII equals.
  @Test func asciiImagesAreAllTheASCIIThatOtherScalarsEqual() {
    var byString: [String: UInt8] = [:]
    for b in 0..<UInt8(128) { byString[String(Unicode.Scalar(b))] = b }
    var found: Set<UInt8> = []
    for v in UInt32(0x80)...0x10FFFF {
      guard let s = Unicode.Scalar(v), let b = byString[String(s)] else { continue }
      found.insert(b)
    }
    #expect(found == SegmentationLexicons.asciiImages)
  }

  /// Month and weekday look-ups with the length and first-byte gate give the table's answers.
  @Test func monthAndWeekdayGateKeepsEveryKey() {
    let words = [
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
      "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "mon", "monday",
      "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat",
      "saturday", "sun", "sunday", "the", "said", "on", "of", "and", "in", "", "m", "ma", "septembers", "mayor",
      "kunming", "ministers", "É", "émai", "2024", ",",
    ]
    let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for w in words {
      var month: Int?
      for (k, m) in months.enumerated() where w == m || w == String(m.prefix(3)) { month = k + 1 }
      if w == "sept" { month = 9 }
      var day: Int?
      for (k, d) in days.enumerated() where w == d || w == String(d.prefix(3)) { day = k + 1 }
      if w == "tues" { day = 2 }
      if w == "thur" || w == "thurs" { day = 4 }
      #expect(DateText.month(w) == month, "\(w)")
      #expect(DateText.weekday(w) == day, "\(w)")
    }
  }
}
