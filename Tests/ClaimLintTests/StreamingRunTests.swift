import ClaimLintCore
import ClaimLintReporting
import ClaimLintRules
import ClaimLintTestSupport
import Foundation
import Testing

@testable import ClaimLint

/// A large run is checked story by story (`Checker.checkStreaming`) and keeps only what its report
/// shows; it must find exactly what a run held in memory finds, and say it the same way.
struct StreamingRunTests {
  static let towns = [
    "Ashford", "Belmere", "Corran", "Dunholt", "Elsworth", "Farrow", "Glenmoor", "Harwick", "Islay", "Jarrow", "Kelso", "Lanark",
    "Morven", "Nairn", "Oban",
  ]
  static let officials = [
    "Mayor Ruth Okafor", "Mayor Daniel Pryce", "Mayor Ines Varga", "Mayor Tomas Reyes", "Mayor Alice Moreau", "Mayor Sunil Rao",
    "Mayor Greta Lind", "Mayor Owen Hale", "Mayor Nadia Petrov", "Mayor Felix Brandt", "Mayor Chloe Martin", "Mayor Ivan Horvat",
    "Mayor Lucia Ferri", "Mayor Marek Novak", "Mayor Hana Sato",
  ]
  static let things = ["footbridges", "classrooms", "bus shelters", "water pumps", "street lamps"]
  static let outlets = ["courier", "gazette", "herald", "post"]

  /// Four outlets' articles about story `k`, each in its own words (copies are not compared): each
  /// story has its own town, official and figures; the third outlet gets the number of evacuees
  /// wrong, the fourth the weekday of the vote.
  static func article(story k: Int, outlet o: Int) -> String {
    let town = towns[k]
    let thing = things[k % things.count]
    // Written as newspapers write them: "1,918", which "1918" (a year) is not.
    let count = o == 2 ? 1_000 + 37 * k : 1_400 + 37 * k
    let evacuated = "\(count / 1000)," + String(String(count % 1000 + 1000).dropFirst())
    let weekday = o == 3 ? "Tuesday" : "Thursday"
    let official = officials[k]
    let body: [String]
    switch o {
    case 0:
      body = [
        "Floods forced the evacuation of \(evacuated) residents from the lower districts of \(town), \(official) said.",
        "The council of \(town) voted on \(weekday) to build \(12 + k) new \(thing) on higher ground.",
        "Rescue crews reached stranded families near the \(town) weir before nightfall.",
      ]
    case 1:
      body = [
        "\(official) told reporters that \(evacuated) residents had been evacuated as the river burst its banks in \(town).",
        "Councillors in \(town) agreed on \(weekday) to put up \(12 + k) new \(thing) away from the flood plain.",
        "Volunteers handed out blankets at the \(town) sports hall, where most evacuees spent the night.",
      ]
    case 2:
      body = [
        "About \(evacuated) residents of \(town) left their homes after days of rain, according to \(official).",
        "On \(weekday) the \(town) council approved \(12 + k) new \(thing), to be built on safer land.",
        "Engineers were inspecting the \(town) weir and the old railway embankment for damage.",
      ]
    default:
      body = [
        "In \(town), \(evacuated) residents were moved to safety as flood water rose, \(official) said on the radio.",
        "The \(town) council decided on \(weekday) that \(12 + k) new \(thing) would go up on the hillside.",
        "Farmers outside \(town) said the water had ruined the spring planting across the valley.",
      ]
    }
    var lines = ["2024-05-1\(o + 1)", "", "Flooding in \(town) forces evacuations", ""]
    for paragraph in body { lines += [paragraph, ""] }
    if o == 1 { lines += ["Comments", "", "Jo from \(town): I heard 9,000 people left, not \(evacuated).", ""] }
    return lines.joined(separator: "\n")
  }

  /// Sixty articles (fifteen stories, four outlets each) written to a scratch folder.
  static func corpus() throws -> [InputFile] {
    let dir = TestScratch.folder("streaming")
    var files: [InputFile] = []
    for k in towns.indices {
      for o in outlets.indices {
        let name = "\(outlets[o])/\(towns[k].lowercased()).txt"
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(article(story: k, outlet: o).utf8).write(to: url)
        files.append(InputFile(displayPath: name, filePath: url.path))
      }
    }
    return files
  }

  static let checker = Checker(configuration: TestSupport.configuration)

