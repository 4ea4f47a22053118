/// A person named with a title ("Chinese Foreign Ministry spokesman Guo Jiakun").
public struct PersonTitle: Sendable, Hashable {
  /// The full name, without honorifics ("Than Swe" for "U Than Swe").
  public var person: String
  /// The title as written ("Deputy Prime Minister and Union Minister for Foreign Affairs").
  public var title: String
  /// The title's role words, normalised lower-case ("deputy prime minister", "minister").
  public var roles: [String]

  public init(person: String, title: String, roles: [String]) {
    self.person = person
    self.title = title
    self.roles = roles
  }
}
