import Foundation
import ClaimLint
import ClaimLintCore
import ClaimLintRules
import ClaimLintTestSupport
import Testing

/// One rule and one of its examples, for the parameterized example tests.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
  var rule: RuleDescription
  var example: RuleExample
  var triggering: Bool
  var testDescription: String { "\(rule.identifier) \(triggering ? "flags" : "passes") \(example)" }

  static var all: [RuleExampleCase] {
    BuiltInRules.descriptions.flatMap { r in
      r.triggeringExamples.map { RuleExampleCase(rule: r, example: $0, triggering: true) }
        + r.nonTriggeringExamples.map { RuleExampleCase(rule: r, example: $0, triggering: false) }
    }
  }
}

/// A line of mixed scripts, like a language menu at the top of a page, to catch column bugs.
let mixedScriptLine = "한어Русский языкEnglishFrançaisΕλληνικά日本語Deutsch\n\n"

/// Every rule's examples run through the whole pipeline with only that rule enabled.
@Suite struct RuleExampleTests {
  /// Expected (path, line, column) of every marker.
  func expected(_ ex: RuleExample, prefix: String = "") -> (files: [(name: String, text: String)], primaries: [String], notes: [String]) {
    var files: [(name: String, text: String)] = []
    var primaries: [String] = []
    var notes: [String] = []
    for f in ex.files {
      let m = TestSupport.markers(prefix + f.text)
      files.append((f.name, m.clean))
      for o in m.primaries {
        let p = TestSupport.position(of: o, in: m.clean)
        primaries.append("\(f.name):\(p.line):\(p.column)")
      }
      for o in m.notes {
        let p = TestSupport.position(of: o, in: m.clean)
        notes.append("\(f.name):\(p.line):\(p.column)")
      }
    }
    return (files, primaries.sorted(), notes.sorted())
  }

  func run(_ c: RuleExampleCase, prefix: String = "", reversed: Bool = false) -> (Report, [String], [String]) {
    var (files, primaries, notes) = expected(c.example, prefix: prefix)
    if reversed { files.reverse() }
    let report = TestSupport.check(files, draft: c.example.draft, onlyRules: [c.rule.identifier])
    _ = (primaries, notes)
    return (report, primaries, notes)
  }

  @Test(arguments: RuleExampleCase.all)
  func example(_ c: RuleExampleCase) {
    let loc = SourceLocation(fileID: c.example.file, filePath: c.example.file, line: c.example.line, column: 1)
    for prefix in ["", mixedScriptLine] {
      let (report, primaries, notes) = run(c, prefix: prefix)
      let findings = report.findings.filter { $0.ruleID == c.rule.identifier }
      if c.triggering {
        let got = findings.map { "\($0.span.path):\($0.span.line):\($0.span.column)" }.sorted()
        #expect(got == primaries, "findings at \(got), expected at \(primaries) (prefix: \(prefix.isEmpty ? "none" : "mixed scripts"))", sourceLocation: loc)
        if !notes.isEmpty {
          let gotNotes = findings.flatMap { $0.notes.compactMap { $0.span.map { "\($0.path):\($0.line):\($0.column)" } } }.sorted()
          #expect(gotNotes == notes, "notes at \(gotNotes), expected at \(notes)", sourceLocation: loc)
        }
      } else {
        #expect(findings.isEmpty, "unexpected: \(findings.map { "\($0.span.locationDescription) \($0.message)" })", sourceLocation: loc)
      }
    }
  }

  /// The order in which the articles are given never changes the findings.
  @Test(arguments: RuleExampleCase.all.filter(\.triggering))
  func orderIndependent(_ c: RuleExampleCase) {
    let (a, _, _) = run(c)
    let (b, _, _) = run(c, reversed: true)
    #expect(a.findings == b.findings)
  }

