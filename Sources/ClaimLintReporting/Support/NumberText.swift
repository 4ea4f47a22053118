/// Locale-independent spelling of the numbers claimlint reports.
enum NumberText {
  /// The largest magnitude below which integral values are printed as integers (exact in a `Double`).
  static let integralLimit: Double = 9_007_199_254_740_992  // 2^53

  /// `50000` for 50,000.0, `2.5` for 2.5, `1e+21` for very large values; never a locale's separators.
  static func format(_ value: Double) -> String {
    if let integer = integral(value) { return String(integer) }
    return "\(value)"
  }

  /// The value as an integer when it is a whole number small enough to be exact.
  static func integral(_ value: Double) -> Int64? {
    guard value.isFinite, value.rounded(.towardZero) == value, abs(value) < integralLimit else { return nil }
    return Int64(value)
  }
}
