import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

/// One malformed configuration and the message it must produce.
struct ConfigErrorCase: Sendable, CustomTestStringConvertible {
  var id: String
  var json: String
  var expected: String

  var testDescription: String { id }
}

@Suite struct ProjectConfigurationTests {
  static let known: Set<String> = ["quantity-mismatch", "date-mismatch", "hedge-dropped"]

  func parse(_ json: String) throws(DataFileError) -> ProjectConfiguration {
    try ProjectConfiguration.parse(Array(json.utf8), path: ".claimlint.json", directory: "/newsroom", knownRules: Self.known)
  }

  @Test func readsEveryKey() throws {
    let c = try parse(
      """
      {
        "$comment": "settings for the metro desk",
        "rules": {"quantity-mismatch": {"severity": "note", "tolerance": 0.1}, "hedge-dropped": {"enabled": false}},
        "failOn": "warning",
        "sources": ["wires/**/*.html", "agency/*.txt"],
        "drafts": ["drafts/*.md"],
        "lexicons": ["newsroom/lexicons"],
        "maxFileSize": "16M"
      }
      """)
    #expect(c.failOn == .warning)
    #expect(c.sources == ["wires/**/*.html", "agency/*.txt"])
    #expect(c.drafts == ["drafts/*.md"])
    #expect(c.lexicons == ["newsroom/lexicons"])
    #expect(c.maxFileSize == 16 << 20)
    #expect(c.rules.entry("quantity-mismatch").severity == .note)
    #expect(c.rules.entry("quantity-mismatch").options["tolerance"] == 0.1)
    #expect(c.explicitlyEnabled == ["hedge-dropped"])
    #expect(try parse("{\"maxFileSize\": 2048}").maxFileSize == 2048)
    #expect(try parse("{}").failOn == nil)
  }

  @Test func ruleOverridesKeepTheBaseEnabledState() throws {
    let base = RuleSettings(entries: [
      "date-mismatch": .init(enabled: false), "quantity-mismatch": .init(enabled: true, options: ["tolerance": 0.05]),
    ])
    let c = try parse(
      "{\"rules\": {\"date-mismatch\": {\"severity\": \"note\"}, \"quantity-mismatch\": {\"enabled\": false}}}")
    let merged = c.ruleSettings(over: base)
    #expect(!merged.isEnabled("date-mismatch"), "a severity alone does not enable a rule the base disables")
    #expect(merged.entry("date-mismatch").severity == .note)
    #expect(!merged.isEnabled("quantity-mismatch"))
    #expect(merged.option("tolerance", for: "quantity-mismatch", default: 0) == 0.05)
  }

  static let errorCases: [ConfigErrorCase] = [
    ConfigErrorCase(
      id: "bad severity", json: "{\"rules\": {\"quantity-mismatch\": {\"severity\": \"high\"}}}",
      expected: ".claimlint.json:1:46: error: at 'rules.quantity-mismatch.severity': expected 'error', 'warning', or 'note', found \"high\""),
    ConfigErrorCase(
      id: "unknown rule", json: "{\"rules\": {\"figure-drift\": {}}}",
      expected: ".claimlint.json:1:12: error: at 'rules.figure-drift': unknown rule id; 'claimlint rules' lists the known ids"),
    ConfigErrorCase(
      id: "enabled not a bool", json: "{\"rules\": {\"date-mismatch\": {\"enabled\": \"no\"}}}",
      expected: ".claimlint.json:1:41: error: at 'rules.date-mismatch.enabled': expected true or false, found \"no\""),
    ConfigErrorCase(
      id: "option not a number", json: "{\"rules\": {\"quantity-mismatch\": {\"tolerance\": \"10%\"}}}",
      expected: ".claimlint.json:1:47: error: at 'rules.quantity-mismatch.tolerance': expected a number, found \"10%\""),
    ConfigErrorCase(
      id: "rules not an object", json: "{\"rules\": [\"quantity-mismatch\"]}",
      expected: ".claimlint.json:1:11: error: at 'rules': expected an object, found an array"),
    ConfigErrorCase(
      id: "unknown key", json: "{\"source\": [\"wires/*.txt\"]}",
      expected:
        ".claimlint.json:1:2: error: at 'source': unknown key; expected 'rules', 'failOn', 'sources', 'drafts', 'lexicons', or 'maxFileSize'"),
    ConfigErrorCase(
      id: "bad failOn", json: "{\"failOn\": \"warnings\"}",
      expected: ".claimlint.json:1:12: error: at 'failOn': expected 'error', 'warning', or 'note', found \"warnings\""),
    ConfigErrorCase(
      id: "sources not an array", json: "{\"sources\": \"wires/*.txt\"}",
      expected: ".claimlint.json:1:13: error: at 'sources': expected an array of strings, found \"wires/*.txt\""),
    ConfigErrorCase(
      id: "draft not a string", json: "{\"drafts\": [\"drafts/*.md\", 7]}",
      expected: ".claimlint.json:1:28: error: at 'drafts[1]': expected a non-empty string, found 7"),
    ConfigErrorCase(
      id: "empty lexicon path", json: "{\"lexicons\": [\"\"]}",
      expected: ".claimlint.json:1:15: error: at 'lexicons[0]': expected a non-empty string, found \"\""),
    ConfigErrorCase(
      id: "bad size", json: "{\"maxFileSize\": \"lots\"}",
      expected: ".claimlint.json:1:17: error: at 'maxFileSize': expected a number of bytes or a size such as '64M', found \"lots\""),
    ConfigErrorCase(
      id: "negative size", json: "{\"maxFileSize\": -5}",
      expected: ".claimlint.json:1:17: error: at 'maxFileSize': expected a number of bytes or a size such as '64M', found -5"),
    ConfigErrorCase(
      id: "not an object", json: "[\"sources\"]",
      expected: ".claimlint.json:1:1: error: expected a JSON object at the top level, found an array"),
    ConfigErrorCase(
      id: "syntax error", json: "{\n  \"failOn\": \"error\",\n}",
      expected: ".claimlint.json:3:1: error: expected a string key"),
  ]

