import ClaimLintCore

/// Reads meetings, talks and joint operations with their participants and place: "China, Laos,
/// Myanmar and Thailand held an informal meeting … in Chiang Mai".
///
/// Participants are an explicit enumeration of at least two countries (or people with titles, passed
/// in) in the sentence that names the event; the place is the first city after "in" or "at".
public struct EventExtractor: Sendable {
  public struct Match: Sendable, Hashable {
    public var range: Range<Int>
    public var event: EventMention
  }

  private let eventWords: [String: String]
  private let countries: WordPhraseTable<Bool>
  private let cities: WordPhraseTable<Bool>

  public init(lexicons: LexiconSet) {
    var e: [String: String] = [:]
    for row in lexicons.table("event-nouns").rows { e[row[0].lowercased()] = row.count > 1 ? row[1] : row[0] }
    eventWords = e
    var countries = WordPhraseTable<Bool>(caseSensitive: true)
    var cities = WordPhraseTable<Bool>(caseSensitive: true)
    for row in lexicons.table("places").rows {
      if row[1] == "country" { countries.add(row[0], true) } else { cities.add(row[0], true) }
    }
    self.countries = countries
    self.cities = cities
    var byUpper: [String: String] = [:]
    for name in lexicons.table("places").rows.filter({ $0[1] != "country" }).map({ $0[0] }).sorted() {
      if byUpper[name.uppercased()] == nil { byUpper[name.uppercased()] = name }
    }
    cityByUpper = byUpper
  }

  /// City names by their upper-cased spelling (the first in sorted order), for datelines in capitals.
  private let cityByUpper: [String: String]

  private func name(_ ws: [Word], _ i: Int, in table: WordPhraseTable<Bool>) -> Int {
    table.longest(ws, i, maxWords: 3)?.count ?? 0
  }

  /// The first city the sentence names anywhere ("the scenic city of Chiang Mai").
  public func anyCity(in ws: [Word]) -> String? {
    for k in ws.indices {
      let m = name(ws, k, in: cities)
      if m > 0 { return ws[k..<(k + m)].map(\.text).joined(separator: " ") }
    }
    return nil
  }

  /// The first city named after "in" or "at", or a city that opens the sentence as a dateline.
  public func place(in ws: [Word]) -> String? {
    for (k, w) in ws.enumerated() where ["in", "at"].contains(w.lower) && k + 1 < ws.count {
      let m = name(ws, k + 1, in: cities)
      if m > 0 { return ws[(k + 1)..<(k + 1 + m)].map(\.text).joined(separator: " ") }
    }
    // "VIENTIANE, March 4 (Mekong Wire) -": a dateline city in capitals.
    if let first = ws.first, ws.count > 1, ws[1].text == "," || (ws.count > 2 && ws[2].text == ",") {
      let two = ws.count > 2 ? ws[0].text + " " + ws[1].text : first.text
      for candidate in [first.text, two] {
        if let hit = cityByUpper[candidate.uppercased()] { return hit }
      }
    }
    return nil
  }

  /// A meeting of people: "Chen met Soe Htut", "Chen and Soe Htut met on March 23". Participants are
  /// the people of the article named in the sentence (full names, or surnames that resolve to one).
  func personMeeting(_ sentence: String, _ ws: [Word], type: String, people: [String], date: CalendarDate?) -> [Match] {
    guard type == "meeting", !people.isEmpty else { return [] }
    var found: [(String, Range<Int>)] = []
    var i = 0
    while i < ws.count {
      var matched = false
      for p in people.sorted(by: { $0.count > $1.count }) {
        let parts = p.split(separator: " ").map(String.init)
        if i + parts.count <= ws.count, ws[i..<(i + parts.count)].map(\.text) == parts {
          found.append((p, ws[i].range.lowerBound..<ws[i + parts.count - 1].range.upperBound))
          i += parts.count
          matched = true
          break
        }
      }
      if matched { continue }
      if ws[i].isCapitalized {
        let candidates = Set(people.filter { full in
          let parts = full.split(separator: " ").map(String.init)
          return parts.count > 1 && (parts.first == ws[i].text || parts.last == ws[i].text)
        })
        if candidates.count == 1, i + 1 >= ws.count || !ws[i + 1].isCapitalized {
          found.append((candidates.first!, ws[i].range))
        }
      }
      i += 1
    }
    let names = Array(Set(found.map(\.0))).sorted()
    guard names.count >= 2, let first = found.first, let last = found.last else { return [] }
    return [Match(range: first.1.lowerBound..<last.1.upperBound, event: EventMention(type: type, participants: names, place: place(in: ws), date: date))]
  }

  public func extract(from sentence: String, words ws: [Word], date: CalendarDate?, people: [String] = []) -> [Match] {
    var type: String? = nil
    for (i, w) in ws.enumerated() {
      if i + 1 < ws.count, let t = eventWords[w.lower + " " + ws[i + 1].lower] { type = t; break }
      if let t = eventWords[w.lower] { type = t; break }
    }
    guard let eventType = type else { return [] }
    // Find the longest enumeration of countries: A, B, C and D.
    var best: (Int, Int, [String])? = nil
    var i = 0
    while i < ws.count {
      let n = name(ws, i, in: countries)
      guard n > 0, i == 0 || !["to", "in", "at"].contains(ws[i - 1].lower) else {
        i += 1
        continue
      }
      var items = [ws[i..<(i + n)].map(\.text).joined(separator: " ")]
      var j = i + n
      while j + 1 < ws.count, ws[j].text == "," || ws[j].lower == "and" {
        var k = j + 1
        if ws[j].text == ",", k < ws.count, ws[k].lower == "and" { k += 1 }
        let m = name(ws, k, in: countries)
        guard m > 0 else { break }
        items.append(ws[k..<(k + m)].map(\.text).joined(separator: " "))
        j = k + m
      }
      if items.count >= 2, best == nil || items.count > best!.2.count { best = (i, j, items) }
      i = max(i + 1, j)
    }
    // "the China-Myanmar-Thailand joint operation": countries joined by hyphens in one word.
    if best == nil {
      for (k, w) in ws.enumerated() where w.text.utf8.contains(0x2D) {
        let parts = w.text.split(separator: "-").map(String.init)
        if parts.count >= 2, parts.allSatisfy({ countries.contains($0) }) {
          best = (k, k + 1, parts)
          break
        }
      }
    }
    guard let (s, e, items) = best else {
      return personMeeting(sentence, ws, type: eventType, people: people, date: date)
    }
    let place = self.place(in: ws)
    let range = ws[s].range.lowerBound..<ws[e - 1].range.upperBound
    return [Match(range: range, event: EventMention(type: eventType, participants: Array(Set(items)).sorted(), place: place, date: date))]
  }
}
