import ClaimLintTestSupport
import Foundation
import Testing

/// Runs the built `claimlint` binary and captures what it prints.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
  /// Whether the run was stopped by the watchdog because it took longer than its time limit.
  var timedOut = false
}

enum CLI {
  static let binary: URL = {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("claimlint")
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
      dir.deleteLastPathComponent()
    }
    return Bundle.main.bundleURL.appendingPathComponent("claimlint")
  }()

  /// Runs the binary with `args` (plus `--rules` for the checking subcommands).
  ///
  /// - Parameters:
  ///   - unprivileged: when the tests run as root, run the binary as user `nobody` (through `setpriv`),
  ///     so file permissions really apply.
  ///   - timeLimit: seconds after which a hung run is terminated and reported as `timedOut`; a safety
  ///     net so that a hang fails the test instead of stalling the suite.
  static func run(
    _ args: [String], in directory: URL? = nil, stdin: String? = nil, stdinFile: URL? = nil, env: [String: String] = [:],
    unprivileged: Bool = false, timeLimit: Double = 120
  ) throws -> CLIResult {
    let p = Process()
    let fullArgs = args + ["--rules", TestSupport.repositoryRoot + "/rules"].filter { _ in args.first.map { ["check", "claims", "segments"].contains($0) } ?? false }
    if unprivileged && geteuid() == 0 {
      p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + fullArgs
    } else {
      p.executableURL = binary
      p.arguments = fullArgs
    }
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    let inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    if let stdinFile { p.standardInput = try FileHandle(forReadingFrom: stdinFile) } else { p.standardInput = inp }
    try p.run()
    let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? inp.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    watchdog.cancel()
    return CLIResult(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
      timedOut: p.terminationReason == .uncaughtSignal)
  }

  /// A fresh temporary folder holding the given files.
  static func folder(_ files: [String: [UInt8]]) throws -> URL {
    let dir = TestScratch.folder("cli")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, bytes) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    return dir
  }
}

let arrestStory = """
  2024-08-17

  Since last year the four countries have worked together to arrest more than 50,000 people involved in online fraud, the minister said.

  The foreign ministers of China, Laos, Myanmar and Thailand met in Chiang Mai to discuss scam centres along the Mekong border.

  """
let returnStory = """
  2024-08-18

  China has helped secure the return of over 50,000 alleged criminals to stand trial for fraud, officials said.

  Ministers from China, Laos, Myanmar and Thailand met in Chiang Mai to discuss the scam centres on the Mekong border.

  """

@Suite struct CLITests {
  @Test func versionAndHelp() throws {
    let v = try CLI.run(["--version"])
    #expect(v.status == 0)
    #expect(v.stdout.hasPrefix("claimlint "))
    for sub in ["check", "claims", "segments", "rules", "explain"] {
      let h = try CLI.run([sub, "--help"])
      #expect(h.status == 0, "\(sub) --help")
      #expect(h.stdout.contains("usage: claimlint \(sub)"), "\(sub) --help prints its usage")
    }
  }

  @Test func unknownOptionIsAUsageError() throws {
    let r = try CLI.run(["check", "--formt", "json", "x.txt"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("claimlint: error: unknown option '--formt'"))
    #expect(r.stderr.contains("see 'claimlint check --help'"))
    let f = try CLI.run(["check", "--format", "xml", "x.txt"])
    #expect(f.status == 2)
    #expect(f.stderr.contains("unknown format 'xml'; expected 'text', 'json', 'sarif', 'github', 'rdjsonl', 'junit', or 'html'"))
  }

  @Test func headlineCheckAndExitCodes() throws {
    let dir = try CLI.folder(["a.txt": Array(arrestStory.utf8), "b.txt": Array(returnStory.utf8)])
    let r = try CLI.run(["check", "a.txt", "b.txt", "--color", "never"], in: dir)
    #expect(r.stdout.contains("a.txt:3:57: warning: ") || r.stdout.contains("b.txt:3:"), "\(r.stdout)")
    #expect(r.stdout.contains("[quantity-action-mismatch]"))
    #expect(r.stdout.contains(": note: "))
    #expect(r.status == 0, "warnings do not fail by default")
    let strict = try CLI.run(["check", "a.txt", "b.txt", "--strict"], in: dir)
    #expect(strict.status == 1)
    let json = try CLI.run(["check", "b.txt", "a.txt", "--format", "json"], in: dir)
    let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let findings = obj?["findings"] as? [[String: Any]] ?? []
    #expect(findings.contains { $0["ruleId"] as? String == "quantity-action-mismatch" })
  }

  @Test func prePublishReportsOnlyTheDraft() throws {
    let dir = try CLI.folder(["draft.txt": Array(returnStory.utf8), "sources/wire.txt": Array(arrestStory.utf8)])
    let r = try CLI.run(["check", "draft.txt", "--against", "sources", "--format", "json"], in: dir)
    let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let findings = obj?["findings"] as? [[String: Any]] ?? []
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { $0["path"] as? String == "draft.txt" })
  }

