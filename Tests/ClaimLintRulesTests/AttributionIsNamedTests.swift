import Testing

@testable import ClaimLintRules

/// `AttributionMismatchRule.isNamed`, read on the bytes when the speaker starts with two ASCII
/// bytes, answers what the first character's `isUppercase` answers.
@Suite struct AttributionIsNamedTests {
  static let speakers: [String] = [
    // Named speakers (triggering: the rule compares them).
    "Ana Ruiz", "Guo Jiakun", "Foreign Office spokesperson Mark Devlin", "WHO", "A", "Z", "X Æ",
    "Ángel Díaz", "E\u{301}lodie Martin", "Østergaard", "Ωmega Corp", "Ǆemal", "ǅemal",
    // Common phrases (non-triggering).
    "officials", "the statement", "a", "z", "", " ", "1st Battalion", "@press", "\"Ana", "[Ruiz]",
    "élodie", "ångel", "ß", "ǆemal",
    // Boundaries the byte test must leave to the general test.
    "A\u{345}", "A\u{301}na", "a\u{301}", "\r\nAna", "\rAna", "\nAna", "A\r\n", "A\u{200D}B", "1\u{20E3}",
    "\u{1F1FA}\u{1F1F8} team", "\u{0600}A",
  ]

  @Test func bytesAnswerAsTheFirstCharacter() {
    for s in Self.speakers {
      #expect(AttributionMismatchRule.isNamed(s) == AttributionMismatchRule.isNamedByCharacter(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    // Every pair of a first scalar and a second one among ASCII, Latin-1 and combining marks.
    let firsts: [Unicode.Scalar] = (0..<0x80).compactMap { Unicode.Scalar($0) } + ["\u{C9}", "\u{E9}", "\u{391}"]
    let seconds: [Unicode.Scalar] = ["a", "B", " ", "\r", "\n", "\u{301}", "\u{345}", "\u{200D}", "\u{E9}"]
    for f in firsts {
      #expect(AttributionMismatchRule.isNamed(String(f)) == AttributionMismatchRule.isNamedByCharacter(String(f)))
      for t in seconds {
        var s = String(f)
        s.unicodeScalars.append(t)
        #expect(AttributionMismatchRule.isNamed(s) == AttributionMismatchRule.isNamedByCharacter(s), "\(f.value) \(t.value)")
      }
    }
  }

  @Test func namedAndUnnamed() {
    #expect(AttributionMismatchRule.isNamed("Ana Ruiz"))
    #expect(AttributionMismatchRule.isNamed("Ángel Díaz"))
    #expect(!AttributionMismatchRule.isNamed("officials"))
    #expect(!AttributionMismatchRule.isNamed(""))
    #expect(!AttributionMismatchRule.isNamed("A\u{345}"))
  }
}
