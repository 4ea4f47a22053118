import ClaimLintCore
import ClaimLintExtraction
import ClaimLintRules
import Foundation

/// A project's `.claimlint.json`: rule overrides, the failing severity, which articles to check and
/// extra lexicons, all relative to the file's own directory.
///
/// ```json
/// {
///   "rules": {"quantity-mismatch": {"severity": "error", "tolerance": 0.05}},
///   "failOn": "warning",
///   "sources": ["sources/**/*.html"],
///   "drafts": ["drafts/*.md"],
///   "lexicons": ["newsroom/lexicons"],
///   "maxFileSize": "16M"
/// }
/// ```
///
/// Every key is optional; an unknown key or a value of the wrong type is an error naming the key path.
/// Command-line flags win over the file.
public struct ProjectConfiguration: Sendable {
  /// The conventional file name, looked up from the working directory upwards.
  public static let fileName = ".claimlint.json"
  /// The top-level keys a configuration file may hold.
  public static let keys = ["rules", "failOn", "sources", "drafts", "lexicons", "maxFileSize"]

  /// How the file is named in messages (".claimlint.json", "../.claimlint.json").
  public var displayPath: String
  /// The absolute directory holding the file; globs and lexicon paths are relative to it.
  public var directory: String
  /// Rule overrides, with `enabled` kept only where the file states it (see `ruleSettings(over:)`).
  public var rules: RuleSettings
  /// Rule ids whose `enabled` the file states explicitly.
  public var explicitlyEnabled: Set<String>
  public var failOn: Severity?
  /// Glob patterns of source articles, as written.
  public var sources: [String]
  /// Glob patterns of drafts, as written.
  public var drafts: [String]
  /// Extra lexicon directories or files, as written (relative to `directory`).
  public var lexicons: [String]
  public var maxFileSize: Int?
  /// Where each key and value of the file starts, so that later errors (a missing lexicon, a glob that
  /// matches nothing) can point into it.
  public var locations: JSONLocations?

  public init(
    displayPath: String, directory: String, rules: RuleSettings = RuleSettings(), explicitlyEnabled: Set<String> = [],
    failOn: Severity? = nil, sources: [String] = [], drafts: [String] = [], lexicons: [String] = [], maxFileSize: Int? = nil
  ) {
    self.displayPath = displayPath
    self.directory = directory
    self.rules = rules
    self.explicitlyEnabled = explicitlyEnabled
    self.failOn = failOn
    self.sources = sources
    self.drafts = drafts
    self.lexicons = lexicons
    self.maxFileSize = maxFileSize
  }

  /// Parses the bytes of a configuration file.
  ///
  /// - Parameters:
  ///   - path: how the file is named in errors.
  ///   - directory: the absolute directory of the file.
  ///   - knownRules: the rule ids that may appear under `rules`.
  /// - Throws: `DataFileError` naming the file and the key path (or line and column for a syntax error).
  public static func parse(
    _ bytes: [UInt8], path: String, directory: String,
    knownRules: Set<String> = Set(BuiltInRules.descriptions.map(\.identifier))
  ) throws(DataFileError) -> ProjectConfiguration {
    let (top, locations) = try JSONValue.parseLocated(bytes, path: path)
    do {
      var config = try parse(top, path: path, directory: directory, knownRules: knownRules)
      config.locations = locations
      return config
    } catch {
      throw locations.locate(error)
    }
  }

