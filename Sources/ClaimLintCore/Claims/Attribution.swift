/// Who said a reported statement or a direct quote.
public struct Attribution: Sendable, Hashable {
  /// The speaker as resolved to a full name where the article introduced one ("Guo" → "Guo Jiakun").
  public var speaker: String
  /// The speaker as written at this point.
  public var speakerText: String
  /// The verb or phrase that attributes ("said", "according to").
  public var verb: String
  /// For a quote, the quoted words; for a reported statement, the statement's content words.
  public var content: String
  /// True for a direct quote.
  public var isQuote: Bool

  public init(speaker: String, speakerText: String, verb: String, content: String, isQuote: Bool) {
    self.speaker = speaker
    self.speakerText = speakerText
    self.verb = verb
    self.content = content
    self.isQuote = isQuote
  }
}
