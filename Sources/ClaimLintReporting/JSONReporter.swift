import ClaimLintCore
import Foundation

/// The report as JSON for scripts: the same content as the text output, with the normalised data.
///
/// Schema (version 1; keys are sorted, two-space pretty-printing, slashes not escaped):
///
/// ```
/// { "schemaVersion": 1, "kind": "check"|"claims"|"segments",
///   "tool": {"name", "version"}, "mode": "all"|"pre-publish", "draft": path|null,
///   "documents": [{ "path", "format", "title", "author", "date" (YYYY-MM-DD|null), "dateEvidence",
///                   "remarks": [string], "claimCount",
///                   "segments": [{"kind", "startLine", "endLine", "author", "reason", "text"?}],
///                   "claims"?: [claim] }],
///   "findings": [{ "ruleId", "severity", "message", "path", "line", "column", "endLine", "endColumn",
///                  "text", "label", "help", "fingerprint", "properties": {string: string},
///                  "notes": [{"path", "line", "column", "endLine", "endColumn", "text", "message"}] }],
///   "inputErrors": [{"path", "line", "column", "message", "severity"}],
///   "summary": {"documents", "findings", "errors", "warnings", "notes", "inputErrors"} }
/// ```
///
/// A claim has `kind`, `layer`, `text`, `line`, `column`, `endLine`, `endColumn`, `sentence`, `hedged`,
/// `hedges`, `commentAuthor`, `corroboration`, and the keys of its kind:
/// - quantity: `value`, `low`, `high` (numbers; whole numbers without a fraction), `lowInclusive`,
///   `highInclusive`, `qualifier`, `direction`, `unit`, `counted`, `countedFamily`, `modifiers`, `action`,
///   `actionText`, `actor`, `isRange`, `isVague`, `superseded`;
/// - date: `date` and `dateEnd` (YYYY-MM-DD), `resolved`, `relative`, `evidence`, `statedWeekday`
///   (1 = Monday), `granularity`;
/// - attribution and quote: `speaker`, `speakerText`, `verb`, `content`;
/// - title: `person`, `title`, `roles`;
/// - event: `eventType`, `participants`, `place`, `date`.
///
/// Null policy: every key listed above is always written; a value that is absent is `null` (a note
/// without a location has null `path` … `text`). Only two keys depend on the request rather than the
/// data: `claims` is present in claims reports only, and a segment's `text` only with
/// `ReportOptions.includeSegmentText`. Positions are 1-based lines and code-point columns; `endColumn`
/// is exclusive. Identical reports give byte-identical output.
public enum JSONReporter: Reporter {
  public static let identifier = "json"
  public static let summary = "the report as JSON (schema version 1) for scripts"
  public static var quotesSourceLines: Bool { false }

  /// The version written as `schemaVersion`; raised when a key changes meaning or disappears.
  public static let schemaVersion = 1

  public static func render(_ report: Report, options: ReportOptions) -> String {
    String(decoding: renderBytes(report, options: options), as: UTF8.self)
  }

  public static func renderBytes(_ report: Report, options: ReportOptions) -> [UInt8] {
    var out = JSONOutput(pretty: true, capacity: estimatedSize(of: report))
    write(report, options: options, into: &out)
    out.appendByte(0x0A)
    return out.takeBytes()
  }

  /// Writes the report in chunks of about a megabyte as it goes (the CLI's way: the JSON of a large
  /// run is hundreds of megabytes).
  public static func stream(_ report: Report, options: ReportOptions, to write: @escaping ([UInt8]) -> Void) {
    var out = JSONOutput(pretty: true, sink: write)
    self.write(report, options: options, into: &out)
    out.appendByte(0x0A)
    write(out.takeBytes())
  }

  /// A first guess at the size of the JSON report in bytes, so the buffer rarely grows.
  static func estimatedSize(of report: Report) -> Int {
    4096 + 1200 * report.findings.count + 200 * report.inputErrors.count + estimatedDocumentsSize(of: report)
  }

  /// A first guess at the size of the report's `documents` in bytes.
  static func estimatedDocumentsSize(of report: Report) -> Int {
    var size = 0
    for entry in report.documents {
      size += 400 + 160 * entry.document.segments.count
      if report.kind == .claims { size += 1200 * entry.claims.count }
    }
    return size
  }

  /// Foundation's `JSONEncoder` with the report's settings (sorted keys, slashes not escaped): the
  /// reference the byte writer (`JSONOutput`) is tested against, through the `Encodable` models.
  static func foundationJSON<T: Encodable>(_ value: T, pretty: Bool) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
