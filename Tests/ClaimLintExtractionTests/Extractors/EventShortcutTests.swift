import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

/// The shortcuts of the event extractor give what the code they replaced gives.
@Suite struct EventShortcutTests {
  /// `place(in:)` as it was written before its lookups were hashed: the reference.
  static func referencePlace(_ ws: [Word], lexicons: LexiconSet) -> String? {
    var cities = WordPhraseTable<Bool>(caseSensitive: true)
    var byUpper: [String: String] = [:]
    for row in lexicons.table("places").rows where row[1] != "country" { cities.add(row[0], true) }
    for name in lexicons.table("places").rows.filter({ $0[1] != "country" }).map({ $0[0] }).sorted() {
      if byUpper[name.uppercased()] == nil { byUpper[name.uppercased()] = name }
    }
    let table = cities.finished()
    for k in ws.indices where (ws[k].lowerIs("in") || ws[k].lowerIs("at")) && k + 1 < ws.count {
      let m = table.longest(ws, k + 1, maxWords: 3)?.count ?? 0
      if m > 0 { return ws[(k + 1)..<(k + 1 + m)].map(\.text).joined(separator: " ") }
    }
    if let first = ws.first, ws.count > 1, ws[1].text == "," || (ws.count > 2 && ws[2].text == ",") {
      let two = ws.count > 2 ? ws[0].text + " " + ws[1].text : first.text
      for candidate in [first.text, two] {
        if let hit = byUpper[candidate.uppercased()] { return hit }
      }
    }
    return nil
  }

  @Test func placeMatchesTheReference() {
    let lexicons = ExtractionFixture.lexiconSet()
    let events = EventExtractor(lexicons: lexicons)
    let sentences = [
      "VIENTIANE, March 4 (Mekong Wire) - The dam opened.",
      "PHNOM PENH, May 2 - Talks ended.",
      "Phnom penh, May 2 - Talks ended.",
      "vientiane, March 4 - lower case.",
      "However, the talks in Vientiane ended.",
      "The ministers met at Phnom Penh on Monday.",
      "ZÜRICH, May 2 - Talks ended.",
      "In the end, nothing moved IN VIENTIANE.",
      "Vientiane",
      ",",
      "A, B",
    ]
    for s in sentences {
      let ws = WordScanner.words(s)
      #expect(events.place(in: ws) == Self.referencePlace(ws, lexicons: lexicons), "\(s)")
    }
    #expect(events.place(in: WordScanner.words("VIENTIANE, March 4 - The dam opened.")) == "Vientiane")
    #expect(events.place(in: WordScanner.words("PHNOM PENH, May 2 - Talks ended.")) == "Phnom Penh")
  }
}
