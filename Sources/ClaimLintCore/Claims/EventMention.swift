/// A meeting, talks or joint operation, with its participants, place and date.
public struct EventMention: Sendable, Hashable {
  // The optionals are spelled `Optional<…>`: with a `T?`, the initializer built the mention aside and
  // copied all of it into place (its strings and arrays retained, then released).
  /// The event noun ("meeting", "talks", "operation").
  public var type: String
  /// Participants as written, sorted.
  public var participants: [String]
  /// What each participant is compared by, in the order of `participants`: the name of a country or a
  /// person; for an organisation its head noun first, then any other organisation noun in its name
  /// (["association", "employer"] for "the port employers' association").
  public var participantKeys: [[String]]
  public var place: Optional<String>
  /// Whether the event's own sentence names the place (otherwise it is the place the article last named).
  public var placeIsStated: Bool
  public var date: Optional<CalendarDate>

  public init(
    type: String, participants: [String], participantKeys: [[String]]? = nil, place: String? = nil,
    placeIsStated: Bool = true, date: CalendarDate? = nil
  ) {
    self.type = type
    self.participants = participants
    self.participantKeys = participantKeys ?? participants.map { [$0] }
    self.place = place
    self.placeIsStated = placeIsStated && place != nil
    self.date = date
  }
}
