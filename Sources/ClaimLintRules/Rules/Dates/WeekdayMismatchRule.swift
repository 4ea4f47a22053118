import ClaimLintCore

/// Flags a weekday that does not match the date written next to it ("Monday, February 3, 2026" when
/// February 3, 2026 is a Tuesday).
public struct WeekdayMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "weekday-mismatch",
    name: "Weekday Mismatch",
    summary: "A weekday does not match its date",
    rationale: """
      A weekday and a date that disagree mean one of them is wrong, and readers cannot tell which. \
      The check needs no source: the calendar decides.
      """,
    defaultSeverity: .error,
    tags: ["date", "single-source"],
    nonTriggeringExamples: [
      RuleExample(["story.txt": "The spokesman spoke to reporters on Monday, February 2, 2026, in Beijing.\n"])
    ],
    triggeringExamples: [
      RuleExample(["story.txt": "The spokesman spoke to reporters on ↓Monday, February 3, 2026, in Beijing.\n"])
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    // Only the dates that state a weekday the calendar contradicts, each claim read in place.
    let refs = claims.claimRefs { c in
      guard c.pointee.kind == .date, c.pointee.layer == .reportage, let m = c.pointee.date, let stated = m.statedWeekday, let day = m.resolved else {
        return false
      }
      return !m.isRelative && day.weekday != stated
    }
    for r in refs {
      if let d = claims.draftIndex, r.document != d { continue }
      let c = claims.claim(r)
      guard let m = c.date, let stated = m.statedWeekday, let day = m.resolved, !m.isRelative, day.weekday != stated else { continue }
      let statedName = CalendarDate.weekdayNames[stated - 1]
      let actualName = CalendarDate.weekdayNames[day.weekday - 1]
      findings.append(
        Finding(
          ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
          message: "\(ClaimText.quoted(c.span.text)) names a \(statedName), but \(day) is a \(actualName)",
          span: c.span, notes: [], help: "correct the weekday or the date", label: "\(day) is a \(actualName)",
          fingerprint: Fingerprint.fnv1a([Self.description.identifier, c.span.path, day.description, String(stated)]),
          properties: ["date": day.description, "statedWeekday": statedName]))
    }
    return findings
  }
}
