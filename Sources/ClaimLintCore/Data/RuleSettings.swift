/// Per-rule settings from `rules/rules.json` (and later a user's configuration): enabled, severity, options.
public struct RuleSettings: Sendable, Hashable {
  public struct Entry: Sendable, Hashable {
    public var enabled: Bool
    /// Whether `enabled` was stated rather than defaulted; `merged(with:)` only overrides `enabled`
    /// with a stated value, so an entry that only sets a severity does not turn a disabled rule back on.
    public var statesEnabled: Bool
    public var severity: Severity?
    /// Numeric options, such as `tolerance` (a fraction) for approximate figures.
    public var options: [String: Double]

    /// - Parameter enabled: whether the rule runs; nil leaves it at the default (on) without stating it.
    public init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: Double] = [:]) {
      self.enabled = enabled ?? true
      self.statesEnabled = enabled != nil
      self.severity = severity
      self.options = options
    }
  }

  public var entries: [String: Entry]

  public init(entries: [String: Entry] = [:]) {
    self.entries = entries
  }

  public func entry(_ id: String) -> Entry { entries[id] ?? Entry() }

  public func isEnabled(_ id: String) -> Bool { entry(id).enabled }

  public func option(_ name: String, for id: String, default value: Double) -> Double {
    entry(id).options[name] ?? value
  }

  /// Parses a `rules.json` document (or the `rules` object of a configuration file).
  ///
  /// - Parameter knownRules: rule ids that may appear; an unknown id is an error naming the key path.
  /// - Throws: `DataFileError` naming the file and the key path of the first problem.
  public static func parse(_ bytes: [UInt8], path: String, knownRules: Set<String>) throws(DataFileError) -> RuleSettings {
    let (top, locations) = try JSONValue.parseLocated(bytes, path: path)
    do throws(DataFileError) {
      guard let members = top.objectValue else {
        throw DataFileError.topLevel(path: path, message: "expected a JSON object at the top level")
      }
      var settings = RuleSettings()
      for (key, value) in members {
        switch key {
        case "$comment": continue
        case "rules": settings = try parseRules(value, keyPrefix: "rules", path: path, knownRules: knownRules)
        default: throw DataFileError(path: path, keyPath: key, atKey: true, message: "unknown key; expected 'rules'")
        }
      }
      return settings
    } catch {
      throw locations.locate(error)
    }
  }

  /// Parses an object of rule id → settings found at `keyPrefix`.
  public static func parseRules(
    _ value: JSONValue, keyPrefix: String, path: String, knownRules: Set<String>
  ) throws(DataFileError) -> RuleSettings {
    guard let ruleMap = value.objectValue else {
      throw DataFileError(path: path, keyPath: keyPrefix, message: "expected an object, found \(value.rendered)")
    }
    var settings = RuleSettings()
    for (id, ruleValue) in ruleMap {
      let rulePath = "\(keyPrefix).\(id)"
      guard knownRules.contains(id) else {
        throw DataFileError(
          path: path, keyPath: rulePath, atKey: true, message: "unknown rule id; 'claimlint rules' lists the known ids")
      }
      guard let fields = ruleValue.objectValue else {
        throw DataFileError(path: path, keyPath: rulePath, message: "expected an object, found \(ruleValue.rendered)")
      }
      var entry = Entry()
      for (field, v) in fields {
        let keyPath = "\(rulePath).\(field)"
        switch (field, v) {
        case ("enabled", .bool(let b)):
          entry.enabled = b
          entry.statesEnabled = true
        case ("enabled", _):
          throw DataFileError(path: path, keyPath: keyPath, message: "expected true or false, found \(v.rendered)")
        case ("severity", .string(let s)) where Severity(rawValue: s) != nil: entry.severity = Severity(rawValue: s)
        case ("severity", _):
          throw DataFileError(
            path: path, keyPath: keyPath, message: "expected 'error', 'warning', or 'note', found \(v.rendered)")
        case ("$comment", _), ("description", _): continue
        case (_, .number(let n)): entry.options[field] = n
        default:
          throw DataFileError(path: path, keyPath: keyPath, message: "expected a number, found \(v.rendered)")
        }
      }
      settings.entries[id] = entry
    }
    return settings
  }

  /// Settings of `other` override these, rule by rule and field by field.
  public func merged(with other: RuleSettings) -> RuleSettings {
    var result = self
    for (id, e) in other.entries {
      var base = result.entries[id] ?? Entry()
      if e.statesEnabled {
        base.enabled = e.enabled
        base.statesEnabled = true
      }
      if let s = e.severity { base.severity = s }
      for (k, v) in e.options { base.options[k] = v }
      result.entries[id] = base
    }
    return result
  }
}
