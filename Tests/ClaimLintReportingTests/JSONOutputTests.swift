import ClaimLintCore
import Foundation
import Testing

@testable import ClaimLintReporting

/// The reporters write JSON key by key into a `JSONOutput`; the bytes must be exactly what
/// Foundation's `JSONEncoder` prints for the `Encodable` models of the same objects.
struct JSONOutputTests {
  /// Edge cases of JSON text: escapes, numbers, empty and nested containers, key order.
  struct Edge: Encodable {
    var text: String
    var numbers: [JSONNumber]
    var empty: [String]
    var emptyObject: [String: String]
    var nested: [[String: [Int]]]
    var flag: Bool
    var missing: Nullable<String>
    var properties: [String: String]
  }

  static var edge: Edge { Edge(
    text: "quote \" backslash \\ slash / tab \t newline \n return \r bell \u{07} nul \u{00} escape \u{1B} del \u{7F} — “curly” 漢字 🙂 \u{2028}",
    numbers: [
      JSONNumber(0.1), JSONNumber(2.5), JSONNumber(-0.5), JSONNumber(1e-7), JSONNumber(1.5e21), JSONNumber(123456.789),
      JSONNumber(50_000), JSONNumber(-3), JSONNumber(.nan), JSONNumber(4.5e9), JSONNumber(1.0 / 3.0),
    ],
    empty: [], emptyObject: [:], nested: [["b": [1, 2], "a": []], [:]], flag: true, missing: Nullable(nil),
    properties: ["zeta": "1", "Alpha": "2", "alpha": "3", "_x": "4", "10": "5", "9": "6"]) }

  /// `Self.edge` written by hand, keys in sorted order.
  func writeEdge(_ edge: Edge, pretty: Bool) -> String {
    var out = JSONOutput(pretty: pretty)
    out.beginObject()
    out.key("empty")
    out.strings(edge.empty)
    out.key("emptyObject")
    out.stringObject(edge.emptyObject)
    out.key("flag")
    out.bool(edge.flag)
    out.key("missing")
    out.string(edge.missing.value)
    out.key("nested")
    out.beginArray()
    for object in edge.nested {
      out.beginObject()
      for (name, numbers) in object.sorted(by: { $0.key < $1.key }) {
        out.key(escaping: name)
        out.beginArray()
        for n in numbers { out.int(n) }
        out.endArray()
      }
      out.endObject()
    }
    out.endArray()
    out.key("numbers")
    out.beginArray()
    for number in edge.numbers { out.number(number.value) }
    out.endArray()
    out.key("properties")
    out.stringObject(edge.properties)
    out.key("text")
    out.string(edge.text)
    out.endObject()
    return out.text
  }

  @Test(arguments: [true, false])
  func edgeCasesMatchJSONEncoder(pretty: Bool) {
    #expect(writeEdge(Self.edge, pretty: pretty) == JSONReporter.foundationJSON(Self.edge, pretty: pretty))
  }

  @Test func integersAndDatesMatchTheirDescriptions() {
    let integers = [0, 7, 9, 10, -1, -10, 123_456_789, Int.max, Int.min]
    var out = JSONOutput(pretty: false)
    out.beginArray()
    for n in integers { out.int(n) }
    out.endArray()
    #expect(out.text == "[" + integers.map(String.init).joined(separator: ",") + "]")

    let dates = [
      CalendarDate(year: 2024, month: 8, day: 3), CalendarDate(year: 999, month: 12, day: 31),
      CalendarDate(year: 12_345, month: 1, day: 1), CalendarDate(year: -44, month: 3, day: 15),
    ].compactMap { $0 }
    #expect(dates.count == 4)
    var dated = JSONOutput(pretty: false)
    dated.beginArray()
    for date in dates { dated.date(date) }
    dated.endArray()
    #expect(dated.text == "[" + dates.map { "\"\($0.description)\"" }.joined(separator: ",") + "]")
  }

  static let reports: [@Sendable () -> Report] = [
    ReportFixture.checkReport, ReportFixture.cleanReport, ReportFixture.claimsReport, ReportFixture.segmentsReport,
  ]

  @Test(arguments: 0..<4, [false, true])
  func jsonReportMatchesJSONEncoderOfTheModel(index: Int, includeText: Bool) {
    let report = Self.reports[index]()
    let options = ReportOptions(includeSegmentText: includeText)
    let model = JSONReportDocument(
      schemaVersion: JSONReporter.schemaVersion, kind: report.kind.rawValue,
      tool: JSONTool(name: report.tool.name, version: report.tool.version),
      mode: report.draftPath == nil ? "all" : "pre-publish", draft: Nullable(report.draftPath),
      documents: report.documents.map { JSONDocument($0, kind: report.kind, options: options) },
      findings: report.findings.map(JSONFinding.init), inputErrors: report.inputErrors.map(JSONInputError.init),
      summary: JSONSummary(ReportCounts(report)))
    #expect(JSONReporter.render(report, options: options) == JSONReporter.foundationJSON(model, pretty: true) + "\n")
  }

