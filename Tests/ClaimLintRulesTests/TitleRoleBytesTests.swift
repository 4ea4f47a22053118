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
}
