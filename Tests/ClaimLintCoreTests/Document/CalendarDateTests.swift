import ClaimLintCore
import Foundation
import Testing

/// `CalendarDate`: validity, leap years, day numbers, weekdays, ISO parsing and its JSON form.
@Suite struct CalendarDateTests {
  struct ComponentsCase: Sendable, CustomTestStringConvertible {
    var id: String
    var year: Int
    var month: Int
    var day: Int
    var valid: Bool
    var testDescription: String { id }
  }

  static let componentCases: [ComponentsCase] = [
    ComponentsCase(id: "29 February in a leap year", year: 2024, month: 2, day: 29, valid: true),
    ComponentsCase(id: "29 February in a common year", year: 2026, month: 2, day: 29, valid: false),
    ComponentsCase(id: "1900 is not a leap year", year: 1900, month: 2, day: 29, valid: false),
    ComponentsCase(id: "2000 is a leap year", year: 2000, month: 2, day: 29, valid: true),
    ComponentsCase(id: "2100 is not a leap year", year: 2100, month: 2, day: 29, valid: false),
    ComponentsCase(id: "30 February", year: 2024, month: 2, day: 30, valid: false),
    ComponentsCase(id: "31 April", year: 2026, month: 4, day: 31, valid: false),
    ComponentsCase(id: "30 April", year: 2026, month: 4, day: 30, valid: true),
    ComponentsCase(id: "31 December", year: 2026, month: 12, day: 31, valid: true),
    ComponentsCase(id: "month 13", year: 2026, month: 13, day: 1, valid: false),
    ComponentsCase(id: "month 0", year: 2026, month: 0, day: 10, valid: false),
    ComponentsCase(id: "day 0", year: 2026, month: 1, day: 0, valid: false),
    ComponentsCase(id: "negative day", year: 2026, month: 1, day: -3, valid: false),
    ComponentsCase(id: "day 32", year: 2026, month: 1, day: 32, valid: false),
  ]

