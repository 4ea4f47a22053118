/// What a rule is, why it exists and how it behaves, as a value: the source of `claimlint rules`,
/// `claimlint explain`, the SARIF rule metadata and the README's rule docs.
public struct RuleDescription: Sendable {
  /// Kebab-case id that never changes ("quantity-mismatch").
  public let identifier: String
  /// Title Case name.
  public let name: String
  /// One sentence, no trailing period.
  public let summary: String
  /// Why an editor cares, and the known sources of false alarms (Markdown).
  public let rationale: String
  public let defaultSeverity: Severity
  /// True for rules that only run in pre-publish mode (`--against`).
  public let prePublishOnly: Bool
  /// Tags for SARIF (`properties.tags`).
  public let tags: [String]
  public let nonTriggeringExamples: [RuleExample]
  public let triggeringExamples: [RuleExample]

  public init(
    identifier: String, name: String, summary: String, rationale: String, defaultSeverity: Severity,
    prePublishOnly: Bool = false, tags: [String] = [], nonTriggeringExamples: [RuleExample],
    triggeringExamples: [RuleExample]
  ) {
    self.identifier = identifier
    self.name = name
    self.summary = summary
    self.rationale = rationale
    self.defaultSeverity = defaultSeverity
    self.prePublishOnly = prePublishOnly
    self.tags = tags
    self.nonTriggeringExamples = nonTriggeringExamples
    self.triggeringExamples = triggeringExamples
  }
}