  @Test func badInputIsReportedAndTheRestStillChecked() throws {
    let dir = try CLI.folder([
      "a.txt": Array(arrestStory.utf8), "b.txt": Array(returnStory.utf8),
      "scan.txt": [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xFF], "empty.txt": [],
    ])
    let r = try CLI.run(["check", ".", "--color", "never"], in: dir)
    #expect(r.status == 2)
    #expect(r.stdout.contains("scan.txt: error: file looks binary"))
    #expect(r.stdout.contains("empty.txt: note: empty article"))
    #expect(r.stdout.contains("[quantity-action-mismatch]"), "the good files are still checked")
    let missing = try CLI.run(["check", "nope.txt", "a.txt"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stdout.contains("nope.txt: error: no such file or directory"))
  }

  @Test func invalidUTF8NamesTheOffset() throws {
    var bytes = Array("2024-08-17\n\nPolice arrested 40 suspects.\n".utf8)
    bytes.insert(0xC3, at: 20)
    bytes.insert(0x28, at: 21)
    let dir = try CLI.folder(["bad.txt": bytes])
    let r = try CLI.run(["check", "bad.txt"], in: dir)
    #expect(r.status == 2)
    #expect(r.stdout.contains("bad.txt: error: file is not valid UTF-8 (first bad byte at offset 20)"), "\(r.stdout)")
  }

  @Test func outputIsTheSameWhateverTheOrder() throws {
    let dir = try CLI.folder(["a.txt": Array(arrestStory.utf8), "b.txt": Array(returnStory.utf8), "c.txt": Array(arrestStory.utf8)])
    for format in ["text", "json", "sarif"] {
      let one = try CLI.run(["check", "a.txt", "b.txt", "c.txt", "--format", format], in: dir)
      let two = try CLI.run(["check", "c.txt", "b.txt", "a.txt", "--format", format, "--threads", "1"], in: dir)
      #expect(one.stdout == two.stdout, "\(format) output depends on argument order")
    }
  }

  @Test func outputFileAndStdin() throws {
    let dir = try CLI.folder(["a.txt": Array(arrestStory.utf8)])
    let r = try CLI.run(["check", "a.txt", "-", "--output", "out.json", "--format", "json"], in: dir, stdin: returnStory)
    #expect(r.stdout.isEmpty)
    let written = try String(contentsOf: dir.appendingPathComponent("out.json"), encoding: .utf8)
    #expect(written.contains("\"schemaVersion\""))
    #expect(written.contains("<stdin>"))
  }

  @Test func rulesAndExplain() throws {
    let r = try CLI.run(["rules"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("quantity-action-mismatch"))
    let e = try CLI.run(["explain", "quantity-mismatch"])
    #expect(e.stdout.contains("Why it matters:"))
    #expect(e.stdout.contains("Not flagged:"))
    let bad = try CLI.run(["explain", "no-such-rule"])
    #expect(bad.status == 2)
  }

  @Test func brokenRulesFileIsAnErrorNamingTheFile() throws {
    let dir = try CLI.folder([
      "rules/rules.json": Array("{\"rules\": {\"quantity-mismatch\": {\"enabled\": \"yes\"}}}".utf8),
      "a.txt": Array(arrestStory.utf8),
    ])
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules/lexicons"), withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.repositoryRoot + "/rules/lexicons") {
      try FileManager.default.copyItem(
        atPath: TestSupport.repositoryRoot + "/rules/lexicons/" + name, toPath: dir.appendingPathComponent("rules/lexicons/" + name).path)
    }
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = ["check", "a.txt", "--rules", "rules"]
    p.currentDirectoryURL = dir
    let err = Pipe()
    p.standardError = err
    p.standardOutput = Pipe()
    try p.run()
    let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 2)
    #expect(e.contains("rules/rules.json:1:45: error: at 'rules.quantity-mismatch.enabled': expected true or false, found \"yes\""), "\(e)")
  }
}