  @Test(arguments: componentCases)
  func invalidDatesAreRejected(_ c: ComponentsCase) {
    let d = CalendarDate(year: c.year, month: c.month, day: c.day)
    #expect((d != nil) == c.valid)
    if let d { #expect((d.year, d.month, d.day) == (c.year, c.month, c.day)) }
  }

  @Test(arguments: [
    (1900, false), (1996, true), (2000, true), (2023, false), (2024, true), (2026, false), (2100, false), (2400, true),
  ])
  func leapYears(_ year: Int, _ leap: Bool) {
    #expect(CalendarDate.isLeap(year) == leap)
    #expect(CalendarDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
  }

  @Test func daysInEachMonth() {
    #expect((1...12).map { CalendarDate.daysIn(month: $0, year: 2026) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
  }

  @Test(arguments: [
    ("1970-01-01", 0), ("1969-12-31", -1), ("2000-01-01", 10957), ("2000-03-01", 11017), ("1900-01-01", -25567),
    ("2024-08-16", 19951),
  ])
  func dayNumbers(_ iso: String, _ number: Int) throws {
    let d = try #require(CalendarDate(iso: iso))
    #expect(d.dayNumber == number)
    #expect(CalendarDate(dayNumber: number) == d)
  }

  /// Walks every day from 1900-01-01 to 2100-12-31 with `adding(days: 1)` and compares it with a
  /// calendar built from `daysIn(month:year:)`, checking day numbers and weekdays on the way.
  @Test func everyDayFrom1900To2100() throws {
    var current = try #require(CalendarDate(year: 1900, month: 1, day: 1))
    let first = current.dayNumber
    var index = 0
    for year in 1900...2100 {
      for month in 1...12 {
        for day in 1...CalendarDate.daysIn(month: month, year: year) {
          guard current.year == year, current.month == month, current.day == day else {
            Issue.record("day \(index) is \(current), expected \(year)-\(month)-\(day)")
            return
          }
          #expect(current.dayNumber == first + index)
          #expect(CalendarDate(dayNumber: current.dayNumber) == current)
          #expect(CalendarDate(iso: current.description) == current)
          // 1900-01-01 was a Monday.
          #expect(current.weekday == index % 7 + 1)
          current = current.adding(days: 1)
          index += 1
        }
      }
    }
    #expect(current.description == "2101-01-01")
    #expect(index == 73_414)
  }

  @Test func addingNegativeAndLargeSpans() throws {
    let d = try #require(CalendarDate(iso: "2024-03-01"))
    #expect(d.adding(days: -1).description == "2024-02-29")
    #expect(d.adding(days: 365).description == "2025-03-01")
    #expect(d.adding(days: -366).description == "2023-03-01")
    #expect(d.adding(days: 0) == d)
  }

  @Test(arguments: [
    ("2026-02-02", 1, "Monday"), ("2024-08-16", 5, "Friday"), ("1970-01-01", 4, "Thursday"),
    ("2000-01-01", 6, "Saturday"), ("1969-12-31", 3, "Wednesday"), ("2024-02-29", 4, "Thursday"),
    ("1900-01-07", 7, "Sunday"),
  ])
  func isoWeekdays(_ iso: String, _ weekday: Int, _ name: String) throws {
    let d = try #require(CalendarDate(iso: iso))
    #expect(d.weekday == weekday)
    #expect(CalendarDate.weekdayNames[d.weekday - 1] == name)
  }

  struct ISOCase: Sendable, CustomTestStringConvertible {
    var id: String
    var input: String
    var expected: String?
    var testDescription: String { id }
  }

  static let isoCases: [ISOCase] = [
    ISOCase(id: "date", input: "2024-08-16", expected: "2024-08-16"),
    ISOCase(id: "date and time with offset", input: "2024-08-16T09:30:00+02:00", expected: "2024-08-16"),
    ISOCase(id: "date and UTC time", input: "2026-02-02T23:59:59Z", expected: "2026-02-02"),
    ISOCase(id: "date, space, time", input: "2024-08-16 09:30", expected: "2024-08-16"),
    ISOCase(id: "leap day", input: "2024-02-29", expected: "2024-02-29"),
    ISOCase(id: "leap day of a common year", input: "2026-02-29", expected: nil),
    ISOCase(id: "month 13", input: "2024-13-01", expected: nil),
    ISOCase(id: "single-digit month", input: "2024-8-16", expected: nil),
    ISOCase(id: "day first", input: "16-08-2024", expected: nil),
    ISOCase(id: "slashes", input: "2024/08/16", expected: nil),
    ISOCase(id: "too short", input: "2024-08", expected: nil),
    ISOCase(id: "empty", input: "", expected: nil),
    ISOCase(id: "letters", input: "yesterday!", expected: nil),
    ISOCase(id: "full-width digits", input: "２０２４-０８-１６", expected: nil),
    ISOCase(id: "more digits after the day", input: "2024-08-161", expected: nil),
    ISOCase(id: "letters after the day", input: "2024-08-16abc", expected: nil),
    ISOCase(id: "sign inside the year", input: "+024-08-16", expected: nil),
  ]

  @Test(arguments: isoCases)
  func parsesISODates(_ c: ISOCase) {
    #expect(CalendarDate(iso: c.input)?.description == c.expected)
  }

  @Test func descriptionPadsEveryField() throws {
    #expect(try #require(CalendarDate(year: 987, month: 3, day: 5)).description == "0987-03-05")
  }

  @Test func ordersByDay() throws {
    let dates = ["2025-01-01", "2024-12-31", "2024-02-29", "1999-12-31"].compactMap { CalendarDate(iso: $0) }
    #expect(dates.sorted().map(\.description) == ["1999-12-31", "2024-02-29", "2024-12-31", "2025-01-01"])
  }

  @Test func encodesAsAnISOString() throws {
    struct Event: Codable, Equatable { var date: CalendarDate }
    let event = Event(date: try #require(CalendarDate(year: 2024, month: 8, day: 16)))
    let data = try JSONEncoder().encode(event)
    #expect(String(decoding: data, as: UTF8.self) == #"{"date":"2024-08-16"}"#)
    #expect(try JSONDecoder().decode(Event.self, from: data) == event)
  }

  @Test(arguments: [#"{"date":"2024-02-30"}"#, #"{"date":"16 August 2024"}"#, #"{"date":20240816}"#])
  func rejectsOtherJSONForms(_ json: String) {
    struct Event: Codable { var date: CalendarDate }
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Event.self, from: Data(json.utf8)) }
  }
}