  /// The same articles as HTML pages give findings at the same text.
  @Test(arguments: RuleExampleCase.all.filter(\.triggering))
  func sameFindingsInHTML(_ c: RuleExampleCase) {
    let (plain, _, _) = run(c)
    var files: [(name: String, text: String)] = []
    for f in c.example.files {
      let clean = TestSupport.markers(f.text).clean
      let isDraft = f.name == c.example.draft
      let paragraphs = clean.split(separator: "\n\n").map { p -> String in
        let lines = p.split(separator: "\n", omittingEmptySubsequences: false)
        // A comments section stays a comments section.
        return "<p>" + lines.joined(separator: "</p>\n<p>") + "</p>"
      }
      let html = "<html><head><title>Story</title></head><body><article>\n" + paragraphs.joined(separator: "\n") + "\n</article></body></html>\n"
      files.append((isDraft ? f.name : f.name.replacingSuffix(".txt", with: ".html"), isDraft ? clean : html))
    }
    let draft = c.example.draft
    let report = TestSupport.check(files, draft: draft, onlyRules: [c.rule.identifier])
    let texts = { (r: Report) in r.findings.map { $0.span.text }.sorted() }
    if c.example.files.contains(where: { $0.text.contains("Comments\n") }) { return }  // comment layout differs in HTML
    #expect(texts(report) == texts(plain), "HTML: \(report.findings.map(\.message))")
  }
}

/// Checks on the rule list itself.
@Suite struct RuleCatalogTests {
  @Test func everyRuleHasBothKindsOfExample() {
    for r in BuiltInRules.descriptions {
      #expect(!r.triggeringExamples.isEmpty, "\(r.identifier) has no triggering example")
      #expect(!r.nonTriggeringExamples.isEmpty, "\(r.identifier) has no non-triggering example")
      for ex in r.triggeringExamples {
        #expect(ex.files.contains { $0.text.contains("↓") }, "\(r.identifier) \(ex) has no ↓ marker")
      }
    }
  }

  @Test func identifiersAreUniqueSortedKebabCase() {
    let ids = BuiltInRules.descriptions.map(\.identifier)
    #expect(ids == ids.sorted())
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(id.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber } && id.first!.isLetter, "\(id)")
    }
  }

  @Test func summariesReadLikeMessages() {
    for r in BuiltInRules.descriptions {
      #expect(!r.summary.hasSuffix("."), "\(r.identifier): summary ends with a period")
      #expect(r.rationale.count <= 1024, "\(r.identifier): rationale too long for SARIF")
    }
  }

  @Test func rulesJSONListsEveryRule() throws {
    let text = try String(contentsOfFile: TestSupport.repositoryRoot + "/rules/rules.json", encoding: .utf8)
    for id in BuiltInRules.descriptions.map(\.identifier) {
      #expect(text.contains("\"\(id)\""), "rules/rules.json does not list \(id)")
    }
  }

  /// The README's rule section is generated from the rule descriptions; regenerate with CLAIMLINT_BLESS=1.
  @Test func readmeRuleDocsAreCurrent() throws {
    let path = TestSupport.repositoryRoot + "/README.md"
    var readme = try String(contentsOfFile: path, encoding: .utf8)
    let begin = "<!-- BEGIN GENERATED RULE DOCS -->\n"
    let end = "<!-- END GENERATED RULE DOCS -->"
    guard let b = readme.range(of: begin), let e = readme.range(of: end) else {
      Issue.record("README.md lacks the generated rule docs markers")
      return
    }
    let generated = RuleDocs.markdown(BuiltInRules.descriptions)
    let current = String(readme[b.upperBound..<e.lowerBound])
    if current != generated, ProcessInfo.processInfo.environment["CLAIMLINT_BLESS"] == "1" {
      readme.replaceSubrange(b.upperBound..<e.lowerBound, with: generated)
      try readme.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    #expect(current == generated, "README rule docs are out of date; run CLAIMLINT_BLESS=1 swift test")
  }
}

extension String {
  func replacingSuffix(_ s: String, with r: String) -> String { hasSuffix(s) ? String(dropLast(s.count)) + r : self }
}
