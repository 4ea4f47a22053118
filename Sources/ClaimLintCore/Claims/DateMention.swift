/// A date as written, and the calendar day it resolves to when the article's own date allows.
public struct DateMention: Sendable, Hashable {
  // No stored property has an initial value, and the optionals are spelled `Optional<…>`: with a `T?`
  // or an initial value, the initializer built the mention aside and copied all of it into place
  // (its strings retained, then released).
  /// The resolved day, or nil when it could not be resolved.
  public var resolved: Optional<CalendarDate>
  /// The last day of a range ("May 2 to 5"), when the mention is one.
  public var resolvedEnd: Optional<CalendarDate>
  /// True when the mention is relative ("on Friday", "two weeks ago") and needed the document date.
  public var isRelative: Bool
  /// How the value was reached ("weekday before the article date 2024-08-17").
  public var evidence: Optional<String>
  /// A weekday stated next to the date ("Monday, February 2, 2026"), 1 = Monday.
  public var statedWeekday: Optional<Int>
  /// Granularity: "day", "month", "year".
  public var granularity: String
  /// True for the date of a dateline ("LISBON, May 16 (Iberia Wire) -"): when the story was filed, not
  /// when its events happened.
  public var isDateline: Bool
  /// True when the resolution is a guess: a bare weekday in a sentence whose tense does not say whether
  /// the day is past or coming ("Work resumes on Saturday").
  public var isTentative: Bool

  public init(
    resolved: CalendarDate?, resolvedEnd: CalendarDate? = nil, isRelative: Bool, evidence: String? = nil,
    statedWeekday: Int? = nil, granularity: String = "day"
  ) {
    self.resolved = resolved
    self.resolvedEnd = resolvedEnd
    self.isRelative = isRelative
    self.evidence = evidence
    self.statedWeekday = statedWeekday
    self.granularity = granularity
    isDateline = false
    isTentative = false
  }
}
