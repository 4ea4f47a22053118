/// What a format reader (plain text, Markdown, HTML) gives the segmenter: blocks and metadata.
public struct ReadResult: Sendable {
  public var blocks: [Block]
  public var title: String?
  public var author: String?
  /// The document date when the format states it (front matter, `<meta>`, `<time>`, JSON-LD).
  public var date: CalendarDate?
  /// Where `date` came from ("front matter 'date'", "meta article:published_time").
  public var dateEvidence: String?
  /// Non-fatal remarks ("no article body found; using the densest block").
  public var remarks: [String]

  public init(
    blocks: [Block], title: String? = nil, author: String? = nil, date: CalendarDate? = nil,
    dateEvidence: String? = nil, remarks: [String] = []
  ) {
    self.blocks = blocks
    self.title = title
    self.author = author
    self.date = date
    self.dateEvidence = dateEvidence
    self.remarks = remarks
  }
}
