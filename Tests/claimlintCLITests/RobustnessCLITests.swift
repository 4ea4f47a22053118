import ClaimLintTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue #8: files that cannot be read, special files and directories in the wrong place are reported
/// with their path, exit 2, and never stop the other articles from being checked.
@Suite struct RobustnessCLITests {
  func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func findings(_ text: String) throws -> [[String: Any]] { try json(text)["findings"] as? [[String: Any]] ?? [] }

  func inputErrors(_ text: String) throws -> [String: String] {
    var out: [String: String] = [:]
    for e in try json(text)["inputErrors"] as? [[String: Any]] ?? [] {
      if let p = e["path"] as? String { out[p] = e["message"] as? String }
    }
    return out
  }

  /// A run as root ignores `chmod 000`, so these runs drop to user `nobody` when the tests are root.
  @Test func issue8UnreadableFileIsAnErrorAndTheOthersAreStillChecked() throws {
    let dir = try CLI.folder([
      "a.txt": bytes(arrestStory), "b.txt": bytes(returnStory), "locked.txt": bytes(arrestStory),
    ])
    #expect(chmod(dir.appendingPathComponent("locked.txt").path, 0) == 0)
    let r = try CLI.run(["check", ".", "--color", "never"], in: dir, unprivileged: true)
    #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("locked.txt: error: cannot read file: permission denied"), "\(r.stdout)")
    #expect(r.stdout.contains("[quantity-action-mismatch]"), "the readable articles are still checked")

    let j = try CLI.run(["check", ".", "--format", "json"], in: dir, unprivileged: true)
    #expect(j.status == 2)
    #expect(try inputErrors(j.stdout)["locked.txt"] == "cannot read file: permission denied")
    #expect(j.stderr.contains("locked.txt: error: cannot read file: permission denied"), "machine formats also tell the CI log")
    #expect(try findings(j.stdout).contains { $0["ruleId"] as? String == "quantity-action-mismatch" })
  }

  @Test func issue8UnreadableDraftReportsNoFindingsAmongTheSources() throws {
    let dir = try CLI.folder(["draft.txt": bytes(returnStory), "sources/a.txt": bytes(arrestStory), "sources/b.txt": bytes(returnStory)])
    #expect(chmod(dir.appendingPathComponent("draft.txt").path, 0) == 0)
    let r = try CLI.run(["check", "draft.txt", "--against", "sources", "--format", "json"], in: dir, unprivileged: true)
    #expect(r.status == 2)
    #expect(try inputErrors(r.stdout)["draft.txt"] == "cannot read file: permission denied")
    #expect(try findings(r.stdout).isEmpty, "pre-publish mode reports findings in the draft only, and there is none")
  }

  /// Opening a FIFO for reading blocks until a writer appears; claimlint must never open one.
  @Test func issue8SpecialFilesNeverBlockTheRun() throws {
    let dir = try CLI.folder(["a.txt": bytes(arrestStory), "b.txt": bytes(returnStory)])
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("feeds"), withIntermediateDirectories: true)
    for name in ["wire.txt", "feeds/live.html", "feeds/control"] {
      #expect(mkfifo(dir.appendingPathComponent(name).path, 0o644) == 0)
    }
    let walked = try CLI.run(["check", ".", "--format", "json"], in: dir, timeLimit: 30)
    #expect(!walked.timedOut, "the run blocked on a FIFO")
    #expect(walked.status == 2)
    let errors = try inputErrors(walked.stdout)
    #expect(errors["wire.txt"] == "not a regular file (a FIFO); expected a text, Markdown, or HTML file")
    #expect(errors["feeds/live.html"] == "not a regular file (a FIFO); expected a text, Markdown, or HTML file")
    #expect(errors["feeds/control"] == "not an article file type; skipped", "a FIFO with no article extension is a note")
    #expect(try findings(walked.stdout).contains { $0["ruleId"] as? String == "quantity-action-mismatch" })

