import ClaimLintCore
import ClaimLintRules

/// Rule documentation generated from each rule's own `RuleDescription`: `claimlint rules`,
/// `claimlint explain`, and the README's rule section (a test fails when the README drifts).
public enum RuleDocs {
  /// Strips the `↓` and `†` markers from example text.
  public static func plain(_ s: String) -> String {
    String(s.unicodeScalars.filter { $0 != "↓" && $0 != "†" }.map(Character.init))
  }

  /// One line per rule: id, default severity, summary.
  public static func list(_ rules: [RuleDescription]) -> String {
    let width = rules.map(\.identifier.count).max() ?? 0
    return rules.map { r in
      let pad = String(repeating: " ", count: width - r.identifier.count)
      let sev = r.defaultSeverity.rawValue
      return "\(r.identifier)\(pad)  \(sev)\(String(repeating: " ", count: 7 - sev.count))  \(r.summary)"
        + (r.prePublishOnly ? " (pre-publish only)" : "")
    }.joined(separator: "\n") + "\n"
  }

  /// The full documentation of one rule as plain text.
  public static func explain(_ r: RuleDescription) -> String {
    var out = "\(r.identifier): \(r.name)\n\n\(r.summary).\n\nDefault severity: \(r.defaultSeverity.rawValue)"
    if r.prePublishOnly { out += " (runs only in pre-publish mode: check DRAFT --against SOURCE...)" }
    out += "\n\nWhy it matters:\n\(r.rationale)\n"
    func examples(_ title: String, _ list: [RuleExample]) {
      out += "\n\(title):\n"
      for (n, ex) in list.enumerated() {
        out += "\n  example \(n + 1)\(ex.draft.map { " (draft: \($0))" } ?? "")\n"
        for f in ex.files {
          out += "    \(f.name):\n"
          for line in plain(f.text).split(separator: "\n") { out += "      \(line)\n" }
        }
      }
    }
    examples("Flagged", r.triggeringExamples)
    examples("Not flagged", r.nonTriggeringExamples)
    return out
  }

  /// The README section for every rule, in Markdown, with anchors `rule-<id>` used by SARIF `helpUri`.
  public static func markdown(_ rules: [RuleDescription]) -> String {
    var out = ""
    for r in rules {
      out += "<a id=\"rule-\(r.identifier)\"></a>\n### `\(r.identifier)` — \(r.name)\n\n"
      out += "\(r.summary). Default severity: **\(r.defaultSeverity.rawValue)**"
      out += r.prePublishOnly ? " (pre-publish mode only).\n\n" : ".\n\n"
      out += r.rationale + "\n\n"
      if let ex = r.triggeringExamples.first {
        out += "Flagged:\n\n"
        for f in ex.files { out += "- `\(f.name)`: \(plain(f.text).trimmingNewlines)\n" }
        out += "\n"
      }
      if let ex = r.nonTriggeringExamples.first {
        out += "Not flagged:\n\n"
        for f in ex.files { out += "- `\(f.name)`: \(plain(f.text).trimmingNewlines)\n" }
        out += "\n"
      }
    }
    return out
  }
}

extension String {
  var trimmingNewlines: String {
    var s = Substring(self)
    while s.last == "\n" { s = s.dropLast() }
    return s.split(separator: "\n").joined(separator: " ")
  }
}
