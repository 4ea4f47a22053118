/// A figure with what it counts and what happened to it.
///
/// `value` is the number as written (scaled: "2.7 billion" is 2_700_000_000); `low` and `high` are the
/// interval the qualifier allows ("more than 50,000" → low 50,000 exclusive, high nil).
///
/// The optional fields are spelled `Optional<T>`, not `T?`: a stored `var x: T?` is set to nil before
/// an initializer's body runs, and the compiler then builds the value aside and copies all of it into
/// place (every string retained and released once more for each quantity made).
public struct Quantity: Sendable, Hashable {
  public var value: Optional<Double>
  public var low: Optional<Double>
  public var high: Optional<Double>
  public var lowInclusive: Bool
  public var highInclusive: Bool
  /// The qualifier as a normalised phrase ("more than", "about", "up to"), or nil for an exact figure.
  public var qualifier: Optional<String>
  /// What the qualifier does to the interval.
  public var direction: QualifierDirection
  /// ISO 4217 code, "percent", or nil for a count.
  public var unit: Optional<String>
  /// Singular lower-case head noun of what is counted ("person", "suspect", "victim").
  public var counted: Optional<String>
  /// The family of the counted noun from the lexicon ("person", "offender", "victim", "money"), so that
  /// "people" and "alleged criminals" can be compared while "victims" and "suspects" are kept apart.
  public var countedFamily: Optional<String>
  /// Modifiers of the counted noun as written ("criminal", "foreign"), lower-case.
  public var modifiers: [String]
  /// Action class id from the lexicon ("arrest", "repatriate"), or nil.
  public var action: Optional<String>
  /// The action word as written ("arrest", "return").
  public var actionText: Optional<String>
  /// Where the action words lie in the sentence (UTF-8 offsets), when an action was found.
  public var actionRange: Optional<Range<Int>>
  /// Who performed the action, when stated.
  public var actor: Optional<String>
  /// True when the figure is a range ("between 300 and 400").
  public var isRange: Bool
  /// True when the figure is vague by nature ("dozens of", "scores of").
  public var isVague: Bool
  /// True when the article marks this figure as superseded ("initially 40", "earlier reports said").
  public var superseded: Bool

  /// Inlinable: a call from another module sets the fields in place, without an outlined copy of the
  /// whole value.
  @inlinable
  public init(
    value: Double?, low: Double?, high: Double?, lowInclusive: Bool = true, highInclusive: Bool = true,
    qualifier: String? = nil, direction: QualifierDirection = .exact, unit: String? = nil,
    counted: String? = nil, countedFamily: String? = nil, modifiers: [String] = [], action: String? = nil, actionText: String? = nil,
    actor: String? = nil, isRange: Bool = false, isVague: Bool = false, superseded: Bool = false
  ) {
    self.value = value
    self.low = low
    self.high = high
    self.lowInclusive = lowInclusive
    self.highInclusive = highInclusive
    self.qualifier = qualifier
    self.direction = direction
    self.unit = unit
    self.counted = counted
    self.countedFamily = countedFamily
    self.modifiers = modifiers
    self.action = action
    self.actionText = actionText
    self.actionRange = nil
    self.actor = actor
    self.isRange = isRange
    self.isVague = isVague
    self.superseded = superseded
  }

  /// Whether the two intervals share at least one value.
  @inlinable
  public func overlaps(_ other: Quantity) -> Bool {
    let aLow = low ?? -Double.infinity
    let aHigh = high ?? Double.infinity
    let bLow = other.low ?? -Double.infinity
    let bHigh = other.high ?? Double.infinity
    if aHigh < bLow || bHigh < aLow { return false }
    if aHigh == bLow { return highInclusive && other.lowInclusive }
    if bHigh == aLow { return other.highInclusive && lowInclusive }
    return true
  }
}

/// How a qualifier shapes the interval around a figure.
public enum QualifierDirection: String, Sendable, Hashable, Codable {
  /// "more than", "over", "exceeding": strictly above.
  case above
  /// "at least", "no fewer than": at or above.
  case atLeast = "at-least"
  /// "fewer than", "less than", "under": strictly below.
  case below
  /// "up to", "at most", "nearly", "almost": at or below.
  case atMost = "at-most"
  /// "about", "around", "some", "an estimated": a tolerance band.
  case approximate
  /// No qualifier.
  case exact
}