  @Test func storyByStoryFindsWhatTheWholeRunFinds() throws {
    let files = try Self.corpus()
    #expect(files.count >= 50, "large enough for the story gate")
    let inMemory = Self.checker.check(Self.checker.process(files), draftPath: nil)
    let streamed = Self.checker.checkStreaming(files, draftPath: nil)
    // Every story's drifted evacuee count and weekday is found, and nothing across stories.
    let rules = Set(inMemory.findings.map(\.ruleID))
    #expect(rules.contains("quantity-mismatch"))
    #expect(inMemory.findings.filter { $0.ruleID == "quantity-mismatch" }.count == Self.towns.count)
    #expect(inMemory.findings.filter { $0.ruleID == "date-mismatch" }.count == Self.towns.count)
    #expect(streamed.findings == inMemory.findings)
    #expect(streamed.inputErrors == inMemory.inputErrors)
    let options = ReportOptions(color: false, snippets: true)
    for format in ["json", "sarif", "text", "junit", "rdjsonl", "github"] {
      let reporter = try #require(Reporters.named(format))
      #expect(reporter.render(streamed, options: options) == reporter.render(inMemory, options: options), "\(format) output")
    }
  }

  @Test func checkedStoriesKeepOnlyWhatTheReportShows() throws {
    let files = try Self.corpus()
    let inMemory = Self.checker.check(Self.checker.process(files), draftPath: nil)
    let streamed = Self.checker.checkStreaming(files, draftPath: nil)
    var quoted = Set<String>()
    for f in streamed.findings {
      quoted.insert(f.span.path)
      for n in f.notes { if let p = n.span?.path { quoted.insert(p) } }
    }
    #expect(!quoted.isEmpty)
    #expect(streamed.documents.count == inMemory.documents.count)
    for (s, m) in zip(streamed.documents, inMemory.documents) {
      #expect(s.document.path == m.document.path)
      #expect(s.isReleased && s.claims.isEmpty && s.claimCount == m.claims.count && s.claimCount > 0)
      #expect(s.document.segments.allSatisfy { $0.text.isEmpty })
      #expect(s.document.segments.map(\.sourceStart) == m.document.segments.map(\.sourceStart))
      #expect(s.document.segments.map(\.sourceEnd) == m.document.segments.map(\.sourceEnd))
      #expect(s.document.source.bytes.isEmpty != quoted.contains(s.document.path), "\(s.document.path) keeps its bytes only when quoted")
    }
  }

  @Test func reportsThatCarryEveryPositionKeepNoArticleBytes() throws {
    let files = try Self.corpus()
    let checker = Checker(configuration: TestSupport.configuration, options: CheckerOptions(keepQuotedSources: false))
    let streamed = checker.checkStreaming(files, draftPath: nil)
    let inMemory = checker.check(checker.process(files), draftPath: nil)
    #expect(!streamed.findings.isEmpty)
    #expect(streamed.documents.allSatisfy { $0.document.source.bytes.isEmpty })
    // Every format that says it quotes no lines renders the same without the articles' bytes.
    let options = ReportOptions(color: false, snippets: true)
    let positionsOnly = Reporters.all.filter { !$0.quotesSourceLines && !$0.showsEveryClaim }
    #expect(positionsOnly.map { $0.identifier }.sorted() == ["json", "junit"])
    for reporter in positionsOnly {
      #expect(reporter.render(streamed, options: options) == reporter.render(inMemory, options: options), "\(reporter.identifier)")
    }
  }

  @Test func badFilesInALargeRunAreReportedOnceAndTheRestIsChecked() throws {
    var files = try Self.corpus()
    let dir = TestScratch.folder("streaming-bad")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let bad: [(String, [UInt8])] = [
      ("zz/empty.txt", []),
      ("zz/binary.txt", [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47] + Array(repeating: 0, count: 200)),
      ("zz/latin1.txt", Array("Floods forced 300 people from their homes in Gen\u{E8}ve on Monday, officials said.\n".utf8) + [0xE9, 0x0A]),
    ]
    for (name, bytes) in bad {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
      files.append(InputFile(displayPath: name, filePath: url.path))
    }
    files.append(InputFile(displayPath: "zz/missing.txt", filePath: dir.appendingPathComponent("zz/missing.txt").path))
    let inMemory = Self.checker.check(Self.checker.process(files), draftPath: nil)
    let streamed = Self.checker.checkStreaming(files, draftPath: nil)
    #expect(streamed.inputErrors == inMemory.inputErrors)
    for name in ["zz/empty.txt", "zz/binary.txt", "zz/latin1.txt", "zz/missing.txt"] {
      #expect(streamed.inputErrors.filter { $0.path == name }.count == 1, "\(name) is reported once")
    }
    #expect(streamed.findings == inMemory.findings)
    #expect(streamed.findings.filter { $0.ruleID == "quantity-mismatch" }.count == Self.towns.count)
  }

