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
func writeOut(_ s: String) { writeOut(bytes: Array(s.utf8)) }

/// Writes bytes to standard output; a closed pipe ends the program quietly.
func writeOut(bytes data: [UInt8]) {
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

  // Written paths stay inside the working directory unless the command line says otherwise.
  if !args.allowOutputAnywhere {
    let here = FileManager.default.currentDirectoryPath
    for path in [args.output, args.writeBaseline].compactMap({ $0 }) {
      if let problem = OutputPath.problem(path, workingDirectory: here) {
        printError("\(path): error: \(problem) (pass --allow-output-anywhere to write there)")
        return 2
      }
    }
  }

  guard let (rulesDir, rulesDisplay) = findRules(args.rulesDirectory) else {
    printError("claimlint: error: cannot find the rules directory (rules/rules.json); pass --rules DIR")
    return 2
  }
  let (loaded, dataErrors) = Configuration.load(directory: rulesDir, displayPath: rulesDisplay)
  for e in dataErrors { printError(e.description) }
  guard var configuration = loaded else { return 2 }
  if let only = args.onlyRules {
    let known = Set(BuiltInRules.descriptions.map(\.identifier))
    for id in only.sorted() where !known.contains(id) {
      return usageFailure(UsageError("unknown rule '\(id)' in '--only'; 'claimlint rules' lists the rules", command: "check"))
    }
  }

  let cwd = FileManager.default.currentDirectoryPath
  // The project configuration: `--config FILE`, else the nearest `.claimlint.json`, unless `--no-config`.
  var project: ProjectConfiguration? = nil
  if !args.noConfig, let path = args.configFile ?? ProjectConfiguration.find(from: cwd) {
    do {
      project = try ProjectConfiguration.load(path: path, workingDirectory: cwd)
    } catch {
      printError(error.description)
      return 2
    }
  }
  if let project {
    let (applied, errors) = project.apply(to: configuration, workingDirectory: cwd)
    for e in errors { printError(e.description) }
    guard let applied else { return 2 }
    configuration = applied
  }
  // Command-line flags win over the file.
  let failOn = args.failOn ?? project?.failOn ?? .error
  let maxFileSize = args.maxFileSize ?? project?.maxFileSize ?? 64 << 20

  var baseline: Baseline? = nil
  if let path = args.baseline {
    do {
      baseline = try Baseline.load(path: path, displayPath: path)
    } catch {
      printError(error.description)
      return 2
    }
  }

  let inputs: InputSet
  var extra: [InputProblem] = []
  // Pre-publish mode: only findings located in a draft are reported (none when no draft could be read).
  var prePublish = false
  var draftPaths: [String] = []
  if args.paths.isEmpty {
    // The articles of the configuration file: its drafts against its sources, or its sources against each other.
    guard let project, !(project.sources.isEmpty && project.drafts.isEmpty) else {
      return usageFailure(
        UsageError("missing article paths; give them, or list 'sources' in \(ProjectConfiguration.fileName)", command: args.command.rawValue))
    }
    if args.command == .check, !project.drafts.isEmpty, project.sources.isEmpty {
      printError("\(project.displayPath): error: at 'drafts': drafts need 'sources' to be checked against")
      return 2
    }
    let sources = project.expand(project.sources, key: "sources")
    let drafts = project.expand(project.drafts, key: "drafts")
    extra += sources.problems + drafts.problems
    inputs = InputSet.collect(sources.paths + drafts.paths, workingDirectory: project.directory)
    if args.command == .check, !project.drafts.isEmpty {
      // A directory among the drafts makes every article in it a draft.
      prePublish = true
      draftPaths = InputSet.collect(drafts.paths, workingDirectory: project.directory).files.map(\.displayPath)
    }
  } else if let against = args.against {
    prePublish = true
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: args.paths[0], isDirectory: &isDir), isDir.boolValue {
      // A directory is not walked as a draft: the error says so, and the sources are still read.
      extra.append(InputProblem(InputError.directoryAsDraft(path: InputSet.displayPath(args.paths[0], workingDirectory: cwd))))
      inputs = InputSet.collect(against, workingDirectory: cwd)
    } else {
      inputs = InputSet.collect(args.paths + against, workingDirectory: cwd)
      draftPaths = InputSet.collect([args.paths[0]], workingDirectory: cwd).files.map(\.displayPath)
    }
  } else {
    inputs = InputSet.collect(args.paths, workingDirectory: cwd)
  }
  extra += inputs.problems
  var stdinBytes: [UInt8]? = nil
  var fileList = inputs.files
  if fileList.contains(where: { $0.filePath == nil }) {
    // Standard input has the same size limit as files; reading stops as soon as it is passed.
    switch readStandardInput(limit: maxFileSize) {
    case .success(let bytes): stdinBytes = bytes
    case .failure(let tooLarge):
      extra.append(InputProblem(tooLarge))
      fileList.removeAll { $0.filePath == nil }
    }
  }
  let files = fileList
  var options = CheckerOptions(onlyRules: args.onlyRules, maxFileSize: maxFileSize)
  if let t = args.threads { options.threads = t }
  // What the chosen format needs of a large run (an unknown format is refused below, before rendering).
  let format = Reporters.named(args.format)
  options.keepQuotedSources = format?.quotesSourceLines ?? true
  let checker = Checker(configuration: configuration, options: options)
  let progressLine = ProgressLine.isWanted(quiet: args.quiet) ? ProgressLine() : nil
  let progress: (@Sendable (Int, Int) -> Void)? = progressLine.map { line in
    { @Sendable done, total in line.update(done: done, total: total, label: files[max(0, min(done, total) - 1)].displayPath) }
  }
  var report: Report
  if args.command == .check, draftPaths.count <= 1, format?.showsEveryClaim != true {
    // Story by story, keeping only what the report shows.
    report = checker.checkStreaming(files, stdin: stdinBytes, draftPath: draftPaths.first, extraProblems: extra, progress: progress)
  } else {
    let outputs = checker.process(files, stdin: stdinBytes, progress: progress)
    progressLine?.phase("comparing claims across \(files.count) articles")
    report = checker.check(outputs, draftPaths: draftPaths, extraProblems: extra)
  }
  if prePublish {
    let drafts = Set(draftPaths)
    report.findings.removeAll { !drafts.contains($0.span.path) }
  }
  progressLine?.finish()

  // Baselines: findings already recorded are not reported.
  var baselined = 0
  if args.command == .check {
    if let path = args.writeBaseline {
      let written = Baseline(findings: report.findings)
      if let reason = OutputPath.write(written.rendered(), to: path, followingLinks: args.allowOutputAnywhere) {
        printError("\(path): error: cannot write the baseline file: \(reason)")
        return 2
      }
      if !args.quiet { printError("claimlint: wrote \(count(written.entries.count, "finding")) to the baseline '\(path)'") }
      baseline = written
    }
    if let baseline {
      let split = baseline.partition(report.findings)
      report.findings = split.reported
      baselined = split.baselined.count
    }
  }
  switch args.command {
  case .claims: report.kind = .claims
  case .segments: report.kind = .segments
  default: break
  }

  // The one exit-code policy.
  let hasInputError = report.inputErrors.contains { $0.severity == .error }
  let failing = args.command == .check && report.findings.contains { $0.severity >= failOn }
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
  let reportOptions = ReportOptions(color: useColor && args.format == "text", snippets: args.snippets, includeSegmentText: args.includeText)
  // Written as it is rendered: the JSON report of a large run never sits whole in memory.
  if let out = args.output {
    let failure = OutputPath.write(to: out, followingLinks: args.allowOutputAnywhere) { write in
      reporter.stream(report, options: reportOptions, to: write)
    }
    if let reason = failure {
      printError("\(out): error: cannot write the report: \(reason)")
      return 2
    }
  } else {
    reporter.stream(report, options: reportOptions) { writeOut(bytes: $0) }
  }
  // Input problems also go to stderr for machine formats, so CI logs show them.
  if args.format != "text" || args.output != nil {
    for p in report.inputErrors where p.severity == .error { printError(p.description) }
  }
  if baselined > 0, args.writeBaseline == nil, !args.quiet {
    printError("claimlint: \(count(baselined, "finding")) in the baseline \(baselined == 1 ? "was" : "were") not reported")
  }
  // Everything is written (standard output and error unbuffered, an output file closed): the process
  // ends here, keeping the report and the checker alive into `exit`, instead of freeing a large run's
  // documents and findings one by one just before the system frees the whole process.
  withExtendedLifetime((report, checker)) { exit(status) }
}

/// Reads standard input to its end, or fails with a size error once more than `limit` bytes arrived.
func readStandardInput(limit: Int) -> Result<[UInt8], InputError> {
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { break }
    bytes.append(contentsOf: chunk[0..<n])
    if bytes.count > limit { return .failure(.tooLarge(path: "<stdin>", bytes: bytes.count, limit: limit)) }
  }
  return .success(bytes)
}

/// "1 finding", "3 findings".
func count(_ n: Int, _ noun: String) -> String {
  "\(n) \(noun)\(n == 1 ? "" : "s")"
}

Allocator.restartWithThreadCache()
Allocator.tuneForLargeRuns()
exit(run())