  private static func parse(
    _ top: JSONValue, path: String, directory: String, knownRules: Set<String>
  ) throws(DataFileError) -> ProjectConfiguration {
    guard let members = top.objectValue else {
      throw DataFileError.topLevel(path: path, message: "expected a JSON object at the top level, found \(top.rendered)")
    }
    var config = ProjectConfiguration(displayPath: path, directory: directory)
    for (key, value) in members {
      switch key {
      case "$comment": continue
      case "rules":
        config.rules = try RuleSettings.parseRules(value, keyPrefix: "rules", path: path, knownRules: knownRules)
        for (id, fields) in value.objectValue ?? [] where fields.objectValue?.contains(where: { $0.0 == "enabled" }) == true {
          config.explicitlyEnabled.insert(id)
        }
      case "failOn":
        guard case .string(let s) = value, let severity = Severity(rawValue: s) else {
          throw DataFileError(path: path, keyPath: "failOn", message: "expected 'error', 'warning', or 'note', found \(value.rendered)")
        }
        config.failOn = severity
      case "sources": config.sources = try stringList(value, key: key, path: path)
      case "drafts": config.drafts = try stringList(value, key: key, path: path)
      case "lexicons": config.lexicons = try stringList(value, key: key, path: path)
      case "maxFileSize":
        var size: Int? = nil
        switch value {
        case .number(let n) where n >= 1 && n == n.rounded() && n < 1e15: size = Int(n)
        case .string(let s): size = parseSize(s)
        default: break
        }
        guard let size else {
          throw DataFileError(
            path: path, keyPath: "maxFileSize", message: "expected a number of bytes or a size such as '64M', found \(value.rendered)")
        }
        config.maxFileSize = size
      default:
        let expected = keys.map { "'\($0)'" }
        throw DataFileError(
          path: path, keyPath: key, atKey: true,
          message: "unknown key; expected \(expected.dropLast().joined(separator: ", ")), or \(expected.last ?? "")")
      }
    }
    return config
  }

  private static func stringList(_ value: JSONValue, key: String, path: String) throws(DataFileError) -> [String] {
    guard case .array(let items) = value else {
      throw DataFileError(path: path, keyPath: key, message: "expected an array of strings, found \(value.rendered)")
    }
    var out: [String] = []
    for (i, item) in items.enumerated() {
      guard case .string(let s) = item, !s.isEmpty else {
        throw DataFileError(path: path, keyPath: "\(key)[\(i)]", message: "expected a non-empty string, found \(item.rendered)")
      }
      out.append(s)
    }
    return out
  }

  /// Parses a size: bytes, or a number with `K`, `M` or `G` (optionally followed by `B`), in powers of 1024.
  public static func parseSize(_ s: String) -> Int? {
    var u = Substring(s.uppercased())
    if u.hasSuffix("B"), u.count > 1, let prev = u.dropLast().last, "KMG".contains(prev) { u = u.dropLast() }
    var multiplier = 1
    switch u.last {
    case "K": multiplier = 1 << 10
    case "M": multiplier = 1 << 20
    case "G": multiplier = 1 << 30
    default: break
    }
    if multiplier > 1 { u = u.dropLast() }
    guard !u.isEmpty, u.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(u), n > 0, n <= Int.max / multiplier else {
      return nil
    }
    return n * multiplier
  }

  /// The rule settings of `base` (from `rules/rules.json`) with this file's overrides on top. A rule the
  /// file mentions without `enabled` keeps the base's enabled state.
  public func ruleSettings(over base: RuleSettings) -> RuleSettings {
    var overrides = rules
    for (id, entry) in rules.entries where !explicitlyEnabled.contains(id) {
      var e = entry
      e.enabled = base.isEnabled(id)
      overrides.entries[id] = e
    }
    return base.merged(with: overrides)
  }

  // MARK: Finding the file

  /// The configuration file that applies to `workingDirectory`: `.claimlint.json` there or in the
  /// nearest parent directory.
  ///
  /// - Returns: the absolute path, or nil when there is none up to the root.
  public static func find(from workingDirectory: String) -> String? {
    var dir = InputSet.normalize(workingDirectory)
    let fm = FileManager.default
    while true {
      let candidate = (dir == "/" ? "" : dir) + "/" + fileName
      var isDir: ObjCBool = false
      if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue { return candidate }
      if dir == "/" || dir.isEmpty { return nil }
      dir = parent(of: dir)
    }
  }

