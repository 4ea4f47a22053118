import ClaimLintCore

/// A check over aligned claims. Rules are stateless values applied as pure functions.
public protocol Rule: Sendable {
  /// The rule's documentation and examples.
  static var description: RuleDescription { get }
  init()
  /// Returns the findings for the aligned claims of one run.
  func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding]
}

/// What a rule may consult besides the claims: settings and the word lists.
public struct RuleContext: Sendable {
  public var settings: RuleSettings
  public var lexicons: LexiconSet

  public init(settings: RuleSettings = RuleSettings(), lexicons: LexiconSet = LexiconSet()) {
    self.settings = settings
    self.lexicons = lexicons
  }

  /// The configured severity of `rule`, or its default.
  public func severity(of rule: RuleDescription) -> Severity {
    settings.entry(rule.identifier).severity ?? rule.defaultSeverity
  }

  /// Scales a rule's natural severity (error for a direct contradiction, warning for a likely one)
  /// by the configuration: a configured severity replaces the default one, a lower natural severity
  /// stays lower.
  public func severity(of rule: RuleDescription, natural: Severity) -> Severity {
    guard let configured = settings.entry(rule.identifier).severity else { return natural }
    if natural < rule.defaultSeverity { return min(natural, configured) }
    return configured
  }

  /// A numeric option of a rule.
  public func option(_ name: String, of rule: RuleDescription, default value: Double) -> Double {
    settings.option(name, for: rule.identifier, default: value)
  }
}
