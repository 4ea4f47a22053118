import ClaimLintCore
import ClaimLintRules
import ClaimLintTestSupport
import Testing

@testable import ClaimLint

/// Syndicated copies must be found whatever the size of the run: a paragraph that every article of a
/// site carries is boilerplate, not a sign that the articles are copies of each other.
struct SyndicationScaleTests {
  static let furniture = """
    The Valley Courier is an independent newspaper serving the river towns since 1921. Our reporters \
    cover councils, courts, schools and farming across the valley, and we correct our errors promptly. \
    Readers can reach the newsroom by telephone on weekdays or write to the editor at the town office.
    """

  static let towns = ["Ashford", "Belmere", "Corran", "Dunholt", "Elsworth", "Farrow", "Glenmoor", "Harwick", "Islay", "Jarrow"]
  static let things = ["footbridges", "classrooms", "bus shelters", "water pumps", "street lamps", "grain silos", "clinics", "ferry berths"]

  /// A story of its own for each pair of articles: town, figure, thing and weekday differ.
  static func story(_ k: Int) -> String {
    let town = towns[k % towns.count]
    let thing = things[k / towns.count % things.count]
    let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][k % 5]
    return """
      The council of \(town) approved \(k * 7 + 12) new \(thing) for the northern wards on \(weekday) after a \
      long debate, and the mayor said the first of them would open before the harvest. Residents of \(town) \
      had asked for the \(thing) for \(k % 9 + 2) years, according to a petition signed by \(k * 31 + 140) people.
      """
  }

  @Test func copiesAreFoundWhenEveryArticleCarriesTheSameFurniture() {
    let pipeline = DocumentPipeline(configuration: TestSupport.configuration)
    // 120 articles, 60 stories each published twice; every article ends with the site's furniture.
    let documents = (0..<120).map { d in
      pipeline.segment(SourceFile(path: "site/\(d).txt", text: Self.story(d / 2) + "\n\n" + Self.furniture + "\n"), format: .text)
    }
    let groups = Syndication.groups(documents)
    #expect(groups == documents.indices.map { $0 / 2 * 2 })
  }

  @Test func theBoilerplateLimitGrowsWithTheRun() {
    #expect(Syndication.commonLimit(documents: 100) == Syndication.window)
    #expect(Syndication.commonLimit(documents: 100_000) == 1000)
    #expect(StoryGate.commonLimit(documents: 300) == 200)
    #expect(StoryGate.commonLimit(documents: 1000) == 333)
    #expect(StoryGate.commonLimit(documents: 100_000) == 33_333)
  }
}