  /// Reads and parses the file at `path`.
  ///
  /// - Parameters:
  ///   - path: the file, absolute or relative to `workingDirectory`.
  ///   - workingDirectory: the absolute working directory; the display path is relative to it.
  public static func load(path: String, workingDirectory: String) throws(DataFileError) -> ProjectConfiguration {
    let absolute = InputSet.normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    let display = relativePath(absolute, from: workingDirectory)
    let data = try RegularFile.readDataFile(path: absolute, displayPath: display, what: "configuration file").get()
    return try parse(data, path: display, directory: parent(of: absolute))
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` relative to `base` (both absolute), using `..` where needed; `/`-separated.
  public static func relativePath(_ path: String, from base: String) -> String {
    let p = InputSet.normalize(path).split(separator: "/")
    let b = InputSet.normalize(base).split(separator: "/")
    var common = 0
    while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
    let ups = Array(repeating: "..", count: b.count - common)
    let rest = p[common...].map(String.init)
    let parts = ups + rest
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  // MARK: Articles and lexicons

  /// The article files named by `patterns` (relative to `directory`), as absolute paths, sorted.
  ///
  /// A pattern without wildcards may name a file or a directory (walked later by `InputSet`); a
  /// pattern with wildcards matches article files only (`.txt`, `.md`, `.markdown`, `.html`, `.htm`)
  /// and never enters hidden directories. A pattern that matches nothing is an error at its key path.
  public func expand(_ patterns: [String], key: String) -> (paths: [String], problems: [InputProblem]) {
    var paths: [String] = []
    var problems: [InputProblem] = []
    for (i, pattern) in patterns.enumerated() {
      let glob = Glob(pattern)
      let matches = glob.files(under: directory)
      if matches.isEmpty {
        let e = locate(DataFileError(path: displayPath, keyPath: "\(key)[\(i)]", message: "pattern '\(pattern)' matches no article files"))
        problems.append(InputProblem(e))
      }
      paths += matches
    }
    var seen = Set<String>()
    return (paths.filter { seen.insert($0).inserted }.sorted(), problems)
  }

  /// `error` with the line and column of its key path in this file, when known.
  func locate(_ error: DataFileError) -> DataFileError { locations?.locate(error) ?? error }

  /// Extends `configuration`'s lexicons with this file's `lexicons` entries and puts its rule
  /// overrides over the rule settings.
  ///
  /// A lexicon file is merged into the table of the same name (`actions.tsv` adds rows to the built-in
  /// `actions` table); a directory contributes every `.tsv` and `.txt` file in it.
  ///
  /// - Parameter workingDirectory: the absolute working directory, for display paths.
  /// - Returns: the new configuration, or nil with the errors when a lexicon is missing or broken.
  public func apply(to configuration: Configuration, workingDirectory: String) -> (Configuration?, [DataFileError]) {
    var lexicons = configuration.lexicons
    var errors: [DataFileError] = []
    let fm = FileManager.default
    for (i, entry) in self.lexicons.enumerated() {
      let absolute = InputSet.normalize(entry.hasPrefix("/") ? entry : directory + "/" + entry)
      let display = ProjectConfiguration.relativePath(absolute, from: workingDirectory)
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: absolute, isDirectory: &isDir) else {
        errors.append(locate(DataFileError(path: displayPath, keyPath: "lexicons[\(i)]", message: "no such file or directory '\(entry)'")))
        continue
      }
      if isDir.boolValue {
        let (set, errs) = LexiconSet.load(directory: absolute, displayPrefix: display)
        errors += errs
        for name in set.tables.keys.sorted() { lexicons.merge(set.table(name), as: name) }
      } else {
        let data: [UInt8]
        switch RegularFile.readDataFile(path: absolute, displayPath: display, what: "lexicon file") {
        case .success(let d): data = d
        case .failure(let e):
          errors.append(e)
          continue
        }
        do {
          let table = try LexiconTable(path: display, text: try LexiconTable.text(of: data, path: display))
          let file = absolute.split(separator: "/").last.map(String.init) ?? absolute
          let name = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
          lexicons.merge(table, as: name)
        } catch {
          errors.append(error)
        }
      }
    }
    var result = configuration
    result.settings = ruleSettings(over: configuration.settings)
    guard !self.lexicons.isEmpty else { return (errors.isEmpty ? result : nil, errors) }
    result.lexicons = lexicons
    do { result.extraction = try ExtractionLexicons(lexicons) } catch { errors.append(error) }
    do { result.segmentation = try SegmentationLexicons(lexicons) } catch { errors.append(error) }
    return (errors.isEmpty ? result : nil, errors)
  }
}