    let named = try CLI.run(["check", "wire.txt", "a.txt", "b.txt", "--color", "never"], in: dir, timeLimit: 30)
    #expect(!named.timedOut)
    #expect(named.status == 2)
    #expect(named.stdout.contains("wire.txt: error: not a regular file (a FIFO)"))
    #expect(named.stdout.contains("[quantity-action-mismatch]"))

    let draft = try CLI.run(["check", "wire.txt", "--against", "a.txt"], in: dir, timeLimit: 30)
    #expect(!draft.timedOut)
    #expect(draft.status == 2)
    #expect(draft.stdout.contains("wire.txt: error: not a regular file (a FIFO)"))
  }

  @Test func issue8DirectoryAsDraftIsAnErrorAndIsNotWalked() throws {
    let dir = try CLI.folder([
      "drafts/flood.txt": bytes(returnStory), "sources/a.txt": bytes(arrestStory), "sources/b.txt": bytes(returnStory),
    ])
    let r = try CLI.run(["check", "drafts", "--against", "sources", "--format", "json"], in: dir)
    #expect(r.status == 2)
    #expect(try inputErrors(r.stdout)["drafts"] == "the draft is a directory; give one article file as the draft")
    #expect(try findings(r.stdout).isEmpty, "the sources disagree, but only findings in a draft are reported")
    let documents = try json(r.stdout)["documents"] as? [[String: Any]] ?? []
    #expect(!documents.contains { ($0["path"] as? String)?.hasPrefix("drafts/") == true }, "the directory is not walked")
    let text = try CLI.run(["check", "drafts/", "--against", "sources", "--color", "never"], in: dir)
    #expect(text.stdout.contains("drafts: error: the draft is a directory; give one article file as the draft"), "\(text.stdout)")
  }

  @Test func issue8DirectoryInConfigDraftsMakesEveryArticleInItADraft() throws {
    let dir = try CLI.folder([
      ".claimlint.json": bytes("{\"sources\": [\"sources\"], \"drafts\": [\"drafts\"]}"),
      "drafts/morning.txt": bytes(returnStory), "drafts/evening.txt": bytes(returnStory),
      "sources/a.txt": bytes(arrestStory), "sources/b.txt": bytes(returnStory),
    ])
    let r = try CLI.run(["check", "--format", "json", "--only", "quantity-action-mismatch"], in: dir)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let paths = Set(try findings(r.stdout).compactMap { $0["path"] as? String })
    #expect(paths == ["drafts/evening.txt", "drafts/morning.txt"])
  }
}

/// Issue #8: a broken lexicon of the project points into the file and stops the run with exit 2.
@Suite struct LexiconFileCLITests {
  @Test(arguments: [
    (Array("minister\trole\nspokes".utf8) + [0xC3, 0x28] + Array("man\trole\n".utf8),
     "newsroom/titles.tsv:2:7: error: file is not valid UTF-8 (byte 0xC3 at offset 20)"),
    (Array("minister\trole\nspokesman\trole\nminister\trole\n".utf8),
     "newsroom/titles.tsv:3:1: error: duplicate entry; the same entry is on line 1"),
  ])
  func issue8BrokenProjectLexiconPointsIntoTheFile(_ bytes: [UInt8], _ expected: String) throws {
    let dir = try CLI.folder([
      ".claimlint.json": Array("{\"lexicons\": [\"newsroom/titles.tsv\"]}".utf8), "newsroom/titles.tsv": bytes,
      "a.txt": Array(arrestStory.utf8),
    ])
    let r = try CLI.run(["check", "a.txt"], in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "\(r.stderr)")
  }
}

