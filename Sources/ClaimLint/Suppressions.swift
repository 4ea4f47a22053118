import ClaimLintCore
import ClaimLintExtraction
import ClaimLintRules
import Foundation

/// An inline suppression written in an article.
///
/// In Markdown and HTML it is a comment, `<!-- claimlint-disable-next-line quantity-mismatch -->`; in
/// plain text the same words on a line of their own. No rule id means every rule.
public struct SuppressionDirective: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case disableNextLine = "claimlint-disable-next-line"
    case disable = "claimlint-disable"
    case enable = "claimlint-enable"
  }

  public var kind: Kind
  /// The rule ids named, in the order written; empty for all rules.
  public var rules: [String]
  /// The directive as written: the whole comment, or the plain-text line's content.
  public var span: SourceSpan
  /// The 1-based line on which the directive ends.
  public var endLine: Int
  /// Whether the directive is alone on its line(s).
  public var ownLine: Bool

  public init(kind: Kind, rules: [String], span: SourceSpan, endLine: Int, ownLine: Bool) {
    self.kind = kind
    self.rules = rules
    self.span = span
    self.endLine = endLine
    self.ownLine = ownLine
  }
}

/// Finds suppression directives in the raw bytes of an article.
public enum SuppressionScanner {
  /// The directives of `source`, in file order.
  ///
  /// Markdown and HTML directives are comments; plain-text directives are lines whose only content is
  /// a directive (the same lines `PlainTextReader` leaves out of the article text).
  public static func directives(in source: SourceFile, format: DocumentFormat) -> [SuppressionDirective] {
    let bytes = source.bytes
    guard find(Array("claimlint-".utf8), in: bytes, from: 0) != nil else { return [] }
    switch format {
    case .text: return plainTextDirectives(source)
    case .markdown, .html: return commentDirectives(source)
    }
  }

  /// Parses a directive's words ("claimlint-disable quantity-mismatch, date-mismatch").
  ///
  /// - Returns: nil unless the text is a keyword, optionally followed by blanks and rule ids
  ///   (`a-z`, `0-9`, `-`) separated by commas or blanks.
  public static func parse(_ text: Substring) -> (SuppressionDirective.Kind, [String])? {
    let bytes = Array(text.utf8)
    guard PlainTextReader.isSuppressionDirective(bytes, 0, bytes.count) else { return nil }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
    guard let first = words.first, let kind = SuppressionDirective.Kind(rawValue: first) else { return nil }
    var rules: [String] = []
    for w in words.dropFirst() where !rules.contains(w) { rules.append(w) }
    return (kind, rules)
  }

  private static func plainTextDirectives(_ source: SourceFile) -> [SuppressionDirective] {
    let bytes = source.bytes
    let starts = source.lineIndex.lineStarts
    var out: [SuppressionDirective] = []
    for (i, start) in starts.enumerated() {
      var end = i + 1 < starts.count ? starts[i + 1] : bytes.count
      while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
      var s = start
      if i == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { s = 3 }
      var e = end
      trim(bytes, &s, &e)
      guard e - s >= 16, bytes[s] == UInt8(ascii: "c"),
        let (kind, rules) = parse(Substring(String(decoding: bytes[s..<e], as: UTF8.self)))
      else { continue }
      out.append(SuppressionDirective(kind: kind, rules: rules, span: source.span(from: s, to: e), endLine: i + 1, ownLine: true))
    }
    return out
  }

  private static func commentDirectives(_ source: SourceFile) -> [SuppressionDirective] {
    let bytes = source.bytes
    let open = Array("<!--".utf8)
    let close = Array("-->".utf8)
    var out: [SuppressionDirective] = []
    var i = 0
    while let start = find(open, in: bytes, from: i) {
      let contentStart = start + open.count
      let closeAt = find(close, in: bytes, from: contentStart)
      let contentEnd = closeAt ?? bytes.count
      let end = closeAt.map { $0 + close.count } ?? bytes.count
      i = end
      var s = contentStart
      var e = contentEnd
      trim(bytes, &s, &e)
      // A directive comment may run over several lines.
      let words = bytes[s..<max(s, e)].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
      guard closeAt != nil, e > s, bytes[s] == UInt8(ascii: "c"),
        let (kind, rules) = parse(Substring(String(decoding: words, as: UTF8.self)))
      else { continue }
      let span = source.span(from: start, to: end)
      out.append(
        SuppressionDirective(
          kind: kind, rules: rules, span: span, endLine: span.endLine,
          ownLine: isBlank(bytes, lineStart(bytes, start), start) && isBlank(bytes, end, lineEnd(bytes, end))))
    }
    return out
  }

