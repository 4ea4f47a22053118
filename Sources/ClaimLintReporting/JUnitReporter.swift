import ClaimLintCore

/// JUnit XML for CI test views such as GitLab's test summary (CI-FORMATS.md §6).
///
/// One `testsuite` per document (named by its path, in report order), one `testcase` per finding:
/// `classname` is "rule-id (Rule Name)", `name` is `path:line:col` (with " (2)", " (3)" … added when
/// the same rule reports twice at one position, because GitLab keeps only the first of equal names),
/// `file` the path. Errors and warnings are `<failure type="severity" message="…">` whose text is the
/// finding as the text reporter prints it without a snippet; note-severity findings pass and carry that
/// text in `<system-out>`. A document without findings has one passing testcase named after it.
/// Input problems are testcases of their file's suite (`<error>` for an error, `<failure>` for a
/// warning). Times are always 0, so the output is byte-identical for identical reports. Claims and
/// segments reports list only the input problems.
public enum JUnitReporter: Reporter {
  public static let identifier = "junit"
  public static let summary = "JUnit XML, one test suite per document and one test case per finding"
  public static var quotesSourceLines: Bool { false }

  public static func render(_ report: Report, options: ReportOptions) -> String {
    let ruleNames = RuleNames(report.rules)
    var paths: [String] = []
    var known: Set<String> = []
    func include(_ path: String) {
      if known.insert(path).inserted { paths.append(path) }
    }
    if report.kind == .check {
      report.documents.forEach { include($0.document.path) }
      report.findings.forEach { include($0.span.path) }
    }
    report.inputErrors.forEach { include($0.path) }

    var suites: [Suite] = []
    var nameCounts: [String: Int] = [:]
    for path in paths {
      var suite = Suite(name: path)
      if report.kind == .check {
        for finding in report.findings where finding.span.path == path {
          let classname = ruleNames.classname(for: finding.ruleID)
          var name = finding.span.locationDescription
          let key = classname + "\u{1F}" + name
          let seen = (nameCounts[key] ?? 0) + 1
          nameCounts[key] = seen
          if seen > 1 { name += " (\(seen))" }
          let text = TextReporter.renderFinding(
            finding, sources: nil,
            options: ReportOptions(color: false, snippets: false), style: TextStyle(color: false))
          let outcome: Outcome =
            finding.severity == .note
            ? .passed(output: text) : .failure(type: finding.severity.rawValue, message: finding.message, text: text)
          suite.cases.append(Case(classname: classname, name: name, file: path, outcome: outcome))
        }
      }
      for problem in report.inputErrors where problem.path == path {
        let name = problemLocation(problem)
        let text = problem.description
        let outcome: Outcome
        switch problem.severity {
        case .error: outcome = .error(type: "error", message: problem.message, text: text)
        case .warning: outcome = .failure(type: "warning", message: problem.message, text: text)
        case .note: outcome = .passed(output: text)
        }
        suite.cases.append(Case(classname: "claimlint (input)", name: name, file: path, outcome: outcome))
      }
      if suite.cases.isEmpty {
        suite.cases.append(Case(classname: "claimlint", name: path, file: path, outcome: .passed(output: nil)))
      }
      suites.append(suite)
    }

    let tests = suites.reduce(0) { $0 + $1.cases.count }
    let failures = suites.reduce(0) { $0 + $1.failures }
    let errors = suites.reduce(0) { $0 + $1.errors }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"\(attribute(report.tool.name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
    for suite in suites {
      xml += "  <testsuite name=\"\(attribute(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"0\" time=\"0\">\n"
      for testCase in suite.cases {
        let open = "    <testcase classname=\"\(attribute(testCase.classname))\" name=\"\(attribute(testCase.name))\" file=\"\(attribute(testCase.file))\" time=\"0\""
        switch testCase.outcome {
        case .passed(nil):
          xml += open + "/>\n"
        case .passed(let output?):
          xml += open + ">\n      <system-out>\(text(output))</system-out>\n    </testcase>\n"
        case .failure(let type, let message, let body):
          xml += open + ">\n      <failure type=\"\(attribute(type))\" message=\"\(attribute(message))\">\(text(body))</failure>\n    </testcase>\n"
        case .error(let type, let message, let body):
          xml += open + ">\n      <error type=\"\(attribute(type))\" message=\"\(attribute(message))\">\(text(body))</error>\n    </testcase>\n"
        }
      }
      xml += "  </testsuite>\n"
    }
    xml += "</testsuites>\n"
    return xml
  }

  /// `path[:line[:col]]` of an input problem.
  static func problemLocation(_ problem: InputProblem) -> String {
    var location = problem.path
    if let line = problem.line {
      location += ":\(line)"
      if let column = problem.column { location += ":\(column)" }
    }
    return location
  }

  /// Character data: `&`, `<`, `>` escaped, characters XML 1.0 cannot hold replaced by U+FFFD.
  static func text(_ s: String) -> String { escape(s, attribute: false) }

  /// An attribute value: as `text`, plus `"` and line breaks and tabs as character references.
  static func attribute(_ s: String) -> String { escape(s, attribute: true) }

  private static func escape(_ s: String, attribute: Bool) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t" where attribute: out += "&#9;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        let allowed = v >= 0x20 && v != 0xFFFE && v != 0xFFFF
        out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return out
  }

  /// A test suite being built.
  private struct Suite {
    let name: String
    var cases: [Case] = []
    var failures: Int { cases.filter { if case .failure = $0.outcome { return true } else { return false } }.count }
    var errors: Int { cases.filter { if case .error = $0.outcome { return true } else { return false } }.count }
  }

  /// One test case.
  private struct Case {
    let classname: String
    let name: String
    let file: String
    let outcome: Outcome
  }

  /// How a test case ended, with the text to show.
  private enum Outcome {
    case passed(output: String?)
    case failure(type: String, message: String, text: String)
    case error(type: String, message: String, text: String)
  }

  /// "rule-id (Rule Name)" for each rule id the report describes; lookups only.
  private struct RuleNames {
    private let names: [String: String]

    init(_ rules: [RuleDescription]) {
      var names: [String: String] = [:]
      for rule in rules where names[rule.identifier] == nil { names[rule.identifier] = rule.name }
      self.names = names
    }

    func classname(for id: String) -> String {
      guard let name = names[id], !name.isEmpty else { return id }
      return "\(id) (\(name))"
    }
  }
}
