import ClaimLintCore

/// The explicit list of output formats, and lookup by `--format` value.
public enum Reporters {
  /// Every reporter, sorted by identifier (a test checks the order).
  public static let all: [any Reporter.Type] = [
    GitHubActionsReporter.self,
    HTMLReporter.self,
    JSONReporter.self,
    JUnitReporter.self,
    RDJSONLReporter.self,
    SARIFReporter.self,
    TextReporter.self,
  ]

  /// The reporter whose identifier is `id`, or nil when there is none (the CLI lists the valid choices).
  public static func named(_ id: String) -> (any Reporter.Type)? {
    all.first { $0.identifier == id }
  }

  /// The valid identifiers, in order, for usage messages.
  public static var identifiers: [String] { all.map { $0.identifier } }
}
