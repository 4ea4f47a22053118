/// A meeting, talks or joint operation, with its participants, place and date.
public struct EventMention: Sendable, Hashable {
  /// The event noun ("meeting", "talks", "operation").
  public var type: String
  /// Participants as written, sorted.
  public var participants: [String]
  public var place: String?
  public var date: CalendarDate?

  public init(type: String, participants: [String], place: String? = nil, date: CalendarDate? = nil) {
    self.type = type
    self.participants = participants
    self.place = place
    self.date = date
  }
}