  /// Narrows `s..<e` past spaces, tabs, line breaks, form feeds and no-break spaces at both ends.
  static func trim(_ bytes: [UInt8], _ s: inout Int, _ e: inout Int) {
    while s < e {
      if bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x0A || bytes[s] == 0x0D || bytes[s] == 0x0C {
        s += 1
      } else if bytes[s] == 0xC2, s + 1 < e, bytes[s + 1] == 0xA0 {
        s += 2
      } else {
        break
      }
    }
    while e > s {
      let b = bytes[e - 1]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
        e -= 1
      } else if b == 0xA0, e - 2 >= s, bytes[e - 2] == 0xC2 {
        e -= 2
      } else {
        break
      }
    }
  }

  static func isBlank(_ bytes: [UInt8], _ s: Int, _ e: Int) -> Bool {
    var a = s
    var b = e
    trim(bytes, &a, &b)
    return a >= b
  }

  static func lineStart(_ bytes: [UInt8], _ offset: Int) -> Int {
    var i = offset
    while i > 0, bytes[i - 1] != 0x0A, bytes[i - 1] != 0x0D { i -= 1 }
    return i
  }

  static func lineEnd(_ bytes: [UInt8], _ offset: Int) -> Int {
    var i = offset
    while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
    return i
  }

  /// The first offset at or after `from` where `needle` occurs in `bytes`.
  static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    let start = max(0, from)
    guard let first = needle.first, start + needle.count <= bytes.count else { return nil }
    // Every file is searched for "claimlint-", which few hold: the C library's `memchr` skips to each
    // candidate first byte many bytes at a time.
    return bytes.withUnsafeBufferPointer { b -> Int? in
      guard let base = b.baseAddress else { return nil }
      let last = b.count - needle.count
      var i = start
      while i <= last {
        guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
        i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
        var k = 1
        while k < needle.count, b[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
        i += 1
      }
      return nil
    }
  }
}

/// The suppressions of one document: which lines each directive covers, and for which rules.
struct SuppressionMap {
  /// A stretch of lines on which `rules` (nil: every rule except `excluded`) are suppressed.
  struct Region {
    var directive: Int
    var rules: Set<String>?
    var excluded: Set<String>
    var firstLine: Int
    var lastLine: Int

    func covers(_ ruleID: String, line: Int) -> Bool {
      guard line >= firstLine, line <= lastLine else { return false }
      if let rules { return rules.contains(ruleID) }
      return !excluded.contains(ruleID)
    }
  }

  var directives: [SuppressionDirective]
  var regions: [Region] = []

  init(directives: [SuppressionDirective], source: SourceFile) {
    self.directives = directives
    // Lines that hold only directives are skipped when looking for a directive's "next line".
    let directiveLines = Set(directives.filter(\.ownLine).flatMap { Array($0.span.line...$0.endLine) })
    var open: [Region] = []
    for (index, d) in directives.enumerated() {
      let named: Set<String>? = d.rules.isEmpty ? nil : Set(d.rules)
      switch d.kind {
      case .disableNextLine:
        var line = d.endLine + 1
        let lineCount = source.lineIndex.lineStarts.count
        while line <= lineCount, directiveLines.contains(line) || source.lineText(line).allSatisfy({ $0.isWhitespace }) {
          line += 1
        }
        regions.append(Region(directive: index, rules: named, excluded: [], firstLine: line, lastLine: line))
      case .disable:
        open.append(Region(directive: index, rules: named, excluded: [], firstLine: d.span.line, lastLine: Int.max))
      case .enable:
        var stillOpen: [Region] = []
        for var r in open {
          var closed = r
          closed.lastLine = d.span.line
          regions.append(closed)
          guard let named else { continue }
          // Re-enabling some rules keeps the others suppressed from here on.
          r.firstLine = d.span.line
          if let rules = r.rules {
            r.rules = rules.subtracting(named)
            if r.rules?.isEmpty == false { stillOpen.append(r) }
          } else {
            r.excluded.formUnion(named)
            stillOpen.append(r)
          }
        }
        open = stillOpen
      }
    }
    regions += open
  }
}

/// Applies inline suppressions to findings and reports the suppressions that suppressed nothing.
public enum Suppressions {
  /// The id of the note reported for a suppression that suppressed nothing.
  public static let unusedRuleID = "unused-suppression"

