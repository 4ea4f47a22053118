import ClaimLintCore
import Foundation

/// Findings accepted as known, so that a check reports only new ones.
///
/// Each entry is keyed by rule id, path, the finding's line-independent fingerprint and an occurrence
/// counter (the n-th finding with the same rule, path and fingerprint, in report order). Moving lines or
/// editing elsewhere in an article keeps the key; changing the claim itself changes the fingerprint.
///
/// The file:
///
/// ```json
/// {
///   "schemaVersion": 1,
///   "findings": [
///     {"ruleId": "quantity-mismatch", "path": "drafts/flood.md", "fingerprint": "9f4c2a1be0d3c877",
///      "occurrence": 1, "message": "count of residents evacuated differs from 1 source: 'more than 1,200' here"}
///   ]
/// }
/// ```
public struct Baseline: Sendable, Hashable {
  /// The version this code reads and writes.
  public static let schemaVersion = 1

  /// What identifies a finding across runs.
  public struct Key: Sendable, Hashable, Comparable {
    public var ruleID: String
    public var path: String
    public var fingerprint: String
    public var occurrence: Int

    public init(ruleID: String, path: String, fingerprint: String, occurrence: Int) {
      self.ruleID = ruleID
      self.path = path
      self.fingerprint = fingerprint
      self.occurrence = occurrence
    }

    public static func < (a: Key, b: Key) -> Bool {
      if a.path != b.path { return a.path < b.path }
      if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
      if a.fingerprint != b.fingerprint { return a.fingerprint < b.fingerprint }
      return a.occurrence < b.occurrence
    }
  }

  /// One accepted finding; the message is kept for people reading the file, not for matching.
  public struct Entry: Sendable, Hashable {
    public var key: Key
    public var message: String

    public init(key: Key, message: String) {
      self.key = key
      self.message = message
    }
  }