  @Test(arguments: errorCases) func errorsNameTheFileAndKeyPath(_ c: ConfigErrorCase) {
    #expect(throws: DataFileError.self) { try parse(c.json) }
    do {
      _ = try parse(c.json)
    } catch {
      #expect(error.description == c.expected)
    }
  }

  @Test func sizes() {
    #expect(ProjectConfiguration.parseSize("64M") == 64 << 20)
    #expect(ProjectConfiguration.parseSize("512kb") == 512 << 10)
    #expect(ProjectConfiguration.parseSize("1G") == 1 << 30)
    #expect(ProjectConfiguration.parseSize("900") == 900)
    #expect(ProjectConfiguration.parseSize("1.5M") == nil)
    #expect(ProjectConfiguration.parseSize("M") == nil)
    #expect(ProjectConfiguration.parseSize("0") == nil)
  }

  @Test func relativePaths() {
    #expect(ProjectConfiguration.relativePath("/a/b/.claimlint.json", from: "/a/b") == ".claimlint.json")
    #expect(ProjectConfiguration.relativePath("/a/.claimlint.json", from: "/a/b/c") == "../../.claimlint.json")
    #expect(ProjectConfiguration.relativePath("/x/y", from: "/a") == "../x/y")
  }

  @Test func foundFromASubdirectory() throws {
    let root = try TemporaryFolder([".claimlint.json": "{\"failOn\": \"note\"}", "desk/metro/notes.txt": "x"])
    let found = ProjectConfiguration.find(from: root.path + "/desk/metro")
    #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
      == URL(fileURLWithPath: root.path + "/.claimlint.json").resolvingSymlinksInPath().path)
    let loaded = try ProjectConfiguration.load(path: try #require(found), workingDirectory: root.path + "/desk/metro")
    #expect(loaded.displayPath == "../../.claimlint.json")
    #expect(loaded.failOn == .note)
  }

