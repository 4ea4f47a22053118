import ClaimLintTestSupport
import Foundation
import Testing

/// A draft and a wire report on a river flood that disagree on the number of residents evacuated.
private let floodWire = """
  2025-03-11

  About 900 residents were evacuated from low-lying streets along the Sava on Monday night, the regional governor said.

  """

private func floodDraft(before: String = "", after: String = "Schools in the riverside districts stayed closed on Tuesday.") -> String {
  "2025-03-11\n\n\(before)Emergency crews evacuated more than 1,200 residents from low-lying streets along the Sava on Monday night, the regional governor said.\n\n\(after)\n"
}

@Suite struct CIFeatureTests {
  func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func ruleIDs(_ text: String) throws -> [String] {
    (try json(text)["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
  }

  @Test func configIsFoundFromASubdirectoryAndChecksItsDraftsAgainstItsSources() throws {
    let dir = try CLI.folder([
      ".claimlint.json": bytes(
        """
        {"sources": ["sources/**/*.txt"], "drafts": ["drafts/*.txt"], "rules": {"quantity-mismatch": {"severity": "note"}}}
        """),
      "drafts/flood.txt": bytes(floodDraft()),
      "sources/agency/wire.txt": bytes(floodWire),
      "desk/metro/todo.txt": bytes("call the governor's office\n"),
    ])
    let r = try CLI.run(["check", "--format", "json", "--only", "quantity-mismatch"], in: dir.appendingPathComponent("desk/metro"))
    #expect(r.status == 0, "\(r.stderr)")
    let findings = try json(r.stdout)["findings"] as? [[String: Any]] ?? []
    #expect(findings.count == 1)
    #expect(findings.first?["path"] as? String == "drafts/flood.txt", "paths are relative to the configuration file")
    #expect(findings.first?["severity"] as? String == "note", "the file's rule settings apply")
    // A flag wins over the file.
    let failing = try CLI.run(["check", "--only", "quantity-mismatch", "--fail-on", "note"], in: dir.appendingPathComponent("desk"))
    #expect(failing.status == 1)
    // --no-config: no paths and no configuration is a usage error.
    let none = try CLI.run(["check", "--no-config"], in: dir.appendingPathComponent("desk"))
    #expect(none.status == 2)
    #expect(none.stderr.contains("claimlint: error: missing article paths"))
  }

  @Test func explicitConfigFileAndPaths() throws {
    let dir = try CLI.folder([
      "settings/strict.json": bytes("{\"failOn\": \"warning\"}"),
      "draft.txt": bytes(floodDraft()), "wire.txt": bytes(floodWire),
    ])
    let plain = try CLI.run(["check", "draft.txt", "wire.txt", "--only", "quantity-mismatch"], in: dir)
    #expect(plain.status == 0)
    let strict = try CLI.run(["check", "draft.txt", "wire.txt", "--only", "quantity-mismatch", "--config", "settings/strict.json"], in: dir)
    #expect(strict.status == 1)
    let missing = try CLI.run(["check", "draft.txt", "--config", "settings/none.json"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("settings/none.json: error: no such configuration file"))
    let both = try CLI.run(["check", "draft.txt", "--config", "x.json", "--no-config"], in: dir)
    #expect(both.status == 2)
  }

  @Test func brokenConfigIsAnErrorNamingTheFileAndKey() throws {
    let dir = try CLI.folder([
      ".claimlint.json": bytes("{\"rules\": {\"quantity-mismatch\": {\"severity\": \"high\"}}}"),
      "draft.txt": bytes(floodDraft()),
    ])
    let r = try CLI.run(["check", "draft.txt"], in: dir)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains(
        ".claimlint.json:1:46: error: at 'rules.quantity-mismatch.severity': expected 'error', 'warning', or 'note', found \"high\""),
      "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    let ignored = try CLI.run(["check", "draft.txt", "--no-config"], in: dir)
    #expect(ignored.status == 0)
  }

  @Test func globThatMatchesNothingIsAnInputError() throws {
    let dir = try CLI.folder([
      ".claimlint.json": bytes("{\"sources\": [\"sources/*.txt\", \"wires/*.html\"]}"),
      "sources/wire.txt": bytes(floodWire), "sources/draft.txt": bytes(floodDraft()),
    ])
    let r = try CLI.run(["check", "--color", "never"], in: dir)
    #expect(r.status == 2)
    #expect(r.stdout.contains(".claimlint.json:1:31: error: at 'sources[1]': pattern 'wires/*.html' matches no article files"))
    #expect(r.stdout.contains("[quantity-mismatch]"), "the matched articles are still checked")
  }

  @Test func inlineSuppressionInTheReport() throws {
    let dir = try CLI.folder([
      "draft.md": bytes(
        "# Crews evacuate residents\n\n<!-- claimlint-disable-next-line quantity-mismatch -->\nEmergency crews evacuated more than 1,200 residents from low-lying streets along the Sava on Monday night, the regional governor said.\n\n<!-- claimlint-disable-next-line date-mismatch -->\nSchools stayed closed.\n"
      ),
      "wire.txt": bytes(floodWire),
    ])
    let r = try CLI.run(["check", "draft.md", "wire.txt", "--only", "quantity-mismatch,date-mismatch", "--color", "never"], in: dir)
    #expect(r.status == 0, "an unused suppression is a note and does not fail the run")
    #expect(!r.stdout.contains("[quantity-mismatch]"))
    #expect(r.stdout.contains("draft.md:6:1: note: suppression of 'date-mismatch' matched no finding [unused-suppression]"), "\(r.stdout)")
    let sarif = try CLI.run(["check", "draft.md", "wire.txt", "--only", "quantity-mismatch,date-mismatch", "--format", "sarif"], in: dir)
    #expect(sarif.stdout.contains("\"ruleId\" : \"unused-suppression\"") || sarif.stdout.contains("\"ruleId\":\"unused-suppression\""))
  }

  @Test func baselineRoundTrip() throws {
    let dir = try CLI.folder(["draft.txt": bytes(floodDraft()), "wire.txt": bytes(floodWire)])
    let args = ["check", "draft.txt", "wire.txt", "--only", "quantity-mismatch", "--strict", "--format", "json"]
    let before = try CLI.run(args, in: dir)
    #expect(before.status == 1)
    #expect(try ruleIDs(before.stdout) == ["quantity-mismatch"])

    let write = try CLI.run(args + ["--write-baseline", "claimlint-baseline.json"], in: dir)
    #expect(write.status == 0, "recorded findings are not reported")
    #expect(write.stderr.contains("claimlint: wrote 1 finding to the baseline 'claimlint-baseline.json'"))
    let file = try String(contentsOf: dir.appendingPathComponent("claimlint-baseline.json"), encoding: .utf8)
    let parsed = try json(file)
    #expect(parsed["schemaVersion"] as? Int == 1)
    let entry = try #require((parsed["findings"] as? [[String: Any]])?.first)
    #expect(entry["ruleId"] as? String == "quantity-mismatch")
    #expect(entry["path"] as? String == "draft.txt")
    #expect(entry["occurrence"] as? Int == 1)
    #expect((entry["fingerprint"] as? String)?.count == 16)

    // Lines inserted above and another paragraph changed: still in the baseline.
    try Data(
      floodDraft(
        before: "Rain fell for a third straight day across the north.\n\nThe army sent two helicopters.\n\n",
        after: "Schools in four districts will reopen on Thursday, the education office said."
      ).utf8
    ).write(to: dir.appendingPathComponent("draft.txt"))
    let moved = try CLI.run(args + ["--baseline", "claimlint-baseline.json"], in: dir)
    #expect(moved.status == 0)
    #expect(try ruleIDs(moved.stdout).isEmpty)
    #expect(moved.stderr.contains("1 finding in the baseline was not reported"))
    let quiet = try CLI.run(args + ["--baseline", "claimlint-baseline.json", "--quiet"], in: dir)
    #expect(quiet.stderr.isEmpty)

    // The figure itself changed: reported again.
    try Data(floodDraft().replacingOccurrences(of: "more than 1,200", with: "more than 1,500").utf8)
      .write(to: dir.appendingPathComponent("draft.txt"))
    let changed = try CLI.run(args + ["--baseline", "claimlint-baseline.json"], in: dir)
    #expect(changed.status == 1)
    #expect(try ruleIDs(changed.stdout) == ["quantity-mismatch"])
  }

  @Test func missingOrMalformedBaselineIsAnError() throws {
    let dir = try CLI.folder([
      "draft.txt": bytes(floodDraft()), "wire.txt": bytes(floodWire), "old.json": bytes("{\"schemaVersion\": 1, \"findings\": [{}]}"),
    ])
    let missing = try CLI.run(["check", "draft.txt", "wire.txt", "--baseline", "none.json"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("none.json: error: no such baseline file"))
    let malformed = try CLI.run(["check", "draft.txt", "wire.txt", "--baseline", "old.json"], in: dir)
    #expect(malformed.status == 2)
    #expect(malformed.stderr.contains("old.json:1:35: error: at 'findings[0]': missing 'ruleId'"))
    let both = try CLI.run(["check", "draft.txt", "--baseline", "a.json", "--write-baseline", "b.json"], in: dir)
    #expect(both.status == 2)
    let claims = try CLI.run(["claims", "draft.txt", "--baseline", "old.json"], in: dir)
    #expect(claims.status == 2)
    #expect(claims.stderr.contains("'--baseline' is only valid with 'check'"))
  }

  @Test func noProgressLineWhenStderrIsAPipe() throws {
    var files: [String: [UInt8]] = [:]
    for i in 0..<210 {
      files["wires/report-\(String(format: "%03d", i)).txt"] = bytes("2025-03-11\n\nAbout \(900 + i) residents were evacuated, officials said.\n")
    }
    let dir = try CLI.folder(files)
    let r = try CLI.run(["check", "wires", "--format", "json", "--only", "quantity-mismatch"], in: dir)
    #expect(r.status == 0 || r.status == 1)
    #expect(!r.stderr.contains("\r"))
    #expect(!r.stderr.contains("checking"))
  }
}