  /// The bytes the command line writes are exactly the rendered text, in every format and report kind
  /// (the fixtures quote curly quotes, dashes and accented names), with and without colour and snippets.
  @Test(arguments: 0..<4)
  func renderedBytesAreTheRenderedText(index: Int) {
    let report = Self.reports[index]()
    for reporter in Reporters.all {
      for options in [ReportOptions(), ReportOptions(color: true, snippets: false, includeSegmentText: true)] {
        let bytes = reporter.renderBytes(report, options: options)
        #expect(!bytes.isEmpty || report.findings.isEmpty, "\(reporter.identifier)")
        #expect(bytes == Array(reporter.render(report, options: options).utf8), "\(reporter.identifier)")
        #expect(String(validating: bytes, as: UTF8.self) != nil, "\(reporter.identifier) writes valid UTF-8")
        let streamed = Chunks()
        reporter.stream(report, options: options) { streamed.list.append($0) }
        #expect(streamed.list.flatMap { $0 } == bytes, "\(reporter.identifier) streams its bytes")
      }
    }
  }

  /// A `JSONOutput` is a value: a copy shares its buffer until one of the two writes, and then each
  /// writes its own bytes (the buffer is memory of its own, not an array that copies itself).
  /// A key written from a precomputed run gives the bytes and state of `key(_:)` with its name, at the
  /// run's depth (one run of bytes) and elsewhere (where it falls back to `key(_:)`), pretty or not.
  @Test(arguments: [true, false])
  func keyRunsWriteWhatTheirNamesWrite(pretty: Bool) {
    let runs = [KeyRun("author", depth: 2, first: true), KeyRun("endLine", depth: 2), KeyRun("kind", depth: 2)]
    let deeper = [KeyRun("author", depth: 3, first: true), KeyRun("endLine", depth: 3)]
    // first-key runs used second and the other way round, at depths that match and that do not.
    for order in [[0, 1, 2], [1, 0, 2], [0, 0, 1]] {
      var byName = JSONOutput(pretty: pretty)
      var byRun = JSONOutput(pretty: pretty)
      for out in [0, 1] {
        var o = out == 0 ? byName : byRun
        o.beginArray()
        for _ in 0..<2 {
          o.beginObject()
          for k in order {
            if out == 0 { o.key(runs[k].name) } else { o.key(runs[k]) }
            o.int(k)
          }
          o.key("nested")
          o.beginObject()
          for k in deeper.indices {
            if out == 0 { o.key(deeper[k].name) } else { o.key(deeper[k]) }
            o.string("x\(k)")
          }
          o.endObject()
          o.endObject()
        }
        o.endArray()
        if out == 0 { byName = o } else { byRun = o }
      }
      #expect(byRun.text == byName.text)
      #expect(byRun.text.contains("endLine"))
    }
    #expect(runs[1].bytes.elementsEqual(Array(",\n    \"endLine\" : ".utf8)))
  }

  @Test func aCopiedOutputWritesIndependently() {
    var first = JSONOutput(pretty: true, capacity: 4096)
    first.beginObject()
    first.key("a")
    var second = first
    first.string("first")
    second.int(2)
    first.endObject()
    second.endObject()
    #expect(first.text == "{\n  \"a\" : \"first\"\n}")
    #expect(second.text == "{\n  \"a\" : 2\n}")
    // Growing past the first capacity keeps what was written.
    var long = JSONOutput(pretty: false, capacity: 1)
    long.beginArray()
    for i in 0..<500 { long.string("entry \(i) \u{1}") }
    long.endArray()
    #expect(long.text == JSONReporter.foundationJSON((0..<500).map { "entry \($0) \u{1}" }, pretty: false))
    let text = long.text
    #expect(long.takeBytes() == Array(text.utf8))
    #expect(long.count == 0 && long.text.isEmpty)
  }

  /// A large report is written in chunks of about a megabyte, never whole, and the chunks are the report.
  @Test func aLargeJSONReportIsStreamedInChunks() {
    var report = ReportFixture.checkReport()
    let one = report.documents
    report.documents = (0..<3000).flatMap { _ in one }
    let whole = JSONReporter.renderBytes(report, options: ReportOptions())
    #expect(whole.count > 3 * JSONOutput.flushSize)
    let streamed = Chunks()
    JSONReporter.stream(report, options: ReportOptions()) { streamed.list.append($0) }
    #expect(streamed.list.count >= 3)
    #expect(streamed.list.allSatisfy { $0.count < 2 * JSONOutput.flushSize })
    #expect(streamed.list.flatMap { $0 } == whole)
  }

