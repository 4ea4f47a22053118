/// A discrepancy found by a rule: where, what, and each conflicting source as a note.
public struct Finding: Sendable, Hashable {
  public var ruleID: String
  public var severity: Severity
  /// Lower-case, no trailing period, quotes article text in single quotes.
  public var message: String
  /// The primary location: the smallest span that makes the point.
  public var span: SourceSpan
  /// The conflicting sources, each with its own location.
  public var notes: [Note]
  /// A concrete action, when there is one. (The optional fields are spelled `Optional<…>`: a `T?`
  /// stored `var` makes the initializer build the finding aside and copy it into place.)
  public var help: Optional<String>
  /// The short label shown under the caret in text output ("this article: more than 1,200").
  public var label: Optional<String>
  /// Line-independent key for the discrepancy: rule id, normalised claims and paths.
  public var fingerprint: String
  /// Normalised data about the claim (value, interval, counted noun, action …) for JSON and SARIF.
  public var properties: [String: String]

  public init(
    ruleID: String, severity: Severity, message: String, span: SourceSpan, notes: [Note] = [],
    help: String? = nil, label: String? = nil, fingerprint: String = "", properties: [String: String] = [:]
  ) {
    self.ruleID = ruleID
    self.severity = severity
    self.message = message
    self.span = span
    self.notes = notes
    self.help = help
    self.label = label
    self.fingerprint = fingerprint
    self.properties = properties
  }

  /// A copy with another severity.
  public func with(severity: Severity) -> Finding {
    var f = self
    f.severity = severity
    return f
  }
}

/// A related location with its own message: the conflicting source.
public struct Note: Sendable, Hashable, Comparable {
  /// Spelled `Optional<…>`, as `Finding`'s optional fields are.
  public var span: Optional<SourceSpan>
  public var message: String

  public init(span: SourceSpan?, message: String) {
    self.span = span
    self.message = message
  }

  public static func < (a: Note, b: Note) -> Bool {
    switch (a.span, b.span) {
    case let (x?, y?): return x == y ? a.message < b.message : x < y
    case (nil, _?): return false
    case (_?, nil): return true
    case (nil, nil): return a.message < b.message
    }
  }
}

extension Finding {
  /// The one total order of findings: path, position, rule id, message.
  public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
    if a.span.path != b.span.path { return a.span.path < b.span.path }
    if a.span.line != b.span.line { return a.span.line < b.span.line }
    if a.span.column != b.span.column { return a.span.column < b.span.column }
    if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
    if a.message != b.message { return a.message < b.message }
    return a.fingerprint < b.fingerprint
  }
}
