import ClaimLintCore
import Testing

/// Fingerprints, the order of findings, notes and input problems, and input error wording.
@Suite struct FindingTests {
  // MARK: fingerprints

  @Test(arguments: [
    // The published FNV-1a 64-bit test vectors: a one-part fingerprint is plain FNV-1a.
    ([], "cbf29ce484222325"),
    (["a"], "af63dc4c8601ec8c"),
    (["foobar"], "85944171f73967e8"),
    // Pinned: a change here changes every fingerprint users' code-scanning alerts are matched by.
    (["quantity-mismatch", "resident|evacuate|1200", "drafts/river-flood.md", "sources/wire-0412.html"], "0c809449e3b31983"),
  ])
  func knownValues(_ parts: [String], _ expected: String) {
    #expect(Fingerprint.fnv1a(parts) == expected)
  }

  /// The pointer loop and the hex digits written by hand against the straightforward computation
  /// (`utf8` iterated, `String(_:radix:)` padded), on ASCII and non-ASCII parts, many of whose hashes
  /// have leading zero digits (one in sixteen).
  @Test func matchesTheStraightforwardComputation() {
    func reference(_ parts: [String]) -> String {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for (i, p) in parts.enumerated() {
        if i > 0 { h = (h ^ 0x1F) &* 0x100_0000_01b3 }
        for b in p.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
      }
      let hex = String(h, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }
    let words = ["date-mismatch", "Ana Ruiz", "Zürich", "서울", "🌊", "", "2024-08-16", "drafts/flood.txt", "evacuated"]
    var leadingZero = 0
    for n in 0..<400 {
      let parts = (0..<(n % 5)).map { k in words[(n * 7 + k * 3) % words.count] + String(n / 9) }
      let expected = reference(parts)
      if expected.hasPrefix("0") { leadingZero += 1 }
      #expect(Fingerprint.fnv1a(parts) == expected, "\(parts)")
    }
    #expect(leadingZero > 0)
  }

  @Test func partBoundariesMatter() {
    #expect(Fingerprint.fnv1a(["ab", "c"]) != Fingerprint.fnv1a(["a", "bc"]))
    #expect(Fingerprint.fnv1a(["ab", "c"]) != Fingerprint.fnv1a(["abc"]))
    #expect(Fingerprint.fnv1a(["a", "", "b"]) != Fingerprint.fnv1a(["a", "b"]))
  }

  @Test func fingerprintsAreSixteenLowerCaseHexDigits() {
    for parts in [["x"], ["date-mismatch", "2024-08-16"], ["서울", "🌊"], [""], ["a", "b", "c", "d"]] {
      let f = Fingerprint.fnv1a(parts)
      #expect(f.count == 16)
      #expect(f.allSatisfy { "0123456789abcdef".contains($0) })
      #expect(Fingerprint.fnv1a(parts) == f)
    }
  }

  // MARK: ordering

  private static func span(_ path: String, _ line: Int, _ column: Int, offset: Int = 0) -> SourceSpan {
    SourceSpan(
      path: path, startOffset: offset, endOffset: offset + 5, line: line, column: column, endLine: line,
      endColumn: column + 5, text: "12000")
  }

  private static func finding(
    _ id: String, _ path: String, _ line: Int, _ column: Int, rule: String = "quantity-mismatch",
    message: String = "count of residents evacuated differs from 1 source", fingerprint: String = ""
  ) -> (String, Finding) {
    (id, Finding(ruleID: rule, severity: .warning, message: message, span: span(path, line, column), fingerprint: fingerprint))
  }

  @Test func findingsHaveOneTotalOrder() {
    let expected = [
      Self.finding("a", "drafts/flood.md", 2, 9),
      Self.finding("b", "drafts/flood.md", 10, 1),
      Self.finding("c", "drafts/flood.md", 10, 4, rule: "date-mismatch"),
      Self.finding("d", "drafts/flood.md", 10, 4, rule: "quantity-mismatch", message: "count of homes flooded differs from 2 sources"),
      Self.finding("e", "drafts/flood.md", 10, 4, rule: "quantity-mismatch", message: "count of residents evacuated differs from 1 source", fingerprint: "0a"),
      Self.finding("f", "drafts/flood.md", 10, 4, rule: "quantity-mismatch", message: "count of residents evacuated differs from 1 source", fingerprint: "0b"),
      Self.finding("g", "sources/agency.txt", 1, 1),
    ]
    // Every rotation and the reverse sort to the same order.
    var inputs = [Array(expected.reversed())]
    for r in 1..<expected.count { inputs.append(Array(expected[r...] + expected[..<r])) }
    for input in inputs {
      #expect(input.map { $0.1 }.sorted(by: Finding.ordered).map(\.span.line) == expected.map { $0.1.span.line })
      #expect(input.sorted { Finding.ordered($0.1, $1.1) }.map { $0.0 } == expected.map { $0.0 })
    }
    // Line 10 sorts after line 2 numerically, not as text.
    #expect(Finding.ordered(expected[0].1, expected[1].1))
    #expect(!Finding.ordered(expected[1].1, expected[1].1))
  }

  @Test func withSeverityChangesOnlyTheSeverity() {
    let f = Self.finding("a", "drafts/flood.md", 3, 7).1
    let e = f.with(severity: .error)
    #expect(e.severity == .error)
    #expect(e.message == f.message)
    #expect(e.span == f.span)
    #expect(Severity.note < .warning && Severity.warning < .error)
  }

  @Test func notesSortBySpanThenMessageWithUnplacedNotesLast() {
    let notes = [
      Note(span: nil, message: "source withdrew the figure"),
      Note(span: Self.span("sources/wire.txt", 9, 41, offset: 300), message: "source reports about 900 residents evacuated"),
      Note(span: nil, message: "also reported by radio"),
      Note(span: Self.span("sources/agency.txt", 3, 12, offset: 80), message: "source reports nearly 900 residents evacuated"),
      Note(span: Self.span("sources/wire.txt", 2, 1, offset: 20), message: "source reports 900 residents evacuated"),
      Note(span: Self.span("sources/wire.txt", 2, 1, offset: 20), message: "another reading of the same sentence"),
    ]
    #expect(notes.sorted().map(\.message) == [
      "source reports nearly 900 residents evacuated",
      "another reading of the same sentence",
      "source reports 900 residents evacuated",
      "source reports about 900 residents evacuated",
      "also reported by radio",
      "source withdrew the figure",
    ])
  }

  @Test func inputProblemsSortByPathLineAndMessage() {
    let problems = [
      InputProblem(path: "sources/scan.pdf", message: "file looks binary; expected text, Markdown, or HTML"),
      InputProblem(path: "rules/lexicons/qualifiers.tsv", line: 17, column: 9, message: "unknown direction 'abuot'"),
      InputProblem(path: "rules/lexicons/qualifiers.tsv", line: 4, column: 1, message: "empty field"),
      InputProblem(path: "rules/lexicons/qualifiers.tsv", message: "cannot read file"),
      InputProblem(path: "sources/portal.html", message: "b message"),
      InputProblem(path: "sources/portal.html", message: "a message"),
    ]
    #expect(problems.sorted().map(\.description) == [
      "rules/lexicons/qualifiers.tsv: error: cannot read file",
      "rules/lexicons/qualifiers.tsv:4:1: error: empty field",
      "rules/lexicons/qualifiers.tsv:17:9: error: unknown direction 'abuot'",
      "sources/portal.html: error: a message",
      "sources/portal.html: error: b message",
      "sources/scan.pdf: error: file looks binary; expected text, Markdown, or HTML",
    ])
  }

  @Test func inputProblemDescriptions() {
    #expect(InputProblem(path: "a.md", line: 3, message: "x", severity: .warning).description == "a.md:3: warning: x")
    #expect(InputProblem(path: "a.md", column: 3, message: "x", severity: .note).description == "a.md: note: x")
    let fromData = InputProblem(DataFileError(path: "rules/rules.json", line: 4, column: 12, message: "expected ',' or '}'"))
    #expect(fromData.description == "rules/rules.json:4:12: error: expected ',' or '}'")
    let fromInput = InputProblem(InputError.notFound(path: "sources/missing.txt"))
    #expect(fromInput.description == "sources/missing.txt: error: no such file or directory")
    #expect(fromInput.severity == .error)
  }

  // MARK: input errors

  struct InputErrorCase: Sendable, CustomTestStringConvertible {
    var id: String
    var error: InputError
    var message: String
    var checked: Bool = false
    var testDescription: String { id }
  }

  static let inputErrorCases: [InputErrorCase] = [
    InputErrorCase(
      id: "unreadable", error: .unreadable(path: "sources/wire.txt", reason: "permission denied"),
      message: "cannot read file: permission denied"),
    InputErrorCase(id: "not found", error: .notFound(path: "sources/wire.txt"), message: "no such file or directory"),
    InputErrorCase(
      id: "invalid UTF-8", error: .invalidUTF8(path: "sources/wire.txt", byteOffset: 1532),
      message: "file is not valid UTF-8 (first bad byte at offset 1532); read with replacement characters", checked: true),
    InputErrorCase(
      id: "binary", error: .binaryContent(path: "sources/wire.txt"),
      message: "file looks binary; expected text, Markdown, or HTML"),
    InputErrorCase(
      id: "too large", error: .tooLarge(path: "sources/wire.txt", bytes: 9_000_000, limit: 8_388_608),
      message: "file is 9000000 bytes, over the size limit of 8388608 bytes (raise it with --max-file-size)"),
    InputErrorCase(
      id: "unsupported encoding", error: .unsupportedEncoding(path: "sources/wire.txt", encoding: "UTF-16LE"),
      message: "unsupported text encoding 'UTF-16LE'"),
    InputErrorCase(
      id: "unsupported type", error: .unsupportedType(path: "sources/wire.txt"),
      message: "unsupported file type; expected .txt, .md, .markdown, .html, or .htm"),
    InputErrorCase(
      id: "directory as draft", error: .directoryAsDraft(path: "sources/wire.txt"),
      message: "the draft is a directory; give one article file as the draft"),
    InputErrorCase(
      id: "FIFO", error: .notRegularFile(path: "sources/wire.txt", kind: "a FIFO"),
      message: "not a regular file (a FIFO); expected a text, Markdown, or HTML file"),
  ]

  @Test(arguments: inputErrorCases)
  func inputErrorWording(_ c: InputErrorCase) throws {
    #expect(c.error.message == c.message)
    #expect(c.error.path == "sources/wire.txt")
    #expect(c.error.description == "sources/wire.txt: error: \(c.message)")
    #expect(c.error.fileWasChecked == c.checked)
    let first = try #require(c.error.message.first)
    #expect(!first.isUppercase)
    #expect(!c.error.message.hasSuffix("."))
  }
}
