import ClaimLint
import ClaimLintCore
import ClaimLintExtraction
import ClaimLintTestSupport
import Testing

/// Issue #8: NUL bytes, very long lines and huge attributes are read without a crash and in time that
/// grows linearly with their size. The sizes are chosen so that each test takes well under a second
/// in a debug build, while the quadratic behaviour these tests guard against (a column counted from the
/// line start for every position, a title run rescanned from every capitalised word, rules that scan a
/// whole sentence once per figure in it) took minutes on the same input; the time limit turns such a
/// regression into a failure instead of a stalled suite.
@Suite(.timeLimit(.minutes(1))) struct HostileInputTests {
  let pipeline = DocumentPipeline(configuration: TestSupport.configuration)

  /// A plain-text file of suppression directives and nothing else crashed the reader (a range of
  /// lines counted from zero minus one) until the eighteenth session: it now checks as an article
  /// without reportage, a note, and the unused directive is reported as such.
  @Test func aFileOfDirectivesAloneIsANoteNotACrash() {
    for text in ["claimlint-disable quantity-mismatch\n", "claimlint-disable\nclaimlint-enable\n", "claimlint-disable-next-line"] {
      let report = TestSupport.check([("notes.txt", text), ("wire.txt", "Police arrested 40 suspects on Monday, officials said.\n")])
      #expect(report.inputErrors.contains { $0.path == "notes.txt" && $0.severity == .note }, "\(text): \(report.inputErrors.map(\.description))")
      #expect(!report.inputErrors.contains { $0.severity == .error }, "\(report.inputErrors.map(\.description))")
    }
  }

  /// One line of 600 sentences: positions at its end are still exact.
  @Test func issue8LongSingleLineOfProse() throws {
    let sentence = "Police arrested 40 suspects on Monday, officials said. "
    let text = String(repeating: sentence, count: 600) + "Firefighters rescued 12 residents."
    let out = pipeline.process(bytes: Array(text.utf8), displayPath: "wire.txt")
    let report = try #require(out.report)
    #expect(out.problems.isEmpty)
    #expect(report.claims.filter { $0.kind == .quantity }.count >= 600)
    let last = try #require(report.claims.last { $0.span.text.contains("12") })
    #expect(last.span.line == 1)
    #expect(last.span.column == sentence.unicodeScalars.count * 600 + "Firefighters rescued ".count + 1)
  }

  /// A line with no sentence end at all: sentences are cut at white space, none longer than the limit.
  @Test func issue8LongLineWithoutSentenceEnds() {
    let text = String(repeating: "the minister said 40 people were evacuated on Monday and ", count: 1_500)
    let sentences = SentenceSplitter(abbreviations: []).split(text)
    #expect(sentences.count > 1)
    #expect(sentences.allSatisfy { $0.count <= SentenceSplitter.maxSentenceBytes })
    let bytes = Array(text.utf8)
    #expect(sentences.allSatisfy { bytes[$0.lowerBound] != 0x20 && bytes[$0.upperBound - 1] != 0x20 }, "cut at white space")
    #expect(pipeline.process(bytes: bytes, displayPath: "notes.txt").report != nil)
  }

  /// A single token with no white space is cut at code-point boundaries, never inside a character.
  @Test func issue8LongTokenIsCutBetweenCharacters() {
    let text = String(repeating: "水位", count: 3_000)
    let bytes = Array(text.utf8)
    let sentences = SentenceSplitter(abbreviations: []).split(text)
    #expect(sentences.count > 1)
    #expect(sentences.allSatisfy { bytes[$0.lowerBound] & 0xC0 != 0x80 })
    #expect(sentences.map(\.count).reduce(0, +) == bytes.count)
  }

  /// Thousands of capitalised words in a row (a scraped tag cloud) are not a title.
  @Test func issue8LongRunOfCapitalisedWords() throws {
    let text = String(repeating: "Flood Rescue Volunteers ", count: 3_000) + "\n"
    let out = pipeline.process(bytes: Array(text.utf8), displayPath: "tags.txt")
    #expect(try #require(out.report).claims.allSatisfy { $0.kind != .title })
  }

  @Test func issue8ManyFiguresInOneSentence() throws {
    let text = "Prices rose " + String(repeating: "5%, ", count: 2_000) + "the statistics office said.\n"
    let out = pipeline.process(bytes: Array(text.utf8), displayPath: "prices.txt")
    #expect(try #require(out.report).claims.count >= 2_000)
    let report = TestSupport.checker().check([out], draftPath: nil)
    #expect(report.inputErrors.isEmpty)
  }

  /// An attribute value of three million characters, and one left open to the end of the file.
  @Test func issue8HugeHTMLAttribute() throws {
    let huge = String(repeating: "x", count: 3_000_000)
    let page = "<html><body><p title=\"\(huge)\">Police arrested 40 suspects on Monday.</p></body></html>"
    let report = try #require(pipeline.process(bytes: Array(page.utf8), displayPath: "page.html").report)
    let claim = try #require(report.claims.first { $0.span.text.contains("40") })
    #expect(claim.span.line == 1)
    #expect(claim.span.column == "<html><body><p title=\"".count + huge.count + "\">Police arrested ".count + 1)
    let open = "<html><body><p>Police arrested 40 suspects.</p><p title=\"" + huge
    #expect(pipeline.process(bytes: Array(open.utf8), displayPath: "open.html").report != nil)
  }

  /// A NUL byte near the start means a binary file; one further in (a stray byte in a long export) is
  /// read as text, and positions after it stay exact.
  @Test func issue8NULBytes() throws {
    let early = pipeline.process(bytes: Array("Police\u{0}arrested 40 suspects.".utf8), displayPath: "early.txt")
    #expect(early.report == nil)
    #expect(early.problems.map(\.message) == ["file looks binary; expected text, Markdown, or HTML"])

    var bytes = Array(String(repeating: "The council met on Tuesday.\n", count: 400).utf8)
    bytes += [0x00] + Array("\nPolice arrested 40 suspects on Monday.\n".utf8)
    let late = pipeline.process(bytes: bytes, displayPath: "late.txt")
    let report = try #require(late.report)
    let claim = try #require(report.claims.first { $0.span.text.contains("40") })
    #expect(claim.span.line == 402)
    #expect(claim.span.column == "Police arrested ".count + 1)
  }

  /// Without a NUL, a file is binary when more than a tenth of its first 8 KB are control characters
  /// other than tabs and line breaks; every one counts, wherever it falls.
  @Test(arguments: [(8, false), (14, true)])
  func issue8ControlCharacters(perHundred: Int, binary: Bool) {
    let line = Array("Police arrested 40 suspects on Monday in the port.\t\n".utf8)
    var bytes: [UInt8] = []
    var k = 0
    while bytes.count < 4000 {
      bytes += line
      // Control bytes at every offset modulo eight, so none hides inside a word of plain text.
      for _ in 0..<(perHundred * line.count / 100) {
        bytes.insert(UInt8(1 + k % 8), at: bytes.count - 1 - k % 7)
        k += 1
      }
    }
    let share = Double(bytes.filter { $0 < 0x09 }.count) / Double(bytes.count)
    #expect(binary ? share > 0.1 : share < 0.1)
    let out = pipeline.process(bytes: bytes, displayPath: "feed.txt")
    #expect((out.report == nil) == binary, "control share \(share)")
  }
}
