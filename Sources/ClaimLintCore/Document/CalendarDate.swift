/// A day in the proleptic Gregorian calendar, with arithmetic that never consults the clock or a locale.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// Creates a date when the components name a real day.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (negative before).
  public var dayNumber: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(dayNumber z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    month = m
    day = d
  }

  /// 1 = Monday … 7 = Sunday (ISO 8601).
  public var weekday: Int {
    let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
    return (w < 0 ? w + 7 : w) + 1
  }

  public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

  /// `YYYY-MM-DD`.
  public var description: String {
    // A year of four digits and a month and day of two (every date a text gives): the ten bytes are
    // written in place. Others are padded as below.
    if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
      let (y, m, d) = (year, month, day)
      return String(unsafeUninitializedCapacity: 10) { b in
        b[0] = UInt8(0x30 + y / 1000)
        b[1] = UInt8(0x30 + y / 100 % 10)
        b[2] = UInt8(0x30 + y / 10 % 10)
        b[3] = UInt8(0x30 + y % 10)
        b[4] = 0x2D
        b[5] = UInt8(0x30 + m / 10)
        b[6] = UInt8(0x30 + m % 10)
        b[7] = 0x2D
        b[8] = UInt8(0x30 + d / 10)
        b[9] = UInt8(0x30 + d % 10)
        return 10
      }
    }
    return paddedDescription
  }

  /// `description` by padding the printed numbers (any year, month and day; the reference for tests).
  var paddedDescription: String {
    func pad(_ v: Int, _ w: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Parses `YYYY-MM-DD` (optionally followed by a time, which is ignored).
  ///
  /// What follows the day must not continue it: `2024-08-16T09:30`, `2024-08-16 09:30` and `2024-08-16Z`
  /// parse, `2024-08-161` and `2024-08-16abc` do not.
  public init?(iso: String) {
    let all = iso.utf8
    let u = Array(all.prefix(10))
    guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
    if all.count > 10 {
      let next = all[all.index(all.startIndex, offsetBy: 10)]
      let isDigit = next >= 48 && next <= 57
      let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
      let isTimeOrZone = next | 0x20 == UInt8(ascii: "t") || next | 0x20 == UInt8(ascii: "z")
      if isDigit || (isLetter && !isTimeOrZone) { return nil }
    }
    func num(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard u[i] >= 48, u[i] <= 57 else { return nil }
        v = v * 10 + Int(u[i] - 48)
      }
      return v
    }
    guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

  public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  public init(from decoder: any Decoder) throws {
    let s = try decoder.singleValueContainer().decode(String.self)
    guard let d = CalendarDate(iso: s) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
    }
    self = d
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
