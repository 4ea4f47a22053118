import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

@Suite("DateText")
struct DateTextTests {
  @Test(arguments: [
    ("2024-08-17", "2024-08-17"),
    ("2025/03/06", "2025-03-06"),
    ("Wednesday, March 5, 2025", "2025-03-05"),
    ("Thursday, 6 March 2025", "2025-03-06"),
    ("Aug. 17, 2024", "2024-08-17"),
    ("Updated: 17 Aug 2024 10:32 GMT+8", "2024-08-17"),
    ("Published 2024-08-17 09:15", "2024-08-17"),
    ("THE HARBOUR TIMES, Haiphong -- Friday, 7 March 2025", "2025-03-07"),
    ("BANGKOK LEDGER | Saturday, August 17, 2024", "2024-08-17"),
    ("Published 17 August 2024 by Portal staff", "2024-08-17"),
    ("Radio Delta FM -- 7 a.m. news bulletin, Monday, March 17, 2025", "2025-03-17"),
  ])
  func dateLines(_ text: String, _ expected: String) throws {
    let m = try #require(DateText.dateLine(text))
    #expect(m.date.map { "\($0)" } == expected)
  }

  @Test(arguments: [
    "Parking", "March 2025 marked the wettest month on record.", "Officials met on August 16, 2024 in Vientiane",
    "2024-13-40", "Harbour Times -- a river blog",
    "Harbour Times -- the vote, set for March 17, 2025, is delayed",
  ])
  func notDateLines(_ text: String) {
    #expect(DateText.dateLine(text)?.date == nil)
  }

  @Test(arguments: [
    ("Mekong Wire, Aranyaprathet, June 20 (Reporter Dara Som) Officials met.", 6, 20, nil as Int?),
    ("CHIANG MAI, Thailand, Aug. 17 (Newswire) -- The ministers met.", 8, 17, nil),
    ("HAIPHONG, March 4, 2025 (Port Wire) - Volumes rose.", 3, 4, 2025),
    ("GAZIPUR, Bangladesh, March 5 - At least 40 people died.", 3, 5, nil),
  ])
  func leadDatelines(_ text: String, _ month: Int, _ day: Int, _ year: Int?) throws {
    let d = try #require(DateText.leadDateline(text))
    #expect(d.match.month == month && d.match.day == day && d.match.year == year)
  }

  @Test(arguments: [
    "Officials said on March 4 that volumes rose.", "The port, which opened in May 2 years ago, grew.",
    "In 2024, on March 4 (a Tuesday), volumes rose.",
  ])
  func notLeadDatelines(_ text: String) {
    #expect(DateText.leadDateline(text) == nil)
  }

  @Test func weekdayDateMustAgreeWithTheCalendar() {
    #expect(DateText.weekdayDate(in: "at a briefing on Monday, February 2, 2026, officials said")?.date.description == "2026-02-02")
    #expect(DateText.weekdayDate(in: "at a briefing on Friday, February 2, 2026, officials said") == nil)
  }
}
