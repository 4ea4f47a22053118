import ClaimLintCore
import ClaimLintExtraction
import Testing

/// One sentence, the article date, and what the date in `text` must resolve to.
struct DateCase: Sendable, CustomTestStringConvertible {
  var id: String
  var sentence: String
  var documentDate: String?
  var text: String
  var resolved: String?
  var resolvedEnd: String? = nil
  var isRelative: Bool
  var statedWeekday: Int? = nil
  var granularity: String = "day"
  /// A fragment the evidence must contain.
  var evidence: String? = nil
  var testDescription: String { id }
}

@Suite struct DateExtractorTests {
  static let absolute: [DateCase] = [
    DateCase(id: "month day with article year", sentence: "The ministers met on August 16 in Chiang Mai.", documentDate: "2024-08-17", text: "August 16", resolved: "2024-08-16", isRelative: true),
    DateCase(id: "abbreviated month", sentence: "The border reopened on Aug. 16 after the talks.", documentDate: "2024-08-20", text: "Aug. 16", resolved: "2024-08-16", isRelative: true),
    DateCase(id: "day month year", sentence: "The decree took effect on 16 August 2024.", documentDate: nil, text: "16 August 2024", resolved: "2024-08-16", isRelative: false, evidence: "stated date"),
    DateCase(id: "short month", sentence: "On Feb 5, power to the towns was cut.", documentDate: "2025-02-10", text: "Feb 5", resolved: "2025-02-05", isRelative: true),
    DateCase(id: "month day in the previous year", sentence: "The two last met on December 12 in the capital.", documentDate: "2025-01-08", text: "December 12", resolved: "2024-12-12", isRelative: true),
    DateCase(id: "month day without article date", sentence: "They met again on March 23 in Naypyitaw.", documentDate: nil, text: "March 23", resolved: nil, isRelative: false, evidence: "March 23, year unknown"),
    DateCase(id: "day range", sentence: "The minister toured the region from May 2 to 5.", documentDate: "2023-06-01", text: "May 2 to 5", resolved: "2023-05-02", resolvedEnd: "2023-05-05", isRelative: true),
    DateCase(id: "stated weekday", sentence: "The spokesman spoke on Monday, February 2, 2026, in Beijing.", documentDate: nil, text: "Monday, February 2, 2026", resolved: "2026-02-02", isRelative: false, statedWeekday: 1),
    DateCase(id: "ISO date", sentence: "The report is dated 2024-08-17.", documentDate: nil, text: "2024-08-17", resolved: "2024-08-17", isRelative: false),
    DateCase(id: "month and year", sentence: "The scheme was launched in March 2023 with little notice.", documentDate: nil, text: "March 2023", resolved: "2023-03-01", resolvedEnd: "2023-03-31", isRelative: false, granularity: "month"),
    DateCase(id: "ordinal day and month", sentence: "Voting closes on the 4th of March.", documentDate: "2024-02-20", text: "the 4th of March", resolved: "2024-03-04", isRelative: true),
    DateCase(id: "scheduled date months ahead", sentence: "The summit is scheduled for May 20 in the capital.", documentDate: "2026-03-10", text: "May 20", resolved: "2026-05-20", isRelative: true, evidence: "in the year of the article date 2026-03-10 (future tense)"),
    DateCase(id: "future date in the next year", sentence: "The court will hear the appeal on January 12.", documentDate: "2025-11-28", text: "January 12", resolved: "2026-01-12", isRelative: true, evidence: "in the year after the article date"),
    DateCase(id: "past date months ahead is last year", sentence: "The first raid took place on May 20 near the border.", documentDate: "2026-03-10", text: "May 20", resolved: "2025-05-20", isRelative: true, evidence: "in the year before the article date"),
    DateCase(id: "verb right after the weekday", sentence: "He will spend two fewer years in jail after the court on Monday reduced his sentence.", documentDate: "2025-10-15", text: "Monday", resolved: "2025-10-13", isRelative: true, evidence: "on or before"),
    DateCase(id: "month that will come", sentence: "The new timetable will start in September, the operator said.", documentDate: "2025-05-10", text: "September", resolved: "2025-09-01", resolvedEnd: "2025-09-30", isRelative: true, granularity: "month", evidence: "future tense"),
    DateCase(id: "month in the future next year", sentence: "Works are expected to finish in February.", documentDate: "2025-11-20", text: "February", resolved: "2026-02-01", resolvedEnd: "2026-02-28", isRelative: true, granularity: "month"),
    DateCase(id: "month in the past", sentence: "Prices rose sharply in September.", documentDate: "2025-05-10", text: "September", resolved: "2024-09-01", resolvedEnd: "2024-09-30", isRelative: true, granularity: "month"),
    DateCase(id: "day and month that will come", sentence: "Polls are expected to open on 4 June.", documentDate: "2026-03-01", text: "4 June", resolved: "2026-06-04", isRelative: true),
  ]

