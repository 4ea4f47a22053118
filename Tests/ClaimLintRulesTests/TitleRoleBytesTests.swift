import Testing

@testable import ClaimLintRules

/// The title rule cuts ASCII roles on their bytes; it must read them as cutting by characters did.
struct TitleRoleBytesTests {
  /// Roles as the title extractor writes them, and some it should not.
  static let roles = [
    "foreign minister", "deputy foreign minister", "vice president", "former vice president", "minister [health]",
    "minister [health  education]", "state secretary", "first deputy prime minister", "chief executive officer", "ceo",
    "acting chief [finance] ", "  union minister [home]", "head", "official", "minister [", "minister ]", "]x[ [y]",
    "minister\r\n[health]", "ministre [santé]", "", " ", "junior   minister",
  ]

  @Test func rolesCutOnBytesAreRolesCutByCharacters() {
    let rule = TitleMismatchRule()
    for role in Self.roles where role.utf8.allSatisfy({ $0 < 0x80 }) && !role.contains("]x[") {
      #expect(rule.parse(role, onBytes: true) == rule.parse(role, onBytes: false), "\(role)")
    }
    #expect(rule.parse("minister [health]", onBytes: true).portfolio == ["health"])
    #expect(rule.parse("deputy minister [health]", onBytes: true).head == "minister")
  }

  /// The table shared by every story gives each role as `parse` gives it, the first time and later.
  @Test func sharedTableGivesParsedRoles() {
    let rule = TitleMismatchRule()
    let shared = TitleMismatchRule.ParsedRoles()
    var calls = 0
    // ("]x[ [y]", a close before an open, is never written by the extractor and `parse` does not take it.)
    let roles = Self.roles.filter { !$0.contains("]x[") }
    for _ in 0..<2 {
      for role in roles {
        let known = shared.withTable { table in
          table.parse(role) { text in
            calls += 1
            return rule.parse(text, onBytes: text.utf8.allSatisfy { $0 < 0x80 })
          }
        }
        #expect(known == rule.parse(role, onBytes: role.utf8.allSatisfy { $0 < 0x80 }), "\(role)")
      }
    }
    // Each distinct role parsed once.
    #expect(calls == Set(roles).count)
  }

  /// A full table keeps what it holds and parses the roles past its limit each time, giving the same roles.
  @Test func aFullTableParsesTheRestEachTime() {
    let rule = TitleMismatchRule()
    let shared = TitleMismatchRule.ParsedRoles(limit: 3)
    let roles = ["foreign minister", "deputy minister [health]", "army spokesman", "chief executive officer", "acting head"]
    var calls = 0
    for _ in 0..<2 {
      for role in roles {
        let got = shared.withTable { table in
          table.parse(role) { text in
            calls += 1
            return rule.parse(text, onBytes: true)
          }
        }
        #expect(got == rule.parse(role, onBytes: true), "\(role)")
      }
    }
    // The first three parsed once and kept; the last two parsed on each of the two rounds.
    #expect(calls == 3 + 2 * 2)
  }

  /// Roles that are all generic agree with any roles (the check skips `compatible` for them), and
  /// role lists agree and conflict as expected.
  @Test func genericRolesAreCompatibleWithAny() {
    let rule = TitleMismatchRule()
    let lists: [[String]] = [
      ["official"], ["head", "chief"], [], ["foreign minister"], ["deputy foreign minister"], ["minister [health]"],
      ["minister [education]"], ["minister [health education]"], ["ceo"], ["chief executive officer"], ["vice president", "official"],
    ]
    func generic(_ roles: [String]) -> Bool {
      roles.allSatisfy { TitleMismatchRule.genericRoles.contains(rule.parse($0, onBytes: true).head) }
    }
    for a in lists {
      for b in lists where generic(a) || generic(b) { #expect(rule.compatible(a, b), "\(a) \(b)") }
    }
    #expect(rule.compatible(["ceo"], ["chief executive officer"]))
    #expect(!rule.compatible(["foreign minister"], ["deputy foreign minister"]))
    #expect(!rule.compatible(["minister [health]"], ["minister [education]"]))
    #expect(rule.compatible(["minister [health]"], ["minister [health education]"]))
  }
}
