import ClaimLintCore
import Testing

@testable import ClaimLintReporting

/// Header lines, carets and summary wording of the text reporter.
struct TextReporterTests {
  /// A one-file report with one finding on `needle` in `text`.
  func report(text: String, needle: String, notes: [Note] = []) -> Report {
    let source = SourceFile(path: "drafts/vote.md", text: text)
    let span = ReportFixture.span(source, needle)
    let finding = Finding(
      ruleID: "quantity-mismatch", severity: .warning, message: "turnout differs from 1 source", span: span, notes: notes)
    return Report(
      kind: .check, tool: ReportFixture.tool,
      documents: [DocumentReport(document: Document(source: source, format: .markdown), claims: [])], findings: [finding])
  }

  @Test func headerLineStandsAlone() {
    let output = TextReporter.render(report(text: "Turnout was 61% in the capital.\n", needle: "61%"), options: ReportOptions())
    #expect(output.hasPrefix("drafts/vote.md:1:13: warning: turnout differs from 1 source [quantity-mismatch]\n"))
  }

  @Test func caretsSitUnderCodePointsAfterMultiByteText() {
    // Cyrillic, an em dash and curly quotes before the span: 1 column each, 2–3 bytes each.
    let text = "«Явка» — turnout was “61%” in Київ.\n"
    let output = TextReporter.render(report(text: text, needle: "61%"), options: ReportOptions())
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[2] == "1 | «Явка» — turnout was “61%” in Київ.")
    #expect(lines[3] == "  |                       ^^^")
  }

  @Test func snippetsWrittenFromBytesMatchTheSnippetFunction() {
    let pieces = ["word ", "\t", "“curly” ", "Київ ", "🌊 ", "61% ", "e\u{301} "]
    for length in [10, 150, 160, 161, 170, 400] {
      var line = ""
      var k = 0
      while line.unicodeScalars.count < length {
        line += pieces[k % pieces.count]
        k += 1
      }
      line = String(String.UnicodeScalarView(line.unicodeScalars.prefix(length)))
      let source = SourceFile(path: "a.txt", text: "first\n" + line + "\nlast\n")
      let count = line.unicodeScalars.count
      for column in [1, 2, 30, 61, 62, 100, count - 5, count, count + 1] where column >= 1 {
        for (endLine, endColumn) in [(2, column + 1), (2, column + 3), (2, column + 130), (2, column), (3, 2)] {
          let span = SourceSpan(
            path: "a.txt", startOffset: 0, endOffset: 0, line: 2, column: column, endLine: endLine, endColumn: endColumn, text: "")
          let finding = Finding(ruleID: "r", severity: .warning, message: "m", span: span)
          let report = Report(
            kind: .check, tool: ReportFixture.tool,
            documents: [DocumentReport(document: Document(source: source, format: .text), claims: [])], findings: [finding])
          let lines = TextReporter.render(report, options: ReportOptions()).split(separator: "\n", omittingEmptySubsequences: false)
          let shown = TextReporter.snippet(for: span, lineText: line)
          #expect(lines[2] == "2 | " + shown.text, "length \(length) column \(column) end \(endLine):\(endColumn)")
          #expect(lines[3] == "  | " + shown.indent + shown.carets, "length \(length) column \(column) end \(endLine):\(endColumn)")
        }
      }
    }
  }

  @Test func tabsBeforeTheSpanAreKeptForAlignment() {
    let output = TextReporter.render(report(text: "\tTurnout:\t61%\n", needle: "61%"), options: ReportOptions())
    #expect(output.contains("\n  | \t        \t^^^\n"))
  }

  @Test func spanRunningPastItsLineIsMarkedToTheEndOfTheLine() {
    let span = SourceSpan(path: "drafts/river-flood.md", startOffset: 0, endOffset: 0, line: 10, column: 48, endLine: 11, endColumn: 39, text: "")
    let marker = TextReporter.caretLine(for: span, lineText: "The river crested at 6.4 metres on Friday, and the")
    #expect(marker.carets == "^^^")
  }

  /// A page on one line (minified HTML) is shown as a window around the span, like a compiler shows a
  /// long line, not as thousands of columns.
  @Test func longLineIsCutToAWindowAroundTheSpan() {
    let before = String(repeating: "<div class=\"nav\"><a href=\"/x\">Menu</a></div>", count: 60)
    let line = before + "Comparable sales rose 3.6 percent in the quarter." + String(repeating: "<span>ad</span>", count: 80)
    let column = before.unicodeScalars.count + "Comparable sales rose ".count + 1
    let span = SourceSpan(
      path: "page.html", startOffset: 0, endOffset: 0, line: 1, column: column, endLine: 1, endColumn: column + 11, text: "3.6 percent")
    let shown = TextReporter.snippet(for: span, lineText: line)
    #expect(shown.text.unicodeScalars.count <= 60 + 11 + 60 + 2)
    #expect(shown.text.hasPrefix("…") && shown.text.hasSuffix("…"))
    // The carets sit under the span in the window.
    let under = String(shown.text.unicodeScalars.dropFirst(shown.indent.unicodeScalars.count).prefix(shown.carets.count))
    #expect(under == "3.6 percent")
    #expect(shown.carets == "^^^^^^^^^^^")
    // A short line is shown whole.
    #expect(TextReporter.snippet(for: SourceSpan(path: "a.txt", startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 4, text: "abc"), lineText: "abcdef").text == "abcdef")
  }

  @Test func emptySpanStillGetsOneCaret() {
    let span = SourceSpan(path: "a.txt", startOffset: 3, endOffset: 3, line: 1, column: 4, endLine: 1, endColumn: 4, text: "")
    #expect(TextReporter.caretLine(for: span, lineText: "abcdef").carets == "^")
  }

  @Test func noEscapesWithoutColorAndEscapesWithIt() {
    let report = ReportFixture.checkReport()
    #expect(!TextReporter.render(report, options: ReportOptions(color: false)).contains("\u{1B}["))
    let colored = TextReporter.render(report, options: ReportOptions(color: true))
    #expect(colored.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[1;36mnote:\u{1B}[0m"))
  }

  @Test func noteWithoutSpanHasNoLocation() {
    let output = TextReporter.render(
      report(text: "Turnout was 61%.\n", needle: "61%", notes: [Note(span: nil, message: "the commission has not published final figures")]),
      options: ReportOptions(snippets: false))
    #expect(output.contains("\nnote: the commission has not published final figures\n"))
  }

  struct SummaryCase: Sendable, CustomTestStringConvertible {
    let errors: Int
    let warnings: Int
    let notes: Int
    let documents: Int
    let problems: Int
    let expected: String
    var testDescription: String { expected }
  }

  @Test(arguments: [
    SummaryCase(errors: 0, warnings: 0, notes: 0, documents: 1, problems: 0, expected: "no findings in 1 document"),
    SummaryCase(errors: 1, warnings: 2, notes: 0, documents: 5, problems: 0, expected: "1 error, 2 warnings in 5 documents"),
    SummaryCase(errors: 0, warnings: 1, notes: 3, documents: 2, problems: 1, expected: "1 warning, 3 notes in 2 documents; 1 input problem"),
    SummaryCase(errors: 0, warnings: 0, notes: 0, documents: 0, problems: 2, expected: "no findings in 0 documents; 2 input problems"),
  ])
  func summaryWording(_ c: SummaryCase) {
    let span = ReportFixture.span(ReportFixture.wire, "About 900 residents")
    var findings: [Finding] = []
    for (severity, count) in [(Severity.error, c.errors), (.warning, c.warnings), (.note, c.notes)] {
      findings += Array(repeating: Finding(ruleID: "r", severity: severity, message: "m", span: span), count: count)
    }
    let documents = Array(repeating: DocumentReport(document: ReportFixture.wireDocument, claims: []), count: c.documents)
    let problems = (0..<c.problems).map { InputProblem(path: "sources/\($0).pdf", message: "file looks binary") }
    let report = Report(kind: .check, tool: ReportFixture.tool, documents: documents, findings: findings, inputErrors: problems)
    #expect(ReportCounts(report).checkSummary == c.expected)
  }

  @Test func segmentLinesEndAtTheLastByteNotTheNextLine() {
    let segment = ReportFixture.segment(.reportage, ReportFixture.draft, lines: 7, 8)
    let lines = SegmentLines(segment, in: ReportFixture.draft)
    #expect(lines.start == 7 && lines.end == 8)
  }

  /// Segment lines come from the line index alone (a released file keeps no bytes), and agree with the
  /// lines of the file's positions, and with those of the same file without its bytes.
  @Test func segmentLinesByLineLookupAgreeWithPositions() {
    let sources = [
      ReportFixture.draft, ReportFixture.wire, ReportFixture.portal,
      SourceFile(path: "crlf.txt", text: "one\r\ntwo\rthree\n\nfünf “six”\r\n"), SourceFile(path: "empty.txt", text: ""),
    ]
    for source in sources {
      let n = source.bytes.count
      for start in -2...(n + 2) {
        for length in [0, 1, 2, 5, n + 3] {
          let text = String(repeating: "x", count: length)
          let segment = Segment(kind: .reportage, text: text, map: .identity(sourceOffset: start, length: length))
          let first = segment.sourceStart
          let last = segment.sourceEnd > first ? segment.sourceEnd - 1 : first
          let byPosition = (source.position(of: first).line, max(source.position(of: first).line, source.position(of: last).line))
          let lines = SegmentLines(segment, in: source)
          #expect(lines.start == byPosition.0 && lines.end == byPosition.1, "\(source.path) start \(start) length \(length)")
          #expect(SegmentLines(segment, in: source.withoutBytes()) == lines, "\(source.path) start \(start) length \(length) released")
        }
      }
    }
  }
}