  static let relative: [DateCase] = [
    DateCase(id: "weekday before article date", sentence: "The envoy met the minister on Friday.", documentDate: "2024-08-17", text: "Friday", resolved: "2024-08-16", isRelative: true, evidence: "on or before the article date 2024-08-17"),
    DateCase(id: "weekday on the article date", sentence: "The spokesman said on Monday that talks would resume.", documentDate: "2026-02-02", text: "Monday", resolved: "2026-02-02", isRelative: true),
    DateCase(id: "last weekday", sentence: "Two ferries sank last Sunday.", documentDate: "2024-08-18", text: "last Sunday", resolved: "2024-08-11", isRelative: true),
    DateCase(id: "day of month", sentence: "On the 16th local time, the four ministers met.", documentDate: "2024-08-17", text: "the 16th", resolved: "2024-08-16", isRelative: true),
    DateCase(id: "day of month in the previous month", sentence: "The strike began on the 28th.", documentDate: "2024-03-04", text: "the 28th", resolved: "2024-02-28", isRelative: true),
    DateCase(id: "yesterday", sentence: "The bridge reopened yesterday.", documentDate: "2024-08-17", text: "yesterday", resolved: "2024-08-16", isRelative: true),
    DateCase(id: "today", sentence: "Schools are closed today.", documentDate: "2024-08-17", text: "today", resolved: "2024-08-17", isRelative: true),
    DateCase(id: "weeks ago", sentence: "He visited the camp two weeks ago.", documentDate: "2025-02-20", text: "two weeks ago", resolved: "2025-02-06", isRelative: true, granularity: "week"),
    DateCase(id: "last year", sentence: "Since last year, the parties have shared intelligence.", documentDate: "2024-08-17", text: "last year", resolved: "2023-01-01", resolvedEnd: "2023-12-31", isRelative: true, granularity: "year"),
    DateCase(id: "last month", sentence: "Exports slowed last month.", documentDate: "2024-01-10", text: "last month", resolved: "2023-12-01", resolvedEnd: "2023-12-31", isRelative: true, granularity: "month"),
    DateCase(id: "earlier this month", sentence: "Floods hit the delta earlier this month.", documentDate: "2024-09-20", text: "earlier this month", resolved: "2024-09-01", resolvedEnd: "2024-09-30", isRelative: true, granularity: "month"),
    DateCase(id: "since a month", sentence: "It was their second meeting since March.", documentDate: "2023-07-05", text: "March", resolved: "2023-03-01", resolvedEnd: "2023-03-31", isRelative: true, granularity: "month"),
    DateCase(id: "weekday without article date", sentence: "The talks ended on Wednesday.", documentDate: nil, text: "Wednesday", resolved: nil, isRelative: true, evidence: "article date unknown"),
  ]

  static func check(_ c: DateCase) throws {
    let extractor = DateExtractor(lexicons: try ExtractionFixture.lexicons())
    let doc = c.documentDate.flatMap { CalendarDate(iso: $0) }
    let matches = extractor.extract(from: c.sentence, documentDate: doc)
    guard let m = matches.first(where: { ExtractionFixture.text(c.sentence, $0.range) == c.text }) else {
      Issue.record("no date '\(c.text)' in \(matches.map { ExtractionFixture.text(c.sentence, $0.range) })")
      return
    }
    #expect(m.mention.resolved?.description == c.resolved)
    #expect(m.mention.resolvedEnd?.description == c.resolvedEnd)
    #expect(m.mention.isRelative == c.isRelative)
    #expect(m.mention.statedWeekday == c.statedWeekday)
    #expect(m.mention.granularity == c.granularity)
    if let e = c.evidence { #expect(m.mention.evidence?.contains(e) == true, "\(m.mention.evidence ?? "nil")") }
  }

  @Test(arguments: absolute) func absoluteDate(_ c: DateCase) throws { try Self.check(c) }
  @Test(arguments: relative) func relativeDate(_ c: DateCase) throws { try Self.check(c) }

  @Test(arguments: [
    "The 27th floor of the tower was evacuated.",
    "Guests arrived for the 25th Anniversary dinner.",
    "She won first prize at the fair.",
    "You may want to march with them.",
    "The 5.6-magnitude quake struck just before midnight.",
    "The 5-year plan was approved by parliament.",
  ])
  func notADate(_ sentence: String) throws {
    let extractor = DateExtractor(lexicons: try ExtractionFixture.lexicons())
    #expect(extractor.extract(from: sentence, documentDate: CalendarDate(iso: "2024-08-17")).isEmpty)
  }

  @Test func aDateNumberIsNotAQuantity() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let sentence = "On August 16, police detained 40 people."
    let quantities = QuantityExtractor(lexicons: lexicons).extract(from: sentence)
    #expect(quantities.map { ExtractionFixture.text(sentence, $0.range) } == ["40"])
  }
}
