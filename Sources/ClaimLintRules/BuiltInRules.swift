import ClaimLintCore

/// Every rule claimlint ships, as an explicit list sorted by identifier.
public enum BuiltInRules {
  public static let all: [any Rule.Type] = [
    AttributionMismatchRule.self,
    CommentCitedAsReportageRule.self,
    DateMismatchRule.self,
    HedgeDroppedRule.self,
    InternalQuantityConflictRule.self,
    ParticipantsMismatchRule.self,
    QuantityActionMismatchRule.self,
    QuantityMismatchRule.self,
    TitleMismatchRule.self,
    UnsupportedClaimRule.self,
    WeekdayMismatchRule.self,
  ]

  /// The descriptions of every rule, sorted by identifier.
  public static var descriptions: [RuleDescription] { all.map { $0.description } }

  /// The rule with this identifier.
  public static func named(_ id: String) -> (any Rule.Type)? {
    all.first { $0.description.identifier == id }
  }
}
