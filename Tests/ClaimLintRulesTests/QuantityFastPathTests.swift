import Testing

@testable import ClaimLintRules

/// The fast paths of the quantity rules must give what the plain code they replaced gives.
struct QuantityFastPathTests {
  /// What `disjointModifiers` must return: the modifiers beyond the neutral ones, as sets, both
  /// non-empty and with nothing in common.
  static func reference(_ a: [String], _ b: [String]) -> Bool {
    let ma = Set(a).subtracting(QuantityComparison.neutralModifiers)
    let mb = Set(b).subtracting(QuantityComparison.neutralModifiers)
    return !ma.isEmpty && !mb.isEmpty && ma.isDisjoint(with: mb)
  }

  @Test func disjointModifiersMatchesTheSets() {
    let words = ["alleged", "payroll", "flight", "more", "new", "foreign", "criminal", "payroll", "total"]
    // Every pair of lists of up to three words (repeats included).
    var lists: [[String]] = [[]]
    for w in words { lists.append([w]) }
    for x in words { for y in words { lists.append([x, y]) } }
    for x in words.prefix(4) { for y in words.suffix(4) { for z in words.prefix(3) { lists.append([x, y, z]) } } }
    for a in lists {
      for b in lists {
        #expect(QuantityComparison.disjointModifiers(a, b) == Self.reference(a, b), "\(a) \(b)")
      }
    }
  }

  @Test func updateKeysAreTheTextKeys() {
    // One key per text "story|lower|higher": equal keys exactly when the texts are equal.
    let values: [Double] = [0, -0.0, 1, 12, 12.5, 312, 298, 1e21, 0.1 + 0.2, 0.3]
    for s in [0, 3] {
      for x in values {
        for y in values {
          for u in values {
            for v in values {
              let keys = QuantityMismatchRule.Update(story: s, x, y) == QuantityMismatchRule.Update(story: s, u, v)
              let texts = "\(s)|\(min(x, y))|\(max(x, y))" == "\(s)|\(min(u, v))|\(max(u, v))"
              #expect(keys == texts)
            }
          }
        }
      }
    }
  }
}