  @Test func extraLexiconsExtendTheBuiltInTables() throws {
    let root = try TemporaryFolder([
      "newsroom/nouns.tsv": "# desk additions\nsandbagger\tperson\n",
      "broken.tsv": "",
    ])
    let base = TestSupport.configuration
    let c = ProjectConfiguration(displayPath: ".claimlint.json", directory: root.path, lexicons: ["newsroom/nouns.tsv"])
    let (applied, errors) = c.apply(to: base, workingDirectory: root.path)
    #expect(errors.isEmpty)
    let rows = try #require(applied).lexicons.table("nouns").rows
    #expect(rows.count == base.lexicons.table("nouns").rows.count + 1)
    #expect(rows.last?[0] == "sandbagger")
    let missing = try ProjectConfiguration.parse(Array(#"{"lexicons": ["desk/lexicons"]}"#.utf8), path: ".claimlint.json", directory: root.path)
    let (none, missingErrors) = missing.apply(to: base, workingDirectory: root.path)
    #expect(none == nil)
    #expect(missingErrors.map(\.description) == [".claimlint.json:1:15: error: at 'lexicons[0]': no such file or directory 'desk/lexicons'"])
  }
}

/// One glob pattern, a path and whether it matches.
struct GlobCase: Sendable, CustomTestStringConvertible {
  var pattern: String
  var path: String
  var matches: Bool

  var testDescription: String { "\(pattern) ~ \(path)" }
}

@Suite struct GlobTests {
  static let cases: [GlobCase] = [
    GlobCase(pattern: "drafts/*.md", path: "drafts/flood.md", matches: true),
    GlobCase(pattern: "drafts/*.md", path: "drafts/2025/flood.md", matches: false),
    GlobCase(pattern: "drafts/*.md", path: "drafts/flood.txt", matches: false),
    GlobCase(pattern: "sources/**/*.html", path: "sources/wire.html", matches: true),
    GlobCase(pattern: "sources/**/*.html", path: "sources/agency/2025/03/wire.html", matches: true),
    GlobCase(pattern: "sources/**", path: "sources/agency/wire.txt", matches: true),
    GlobCase(pattern: "**/wire-??.txt", path: "a/b/wire-01.txt", matches: true),
    GlobCase(pattern: "**/wire-??.txt", path: "wire-01.txt", matches: true),
    GlobCase(pattern: "**/wire-??.txt", path: "wire-001.txt", matches: false),
    GlobCase(pattern: "*", path: "flood.md", matches: true),
    GlobCase(pattern: "*", path: "drafts/flood.md", matches: false),
    GlobCase(pattern: "f*d*.md", path: "flood-draft.md", matches: true),
    GlobCase(pattern: "f*d*.md", path: "fire.md", matches: false),
    GlobCase(pattern: "./drafts/*.md", path: "drafts/a.md", matches: true),
    GlobCase(pattern: "drafts/**/final/*.md", path: "drafts/final/a.md", matches: true),
    GlobCase(pattern: "drafts/**/final/*.md", path: "drafts/x/final/y/a.md", matches: false),
    GlobCase(pattern: "déclarations/*.txt", path: "déclarations/préfet.txt", matches: true),
    // Many stars against a long name that does not match: iterative matching stays fast.
    GlobCase(
      pattern: "*a*a*a*a*a*a*a*a*a*a*b", path: String(repeating: "a", count: 400), matches: false),
    GlobCase(
      pattern: "**/**/**/**/**/**/x.md", path: Array(repeating: "d", count: 60).joined(separator: "/") + "/y.md", matches: false),
  ]

  @Test(arguments: cases) func matching(_ c: GlobCase) {
    #expect(Glob(c.pattern).matches(c.path) == c.matches)
  }

  @Test func filesUnderADirectory() throws {
    let root = try TemporaryFolder([
      "sources/wire.txt": "x", "sources/agency/report.html": "x", "sources/agency/photo.jpg": "x",
      "sources/README.md": "x", "sources/.drafts/hidden.txt": "x", "drafts/flood.md": "x", "notes.txt": "x",
    ])
    let base = URL(fileURLWithPath: root.path).resolvingSymlinksInPath().path
    func rel(_ paths: [String]) -> [String] {
      paths.map { ProjectConfiguration.relativePath(URL(fileURLWithPath: $0).resolvingSymlinksInPath().path, from: base) }
    }
    #expect(rel(Glob("sources/**").files(under: root.path)) == ["sources/agency/report.html", "sources/wire.txt"])
    #expect(rel(Glob("sources/*.txt").files(under: root.path)) == ["sources/wire.txt"])
    #expect(rel(Glob("*/*.md").files(under: root.path)) == ["drafts/flood.md"])
    #expect(rel(Glob("drafts").files(under: root.path)) == ["drafts"], "a literal directory is kept for InputSet to walk")
    #expect(Glob("wires/*.txt").files(under: root.path).isEmpty)
    let c = ProjectConfiguration(displayPath: ".claimlint.json", directory: root.path)
    let expanded = c.expand(["sources/*.txt", "wires/*.txt"], key: "sources")
    #expect(expanded.paths.count == 1)
    #expect(expanded.problems.map(\.description) == [".claimlint.json: error: at 'sources[1]': pattern 'wires/*.txt' matches no article files"])
  }
}

/// A temporary folder holding text files, for tests that need a file system.
struct TemporaryFolder {
  let path: String

  init(_ files: [String: String]) throws {
    let dir = TestScratch.folder("config")
    for (name, text) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    path = dir.path
  }
}