/// Issue #8: a FIFO named as the configuration, the baseline or a project lexicon is refused at once
/// with its path; opening it for reading would block the run until a writer appeared.
@Suite struct SpecialDataFileCLITests {
  @Test(arguments: [
    (["--config", "settings.json"], "settings.json", "settings.json: error: cannot read configuration file: it is a FIFO, not a regular file"),
    (["--baseline", "baseline.json"], "baseline.json", "baseline.json: error: cannot read baseline file: it is a FIFO, not a regular file"),
    ([], "newsroom/titles.tsv", "newsroom/titles.tsv: error: cannot read lexicon file: it is a FIFO, not a regular file"),
  ])
  func issue8FIFOAsDataFileIsAnError(_ options: [String], _ fifo: String, _ expected: String) throws {
    let dir = try CLI.folder([
      ".claimlint.json": Array("{\"lexicons\": [\"newsroom/titles.tsv\"]}".utf8),
      "newsroom/keep.txt": [], "a.txt": Array(arrestStory.utf8),
    ])
    if fifo != "newsroom/titles.tsv" {
      try Data("minister\trole\n".utf8).write(to: dir.appendingPathComponent("newsroom/titles.tsv"))
    }
    #expect(mkfifo(dir.appendingPathComponent(fifo).path, 0o644) == 0)
    let r = try CLI.run(["check", "a.txt"] + options, in: dir, timeLimit: 30)
    #expect(!r.timedOut, "the run blocked on a FIFO")
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected) || r.stdout.contains(expected), "\(r.stderr)\n\(r.stdout)")
  }
}

/// Issue #8: the report and the baseline are written inside the working directory only, unless the
/// command line allows otherwise.
@Suite struct OutputPathCLITests {
  @Test func issue8OutputOutsideTheWorkingDirectoryIsRefused() throws {
    let dir = try CLI.folder(["project/a.txt": Array(arrestStory.utf8)])
    let project = dir.appendingPathComponent("project")
    let outside = dir.appendingPathComponent("report.json").path
    for (flag, path) in [("--output", "../report.json"), ("--output", outside), ("--write-baseline", "../report.json")] {
      let r = try CLI.run(["check", "a.txt", flag, path, "--format", "json"], in: project)
      #expect(r.status == 2, "\(flag) \(path)")
      #expect(r.stderr.contains("\(path): error: output path "), "\(r.stderr)")
      #expect(r.stderr.contains("(pass --allow-output-anywhere to write there)"))
      #expect(!FileManager.default.fileExists(atPath: outside), "nothing was written outside")
    }
    let allowed = try CLI.run(["check", "a.txt", "--output", outside, "--format", "json", "--allow-output-anywhere"], in: project)
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(try String(contentsOfFile: outside, encoding: .utf8).contains("\"schemaVersion\""))
  }

  @Test func issue8WriteFailureNamesTheReason() throws {
    let dir = try CLI.folder(["a.txt": Array(arrestStory.utf8)])
    let r = try CLI.run(["check", "a.txt", "--output", "reports/out.json"], in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("reports/out.json: error: cannot write the report: no such file or directory"), "\(r.stderr)")
  }
}

/// Issue #8: standard input has the same size limit as files, and the other articles are still checked.
@Suite struct StandardInputCLITests {
  @Test func issue8StandardInputOverTheSizeLimit() throws {
    let big = String(repeating: "Officials said the river rose overnight. ", count: 5_000)
    let dir = try CLI.folder(["a.txt": Array(arrestStory.utf8), "b.txt": Array(returnStory.utf8), "big.in": Array(big.utf8)])
    let r = try CLI.run(
      ["check", "a.txt", "b.txt", "-", "--max-file-size", "100K", "--color", "never"], in: dir,
      stdinFile: dir.appendingPathComponent("big.in"))
    #expect(r.status == 2)
    #expect(r.stdout.contains("<stdin>: error: file is "), "\(r.stdout)")
    #expect(r.stdout.contains("over the size limit of 102400 bytes"))
    #expect(r.stdout.contains("[quantity-action-mismatch]"), "the files are still checked")
  }
}
