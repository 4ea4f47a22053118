import Testing

@testable import ClaimLintCore

/// `CalendarDate.description` writes four-digit years in place; it must print what padding gave.
struct CalendarDateDescriptionTests {
  @Test func writtenInPlaceIsPadded() throws {
    // Days from before year 0 to past year 9999, a step that visits every month and many days.
    var n = 0
    for z in stride(from: -800_000, through: 3_000_000, by: 997) {
      let date = CalendarDate(dayNumber: z)
      #expect(date.description == date.paddedDescription, "\(z)")
      n += 1
    }
    #expect(n > 3000)
    for (y, m, d) in [(0, 1, 1), (7, 3, 4), (99, 12, 31), (999, 10, 10), (2024, 2, 29), (9999, 12, 31)] {
      let date = try #require(CalendarDate(year: y, month: m, day: d))
      #expect(date.description == date.paddedDescription)
    }
    #expect(CalendarDate(year: 7, month: 3, day: 4)?.description == "0007-03-04")
    #expect(CalendarDate(year: 2024, month: 12, day: 31)?.description == "2024-12-31")
  }
}
