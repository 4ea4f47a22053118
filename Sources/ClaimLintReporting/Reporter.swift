import ClaimLintCore

/// How a reporter should render a report: colour, snippets and how much text to include.
public struct ReportOptions: Sendable, Hashable {
  /// Whether to use ANSI colour escapes (text output only); the CLI decides from the terminal.
  public var color: Bool
  /// Whether the text reporter prints the source line with carets under each finding.
  public var snippets: Bool
  /// Whether segment reports include each segment's extracted text (JSON only).
  public var includeSegmentText: Bool

  /// Creates options; the defaults suit a file or a pipe: no colour, snippets on, no segment text.
  public init(color: Bool = false, snippets: Bool = true, includeSegmentText: Bool = false) {
    self.color = color
    self.snippets = snippets
    self.includeSegmentText = includeSegmentText
  }
}

/// One output format: a pure function from a `Report` to the text written to stdout.
///
/// Reporters render what they are given. They never sort, filter, de-duplicate or change severities:
/// the `Checker` has already done that, so every format shows the same findings in the same order.
public protocol Reporter: Sendable {
  /// The value of `--format` that selects this reporter ("text", "json", "sarif" …).
  static var identifier: String { get }
  /// One line for `--help`, no trailing period.
  static var summary: String { get }
  /// Renders the whole report; the result ends with a newline unless it is empty.
  static func render(_ report: Report, options: ReportOptions) -> String
  /// `render` as UTF-8 bytes, what the command line writes (a large run's report is hundreds of
  /// megabytes: the formats that write bytes hand them over without a copy into a `String`).
  static func renderBytes(_ report: Report, options: ReportOptions) -> [UInt8]
  /// `renderBytes` handed to `write` in one or more chunks, in order; formats whose output grows with
  /// every document (JSON) write as they go instead of holding it whole.
  static func stream(_ report: Report, options: ReportOptions, to write: @escaping ([UInt8]) -> Void)
  /// Whether the format quotes lines of the articles (snippets, line hashes): a large run then keeps
  /// the bytes of the files its findings point into. Formats that carry positions only say no.
  static var quotesSourceLines: Bool { get }
  /// Whether the format shows every claim and segment text of every document (the HTML report): the
  /// run is then held in memory instead of released story by story.
  static var showsEveryClaim: Bool { get }
}

extension Reporter {
  public static func renderBytes(_ report: Report, options: ReportOptions) -> [UInt8] { Array(render(report, options: options).utf8) }

  public static var quotesSourceLines: Bool { true }
  public static var showsEveryClaim: Bool { false }

  public static func stream(_ report: Report, options: ReportOptions, to write: @escaping ([UInt8]) -> Void) {
    write(renderBytes(report, options: options))
  }
}
