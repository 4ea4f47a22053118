import ClaimLintCore

/// Every rule claimlint ships, as an explicit list sorted by identifier.
public enum BuiltInRules {
  public static let all: [any Rule.Type] = [
    InternalQuantityConflictRule.self,
    QuantityActionMismatchRule.self,
    QuantityMismatchRule.self,
  ]

  /// The descriptions of every rule, sorted by identifier.
  public static var descriptions: [RuleDescription] { all.map { $0.description } }

  /// The rule with this identifier.
  public static func named(_ id: String) -> (any Rule.Type)? {
    all.first { $0.description.identifier == id }
  }
}
