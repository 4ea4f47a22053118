import ClaimLint
import ClaimLintCore
import ClaimLintReporting
import ClaimLintRules
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes to standard error.
func printError(_ s: String) {
  FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
}

/// Writes to standard output; a broken pipe ends the program quietly.
func writeOut(_ s: String) {
  let data = Array(s.utf8)
  var offset = 0
  while offset < data.count {
    let n = data[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    if n <= 0 { exit(0) }
    offset += n
  }
}

/// Finds the rules directory: `--rules`, `$CLAIMLINT_RULES`, `./rules`, then next to the executable
/// (walking up, which finds the checkout's `rules/` for a `swift build` binary).
func findRules(_ explicit: String?) -> (String, String)? {
  let fm = FileManager.default
  if let e = explicit { return (e, e) }
  if let env = ProcessInfo.processInfo.environment["CLAIMLINT_RULES"], !env.isEmpty { return (env, env) }
  if fm.fileExists(atPath: "rules/rules.json") { return ("rules", "rules") }
  var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
  for _ in 0..<8 {
    let candidate = dir.appendingPathComponent("rules")
    if fm.fileExists(atPath: candidate.appendingPathComponent("rules.json").path) {
      return (candidate.path, candidate.path)
    }
    for share in ["share/claimlint/rules"] {
      let c = dir.appendingPathComponent(share)
      if fm.fileExists(atPath: c.appendingPathComponent("rules.json").path) { return (c.path, c.path) }
    }
    dir = dir.deletingLastPathComponent()
  }
  return nil
}

func usageFailure(_ e: UsageError) -> Int32 {
  printError("claimlint: error: \(e.message)")
  let cmd = e.command.map { " \($0)" } ?? ""
  printError("usage: claimlint\(cmd.isEmpty ? " <subcommand>" : cmd) [options]")
  printError("see 'claimlint\(cmd) --help' for more information")
  return 2
}

func run() -> Int32 {
  signal(SIGPIPE, SIG_IGN)
  let argv = Array(CommandLine.arguments.dropFirst())
  let args: Arguments
  do {
    guard let parsed = try ArgumentParser.parse(argv) else {
      writeOut("claimlint \(ClaimLintVersion.version)\n")
      return 0
    }
    args = parsed
  } catch {
    return usageFailure(error)
  }
  if args.showHelp {
    writeOut(Usage.text(for: args.paths == ["<top>"] ? nil : args.command) + "\n")
    return 0
  }

  switch args.command {
  case .rules:
    let rules = BuiltInRules.descriptions.sorted { $0.identifier < $1.identifier }
    if args.format == "json" {
      let items = rules.map {
        "  {\"defaultSeverity\": \"\($0.defaultSeverity.rawValue)\", \"id\": \"\($0.identifier)\", \"name\": \"\($0.name)\", \"prePublishOnly\": \($0.prePublishOnly), \"summary\": \"\($0.summary)\"}"
      }
      writeOut("[\n" + items.joined(separator: ",\n") + "\n]\n")
    } else {
      writeOut(RuleDocs.list(rules))
    }
    return 0
  case .explain:
    guard let rule = BuiltInRules.named(args.paths[0]) else {
      return usageFailure(UsageError("unknown rule '\(args.paths[0])'; 'claimlint rules' lists the rules", command: "explain"))
    }
    writeOut(RuleDocs.explain(rule.description))
    return 0
  default: break
  }

  guard let (rulesDir, rulesDisplay) = findRules(args.rulesDirectory) else {
    printError("claimlint: error: cannot find the rules directory (rules/rules.json); pass --rules DIR")
    return 2
  }
  let (loaded, dataErrors) = Configuration.load(directory: rulesDir, displayPath: rulesDisplay)
  for e in dataErrors { printError(e.description) }
  guard let configuration = loaded else { return 2 }
  if let only = args.onlyRules {
    let known = Set(BuiltInRules.descriptions.map(\.identifier))
    for id in only.sorted() where !known.contains(id) {
      return usageFailure(UsageError("unknown rule '\(id)' in '--only'; 'claimlint rules' lists the rules", command: "check"))
    }
  }

  let cwd = FileManager.default.currentDirectoryPath
  let allPaths = args.paths + (args.against ?? [])
  let inputs = InputSet.collect(allPaths, workingDirectory: cwd)
  var extra = inputs.problems
  var draftPath: String? = nil
  if args.against != nil {
    let set = InputSet.collect([args.paths[0]], workingDirectory: cwd)
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: args.paths[0], isDirectory: &isDir), isDir.boolValue {
      extra.append(InputProblem(InputError.directoryAsDraft(path: set.files.first?.displayPath ?? args.paths[0])))
    } else {
      draftPath = set.files.first?.displayPath
    }
  }
  var stdinBytes: [UInt8]? = nil
  if inputs.files.contains(where: { $0.filePath == nil }) {
    stdinBytes = Array(FileHandle.standardInput.readDataToEndOfFile())
  }
  var options = CheckerOptions(onlyRules: args.onlyRules, maxFileSize: args.maxFileSize)
  if let t = args.threads { options.threads = t }
  let checker = Checker(configuration: configuration, options: options)
  let outputs = checker.process(inputs.files, stdin: stdinBytes)
  var report = checker.check(outputs, draftPath: draftPath, extraProblems: extra)
  switch args.command {
  case .claims: report.kind = .claims
  case .segments: report.kind = .segments
  default: break
  }

  // The one exit-code policy.
  let hasInputError = report.inputErrors.contains { $0.severity == .error }
  let failing = args.command == .check && report.findings.contains { $0.severity >= args.failOn }
  let status: Int32 = hasInputError ? 2 : (failing ? 1 : 0)
  report.exitStatus = Int(status)

  guard let reporter = Reporters.named(args.format) else {
    return usageFailure(UsageError("unknown format '\(args.format)'", command: args.command.rawValue))
  }
  let env = ProcessInfo.processInfo.environment
  let useColor: Bool
  switch args.color {
  case "always": useColor = true
  case "never": useColor = false
  default: useColor = args.output == nil && isatty(1) != 0 && env["NO_COLOR"].map { $0.isEmpty } ?? true && env["TERM"] != "dumb"
  }
  let rendered = reporter.render(
    report, options: ReportOptions(color: useColor && args.format == "text", snippets: args.snippets, includeSegmentText: args.includeText))
  if let out = args.output {
    do {
      try Data(rendered.utf8).write(to: URL(fileURLWithPath: out))
    } catch {
      printError("\(out): error: cannot write the report")
      return 2
    }
  } else {
    writeOut(rendered)
  }
  // Input problems also go to stderr for machine formats, so CI logs show them.
  if args.format != "text" || args.output != nil {
    for p in report.inputErrors where p.severity == .error { printError(p.description) }
  }
  return status
}

exit(run())