  /// The description of `unused-suppression`, added to a report's rules when it is used.
  public static let unusedRule = RuleDescription(
    identifier: unusedRuleID, name: "Unused Suppression",
    summary: "An inline claimlint-disable comment suppresses no finding",
    rationale:
      "A suppression that no longer matches a finding hides nothing today but would hide a new discrepancy on that line tomorrow. Remove it, or the rule id it names.",
    defaultSeverity: .note, tags: ["suppression"], nonTriggeringExamples: [], triggeringExamples: [])

  /// Drops the findings that a directive in their own document suppresses, and adds an
  /// `unused-suppression` note for every directive (or rule id in it) that suppressed nothing.
  ///
  /// - Parameters:
  ///   - findings: the findings of the run.
  ///   - documents: the documents whose directives apply (in pre-publish mode, only the draft).
  ///   - rulesRun: rule ids that ran; a suppression of a rule that did not run is never reported unused.
  ///   - knownRules: every rule id; a directive naming another id is reported.
  /// - Returns: the remaining findings and the notes, unsorted.
  public static func apply(
    to findings: [Finding], documents: [Document], rulesRun: Set<String>, knownRules: Set<String>
  ) -> [Finding] {
    var maps: [String: SuppressionMap] = [:]
    for d in documents.indices { addMap(of: documents[d], to: &maps) }
    var kept = findings
    apply(to: &kept, maps: maps, rulesRun: rulesRun, knownRules: knownRules)
    return kept
  }

  /// Adds the suppressions of `document` to `maps` (by path) when it has directives.
  static func addMap(of document: borrowing Document, to maps: inout [String: SuppressionMap]) {
    let directives = SuppressionScanner.directives(in: document.source, format: document.format)
    if !directives.isEmpty { maps[document.path] = SuppressionMap(directives: directives, source: document.source) }
  }

  /// `apply(to:documents:rulesRun:knownRules:)` in place, with the documents' suppressions read
  /// already (`addMap(of:to:)`): the findings that stay are not copied.
  static func apply(
    to findings: inout [Finding], maps: [String: SuppressionMap], rulesRun: Set<String>, knownRules: Set<String>
  ) {
    guard !maps.isEmpty else { return }
    // Per path: (directive index, rule id) pairs that suppressed something.
    var used: [String: Set<UsedKey>] = [:]
    var suppressed = [Bool](repeating: false, count: findings.count)
    for i in findings.indices {
      guard let map = maps[findings[i].span.path] else { continue }
      for r in map.regions where r.covers(findings[i].ruleID, line: findings[i].span.line) {
        suppressed[i] = true
        used[findings[i].span.path, default: []].insert(UsedKey(directive: r.directive, ruleID: findings[i].ruleID))
      }
    }
    findings.removeMoving(where: suppressed)
    // The notes on unused directives, in path and directive order.
    var notes: [Finding] = []
    for path in maps.keys.sorted() {
      guard let map = maps[path] else { continue }
      let usedHere = used[path] ?? []
      for (index, d) in map.directives.enumerated() {
        for id in d.rules where !knownRules.contains(id) {
          notes.append(unused(d, ruleID: id, message: "suppression names an unknown rule '\(id)'"))
        }
        guard d.kind != .enable else { continue }
        if d.rules.isEmpty {
          if !rulesRun.isEmpty, !usedHere.contains(where: { $0.directive == index }) {
            notes.append(unused(d, ruleID: "*", message: "suppression of all rules matched no finding"))
          }
          continue
        }
        for id in d.rules where knownRules.contains(id) && rulesRun.contains(id) {
          if !usedHere.contains(UsedKey(directive: index, ruleID: id)) {
            notes.append(unused(d, ruleID: id, message: "suppression of '\(id)' matched no finding"))
          }
        }
      }
    }
    findings.appendMoving(from: &notes)
  }

  private struct UsedKey: Hashable {
    var directive: Int
    var ruleID: String
  }

  private static func unused(_ d: SuppressionDirective, ruleID: String, message: String) -> Finding {
    Finding(
      ruleID: unusedRuleID, severity: .note, message: message, span: d.span,
      help: d.rules.count > 1 ? "remove '\(ruleID)' from the suppression" : "remove the suppression",
      label: "unused suppression",
      fingerprint: Fingerprint.fnv1a([unusedRuleID, d.span.path, d.kind.rawValue, ruleID]),
      properties: ["directive": d.kind.rawValue, "suppressedRule": ruleID])
  }
}
