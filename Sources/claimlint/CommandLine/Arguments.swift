import ClaimLint
import ClaimLintCore

/// The parsed command line.
struct Arguments {
  enum Command: String {
    case check, claims, segments, rules, explain
  }

  var command: Command
  var paths: [String] = []
  var against: [String]? = nil
  var format = "text"
  var output: String? = nil
  /// nil: the configuration file's `failOn`, else `error`.
  var failOn: Severity? = nil
  var rulesDirectory: String? = nil
  var onlyRules: Set<String>? = nil
  /// nil: the configuration file's `maxFileSize`, else 64 MiB.
  var maxFileSize: Int? = nil
  /// `--config FILE`: the project configuration to use instead of looking for `.claimlint.json`.
  var configFile: String? = nil
  /// `--no-config`: ignore every `.claimlint.json`.
  var noConfig = false
  /// `--baseline FILE`: report only findings not recorded in FILE.
  var baseline: String? = nil
  /// `--write-baseline FILE`: record the findings in FILE.
  var writeBaseline: String? = nil
  /// `--quiet`: no progress line and no summary lines on standard error (errors are still printed).
  var quiet = false
  var snippets = true
  var color = "auto"
  var includeText = false
  var threads: Int? = nil
  /// `--allow-output-anywhere`: `--output` and `--write-baseline` may be absolute or outside the working directory.
  var allowOutputAnywhere = false
  var showHelp = false
}

/// Parses `argv` (without the program name). Errors follow swift-argument-parser's shape.
enum ArgumentParser {
  static let formats = ["text", "json", "sarif", "github", "rdjsonl", "junit", "html"]

  static func parse(_ argv: [String]) throws(UsageError) -> Arguments? {
    guard let first = argv.first else { throw UsageError("missing subcommand") }
    if first == "--version" || first == "-V" { return nil }
    if first == "--help" || first == "-h" || first == "help" {
      var a = Arguments(command: .check)
      a.showHelp = true
      if argv.count > 1, let c = Arguments.Command(rawValue: argv[1]) { a.command = c } else { a.paths = ["<top>"] }
      return a
    }
    guard let command = Arguments.Command(rawValue: first) else {
      throw UsageError("unknown subcommand '\(first)'; expected 'check', 'claims', 'segments', 'rules', or 'explain'")
    }
    var args = Arguments(command: command)
    var i = 1
    var inAgainst = false
    func value(_ name: String) throws(UsageError) -> String {
      guard i + 1 < argv.count else { throw UsageError("missing value for '\(name)'", command: command.rawValue) }
      i += 1
      return argv[i]
    }
    var positionalOnly = false
    while i < argv.count {
      var a = argv[i]
      var inlineValue: String? = nil
      if !positionalOnly, a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
        inlineValue = String(a[a.index(after: eq)...])
        a = String(a[..<eq])
      }
      func val(_ name: String) throws(UsageError) -> String {
        if let v = inlineValue { return v }
        return try value(name)
      }
      if positionalOnly || !a.hasPrefix("-") || a == "-" {
        if inAgainst { args.against!.append(a) } else { args.paths.append(a) }
        i += 1
        continue
      }
      switch a {
      case "--": positionalOnly = true
      case "--help", "-h": args.showHelp = true
      case "--against":
        guard command == .check else { throw UsageError("'--against' is only valid with 'check'", command: command.rawValue) }
        inAgainst = true
        if args.against == nil { args.against = [] }
      case "--format", "-f":
        let f = try val(a)
        let allowed = command == .check ? formats : ["text", "json"]
        guard allowed.contains(f) else {
          throw UsageError("unknown format '\(f)'; expected \(list(allowed))", command: command.rawValue)
        }
        args.format = f
      case "--output", "-o": args.output = try val(a)
      case "--allow-output-anywhere": args.allowOutputAnywhere = true
      case "--fail-on":
        let v = try val(a)
        guard let s = Severity(rawValue: v) else {
          throw UsageError("unknown severity '\(v)'; expected 'error', 'warning', or 'note'", command: command.rawValue)
        }
        args.failOn = s
      case "--strict": args.failOn = min(args.failOn ?? .error, .warning)
      case "--config": args.configFile = try val(a)
      case "--no-config": args.noConfig = true
      case "--baseline", "--write-baseline":
        guard command == .check else { throw UsageError("'\(a)' is only valid with 'check'", command: command.rawValue) }
        if a == "--baseline" { args.baseline = try val(a) } else { args.writeBaseline = try val(a) }
      case "--quiet", "-q": args.quiet = true
      case "--rules": args.rulesDirectory = try val(a)
      case "--only":
        args.onlyRules = Set(try val(a).split(separator: ",").map { String($0).trimmingSpaces })
      case "--max-file-size":
        let v = try val(a)
        guard let n = ProjectConfiguration.parseSize(v) else {
          throw UsageError("invalid size '\(v)'; expected bytes, or a number with K, M or G", command: command.rawValue)
        }
        args.maxFileSize = n
      case "--no-snippets": args.snippets = false
      case "--color":
        let v = try val(a)
        guard ["auto", "always", "never"].contains(v) else {
          throw UsageError("unknown color mode '\(v)'; expected 'auto', 'always', or 'never'", command: command.rawValue)
        }
        args.color = v
      case "--include-text": args.includeText = true
      case "--threads", "-j":
        let v = try val(a)
        guard let n = Int(v), n >= 1 else { throw UsageError("invalid thread count '\(v)'", command: command.rawValue) }
        args.threads = n
      default:
        throw UsageError("unknown option '\(a)'", command: command.rawValue)
      }
      i += 1
    }
    if args.showHelp { return args }
    switch command {
    case .check, .claims, .segments:
      // No paths is allowed here: the articles may come from the configuration file (checked in main).
      if args.configFile != nil, args.noConfig {
        throw UsageError("'--config' and '--no-config' cannot be combined", command: command.rawValue)
      }
      if args.baseline != nil, args.writeBaseline != nil {
        throw UsageError("'--baseline' and '--write-baseline' cannot be combined", command: command.rawValue)
      }
      if let against = args.against {
        if args.paths.count != 1 {
          throw UsageError("'check DRAFT --against SOURCE...' takes exactly one draft, found \(args.paths.count)", command: command.rawValue)
        }
        if against.isEmpty { throw UsageError("'--against' needs at least one source", command: command.rawValue) }
      }
    case .explain:
      if args.paths.count != 1 { throw UsageError("'explain' takes one rule id", command: command.rawValue) }
    case .rules:
      if !args.paths.isEmpty { throw UsageError("'rules' takes no paths", command: command.rawValue) }
    }
    return args
  }

  static func list(_ items: [String]) -> String {
    let q = items.map { "'\($0)'" }
    if q.count <= 2 { return q.joined(separator: " or ") }
    return q.dropLast().joined(separator: ", ") + ", or " + q.last!
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