  @Test func aDraftIsCheckedAgainstItsStoryOnly() throws {
    let files = try Self.corpus()
    let draft = "gazette/corran.txt"
    let inMemory = Self.checker.check(Self.checker.process(files), draftPath: draft)
    let streamed = Self.checker.checkStreaming(files, draftPath: draft)
    #expect(streamed.draftPath == draft)
    #expect(!streamed.findings.isEmpty)
    #expect(streamed.findings.allSatisfy { $0.span.path == draft })
    #expect(streamed.findings == inMemory.findings)
  }

  /// Documents kept from the first pass and documents read again are checked alike, whatever share
  /// of them the budget keeps.
  @Test func theBudgetForKeptDocumentsDoesNotChangeTheReport() throws {
    let files = try Self.corpus()
    let pipeline = DocumentPipeline(configuration: TestSupport.configuration)
    let one = try #require(pipeline.prepare(files[0]).document.map { _ in pipeline.prepare(files[0]).approximateSize })
    #expect(one > 500, "a prepared article counts its bytes, segments and maps")
    let reference = JSONReporter.render(Self.checker.checkStreaming(files, draftPath: nil), options: ReportOptions())
    for budget in [0, one * 10, one * files.count / 2] {
      let checker = Checker(configuration: TestSupport.configuration, options: CheckerOptions(preparedBudget: budget))
      #expect(JSONReporter.render(checker.checkStreaming(files, draftPath: nil), options: ReportOptions()) == reference, "budget \(budget)")
    }
  }

  /// The corpus with a wire copy of every story's third article (same text, own file): syndicated
  /// copies are grouped by their shingles, which the first pass keeps from the same budget as the
  /// documents; copies whose shingles were kept and copies read again are grouped alike.
  static func corpusWithWireCopies() throws -> [InputFile] {
    var files = try corpus()
    let dir = TestScratch.folder("streaming-wire")
    for k in towns.indices {
      let name = "wire/\(towns[k].lowercased()).txt"
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(article(story: k, outlet: 2).utf8).write(to: url)
      files.append(InputFile(displayPath: name, filePath: url.path))
    }
    return files
  }

  @Test func syndicatedCopiesAreFoundWhateverTheBudgetKeeps() throws {
    let files = try Self.corpusWithWireCopies()
    // The wire copy is a syndicated copy of the herald's article, and of nothing else.
    let pipeline = DocumentPipeline(configuration: TestSupport.configuration)
    let first = files.filter { $0.displayPath.hasSuffix("/\(Self.towns[0].lowercased()).txt") }.sorted { $0.displayPath < $1.displayPath }
    #expect(first.map(\.displayPath) == ["courier/ashford.txt", "gazette/ashford.txt", "herald/ashford.txt", "post/ashford.txt", "wire/ashford.txt"])
    let groups = Syndication.groups(first.compactMap { pipeline.prepare($0).document })
    #expect(groups == [0, 1, 2, 3, 2])
    let inMemory = Self.checker.check(Self.checker.process(files), draftPath: nil)
    let reference = JSONReporter.render(Self.checker.checkStreaming(files, draftPath: nil), options: ReportOptions())
    #expect(JSONReporter.render(inMemory, options: ReportOptions()) == reference)
    let one = pipeline.prepare(files[0]).approximateSize
    // None kept; a few documents and no shingles; some documents compacted and the others read
    // again; every document compacted; everything kept as it is.
    for budget in [0, one * 3, one * files.count / 5, one * files.count / 2, one * files.count * 4] {
      let checker = Checker(configuration: TestSupport.configuration, options: CheckerOptions(preparedBudget: budget))
      #expect(JSONReporter.render(checker.checkStreaming(files, draftPath: nil), options: ReportOptions()) == reference, "budget \(budget)")
    }
  }

  @Test func theOrderOfTheFilesAndThreadsDoNotMatter() throws {
    let files = try Self.corpus()
    let reference = JSONReporter.render(Self.checker.checkStreaming(files, draftPath: nil), options: ReportOptions())
    var generator = SplitMix(seed: 7)
    for threads in [1, 3] {
      let checker = Checker(configuration: TestSupport.configuration, options: CheckerOptions(threads: threads))
      let shuffled = files.shuffled(using: &generator)
      #expect(JSONReporter.render(checker.checkStreaming(shuffled, draftPath: nil), options: ReportOptions()) == reference)
    }
  }
}