  /// Documents and findings of a long report are written in groups on several threads and joined; the
  /// joins (separators, indentation) are those of one writer: JSONEncoder's bytes, and the same on one
  /// thread as on several.
  @Test func aLongReportWrittenInParallelIsTheSameReport() {
    var report = ReportFixture.checkReport()
    report.documents = (0..<40).flatMap { _ in report.documents }
    report.findings = (0..<90).flatMap { _ in report.findings }
    #expect(report.documents.count > 64 && report.findings.count > 64, "long enough to be split in groups")
    let model = JSONReportDocument(
      schemaVersion: JSONReporter.schemaVersion, kind: report.kind.rawValue,
      tool: JSONTool(name: report.tool.name, version: report.tool.version),
      mode: report.draftPath == nil ? "all" : "pre-publish", draft: Nullable(report.draftPath),
      documents: report.documents.map { JSONDocument($0, kind: report.kind, options: ReportOptions()) },
      findings: report.findings.map(JSONFinding.init), inputErrors: report.inputErrors.map(JSONInputError.init),
      summary: JSONSummary(ReportCounts(report)))
    #expect(JSONReporter.render(report, options: ReportOptions()) == JSONReporter.foundationJSON(model, pretty: true) + "\n")
    for pretty in [true, false] {
      var serial = JSONOutput(pretty: pretty)
      var parallel = JSONOutput(pretty: pretty)
      for (out, threads) in [(0, 1), (1, 3)] {
        var o = JSONOutput(pretty: pretty)
        o.beginObject()
        o.key("findings")
        o.beginArray()
        JSONReporter.writeEntries(report.findings, into: &o, threads: threads) { f, out in JSONReporter.writeFinding(f.pointee, into: &out) }
        o.endArray()
        o.key("tail")
        o.int(1)
        o.endObject()
        if out == 0 { serial = o } else { parallel = o }
      }
      #expect(parallel.bytes == serial.bytes, "pretty: \(pretty)")
    }
  }

  @Test(arguments: 0..<4)
  func sarifLogMatchesJSONEncoderOfTheModel(index: Int) {
    let report = Self.reports[index]()
    let log = SARIFReporter.log(for: report)
    #expect(SARIFReporter.render(report, options: ReportOptions()) == JSONReporter.foundationJSON(log, pretty: true) + "\n")
  }

  @Test func claimsOfEveryKindMatchJSONEncoder() {
    let span = ReportFixture.span(ReportFixture.wire, "About 900 residents")
    let claims: [Claim] = [
      Claim(kind: .quantity, layer: .reportage, span: span, sentence: "s", hedges: ["about"],
            quantity: Quantity(value: 2.5, low: nil, high: 1e22, qualifier: "about")),
      Claim(kind: .quantity, layer: .reportage, span: span, sentence: "s"),
      Claim(kind: .date, layer: .reportage, span: span, sentence: "s",
            date: DateMention(resolved: CalendarDate(year: 2024, month: 8, day: 13), isRelative: true, statedWeekday: 2)),
      Claim(kind: .date, layer: .comment, span: span, sentence: "s", commentAuthor: "x"),
      Claim(kind: .attribution, layer: .reportage, span: span, sentence: "s",
            attribution: Attribution(speaker: "Ana", speakerText: "Ana Ruiz", verb: "said", content: "c", isQuote: false)),
      Claim(kind: .quote, layer: .reportage, span: span, sentence: "\"q\"\n"),
      Claim(kind: .title, layer: .reportage, span: span, sentence: "s",
            title: PersonTitle(person: "Ana", title: "mayor", roles: ["mayor"])),
      Claim(kind: .event, layer: .reportage, span: span, sentence: "s",
            event: EventMention(type: "visit", participants: ["a", "b"], place: nil, date: CalendarDate(year: 2024, month: 1, day: 2))),
      Claim(kind: .event, layer: .reportage, span: span, sentence: "s"),
    ]
    for (index, claim) in claims.enumerated() {
      for pretty in [true, false] {
        var out = JSONOutput(pretty: pretty)
        JSONReporter.writeClaim(claim, corroboration: index % 2 == 0 ? index : nil, into: &out)
        let model = JSONClaim(claim, corroboration: index % 2 == 0 ? index : nil)
        #expect(out.text == JSONReporter.foundationJSON(model, pretty: pretty), "claim \(index) (\(claim.kind))")
      }
    }
  }
}

/// Collects the chunks a reporter streams.
private final class Chunks: @unchecked Sendable {
  var list: [[UInt8]] = []
}