  /// Sorted by key.
  public private(set) var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries.sorted { $0.key == $1.key ? $0.message < $1.message : $0.key < $1.key }
  }

  /// A baseline holding `findings`.
  public init(findings: [Finding]) {
    let keys = Baseline.keys(for: findings)
    self.init(entries: zip(findings, keys).map { Entry(key: $1, message: $0.message) })
  }

  /// The key of each finding, in the order given. Occurrences count in `Finding.ordered` order, so the
  /// result does not depend on the order of `findings`.
  public static func keys(for findings: [Finding]) -> [Key] {
    let order = findings.indices.sorted { Finding.ordered(findings[$0], findings[$1]) }
    var counts: [Key: Int] = [:]
    var keys = Array(repeating: Key(ruleID: "", path: "", fingerprint: "", occurrence: 0), count: findings.count)
    for i in order {
      let f = findings[i]
      let fingerprint = f.fingerprint.isEmpty ? Fingerprint.fnv1a([f.ruleID, f.span.path, f.message]) : f.fingerprint
      var key = Key(ruleID: f.ruleID, path: f.span.path, fingerprint: fingerprint, occurrence: 0)
      let n = (counts[key] ?? 0) + 1
      counts[key] = n
      key.occurrence = n
      keys[i] = key
    }
    return keys
  }

  /// Splits `findings` into those not in the baseline (reported) and those in it, keeping their order.
  public func partition(_ findings: [Finding]) -> (reported: [Finding], baselined: [Finding]) {
    let known = Set(entries.map(\.key))
    var reported: [Finding] = []
    var baselined: [Finding] = []
    for (f, key) in zip(findings, Baseline.keys(for: findings)) {
      if known.contains(key) { baselined.append(f) } else { reported.append(f) }
    }
    return (reported, baselined)
  }

  // MARK: File format

  /// The baseline as JSON: one entry per line, sorted, ending with a newline.
  public func rendered() -> String {
    var out = "{\n  \"schemaVersion\": \(Baseline.schemaVersion),\n  \"findings\": ["
    for (i, e) in entries.enumerated() {
      out += i == 0 ? "\n" : ",\n"
      out += "    {\"ruleId\": \(Baseline.quoted(e.key.ruleID)), \"path\": \(Baseline.quoted(e.key.path)), "
      out += "\"fingerprint\": \(Baseline.quoted(e.key.fingerprint)), \"occurrence\": \(e.key.occurrence), "
      out += "\"message\": \(Baseline.quoted(e.message))}"
    }
    out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }

  /// A JSON string literal; `/` is not escaped.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// Parses a baseline file.
  ///
  /// - Throws: `DataFileError` naming the file, with the line and column of a syntax error or the key
  ///   path of a missing or mistyped field.
  public static func parse(_ bytes: [UInt8], path: String) throws(DataFileError) -> Baseline {
    let (top, locations) = try JSONValue.parseLocated(bytes, path: path)
    do {
      return try parse(top, path: path)
    } catch {
      throw locations.locate(error)
    }
  }

  private static func parse(_ top: JSONValue, path: String) throws(DataFileError) -> Baseline {
    guard let members = top.objectValue else {
      throw DataFileError.topLevel(path: path, message: "expected a baseline object at the top level, found \(top.rendered)")
    }
    var version: Int? = nil
    var entries: [Entry]? = nil
    for (key, value) in members {
      switch key {
      case "schemaVersion":
        guard case .number(let n) = value, n == Double(schemaVersion) else {
          throw DataFileError(path: path, keyPath: "schemaVersion", message: "expected \(schemaVersion), found \(value.rendered)")
        }
        version = Int(n)
      case "findings":
        guard case .array(let items) = value else {
          throw DataFileError(path: path, keyPath: "findings", message: "expected an array, found \(value.rendered)")
        }
        var list: [Entry] = []
        for (i, item) in items.enumerated() { list.append(try entry(item, at: "findings[\(i)]", path: path)) }
        entries = list
      default:
        throw DataFileError(path: path, keyPath: key, atKey: true, message: "unknown key; expected 'schemaVersion' or 'findings'")
      }
    }
    guard version != nil else { throw DataFileError.topLevel(path: path, message: "missing 'schemaVersion'; not a claimlint baseline") }
    guard let entries else { throw DataFileError.topLevel(path: path, message: "missing 'findings'; not a claimlint baseline") }
    return Baseline(entries: entries)
  }

  private static func entry(_ value: JSONValue, at keyPath: String, path: String) throws(DataFileError) -> Entry {
    guard let fields = value.objectValue else {
      throw DataFileError(path: path, keyPath: keyPath, message: "expected an object, found \(value.rendered)")
    }
    var strings: [String: String] = [:]
    var occurrence: Int? = nil
    for (field, v) in fields {
      switch (field, v) {
      case ("ruleId", .string(let s)), ("path", .string(let s)), ("fingerprint", .string(let s)), ("message", .string(let s)):
        strings[field] = s
      case ("occurrence", .number(let n)) where n >= 1 && n == n.rounded() && n < 1e9:
        occurrence = Int(n)
      case ("occurrence", _):
        throw DataFileError(path: path, keyPath: "\(keyPath).occurrence", message: "expected a whole number from 1, found \(v.rendered)")
      case ("ruleId", _), ("path", _), ("fingerprint", _), ("message", _):
        throw DataFileError(path: path, keyPath: "\(keyPath).\(field)", message: "expected a string, found \(v.rendered)")
      default:
        throw DataFileError(
          path: path, keyPath: "\(keyPath).\(field)", atKey: true,
          message: "unknown key; expected 'ruleId', 'path', 'fingerprint', 'occurrence', or 'message'")
      }
    }
    for required in ["ruleId", "path", "fingerprint"] where strings[required] == nil {
      throw DataFileError(path: path, keyPath: keyPath, message: "missing '\(required)'")
    }
    guard let occurrence else { throw DataFileError(path: path, keyPath: keyPath, message: "missing 'occurrence'") }
    return Entry(
      key: Key(ruleID: strings["ruleId"] ?? "", path: strings["path"] ?? "", fingerprint: strings["fingerprint"] ?? "", occurrence: occurrence),
      message: strings["message"] ?? "")
  }

  /// Reads and parses a baseline file.
  ///
  /// - Parameters:
  ///   - path: the file to open.
  ///   - displayPath: how the file is named in errors.
  public static func load(path: String, displayPath: String) throws(DataFileError) -> Baseline {
    let data = try RegularFile.readDataFile(path: path, displayPath: displayPath, what: "baseline file").get()
    return try parse(data, path: displayPath)
  }
}
