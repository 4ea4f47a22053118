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

  /// `EventExtractor.texts` joins the words' texts as `map(\.text).joined(separator: " ")` does, for
  /// every stretch of one word or more, ASCII or not.
  @Test func textsAreTheJoinedWords() {
    let sentences = [
      "China, Laos, Myanmar and Thailand held an informal meeting in Chiang Mai, officials said.",
      "ZÜRICH, May 2 - Thailand’s envoy met her Cambodian counterpart Hun Manet in Phnom Penh.",
      "a", "Straße der Einheit in São Paulo",
    ]
    for s in sentences {
      let ws = WordScanner.words(s)
      for a in 0..<ws.count {
        for b in (a + 1)...ws.count {
          let expected = ws[a..<b].map(\.text).joined(separator: " ")
          let got = EventExtractor.texts(ws, a, b)
          #expect(got == expected && Array(got.utf8) == Array(expected.utf8), "\(s) \(a) \(b)")
        }
      }
    }
  }

  @Test func phraseTableNextStartIsTheFirstPossibleStart() {
    let lexicons = ExtractionFixture.lexiconSet()
    var countries = WordPhraseTable<Bool>(caseSensitive: true)
    var verbs = WordPhraseTable<String>(caseSensitive: false)
    for row in lexicons.table("places").rows { countries.add(row[0], true) }
    for row in lexicons.table("attribution-verbs").rows { verbs.add(row[0].lowercased(), "verb") }
    let c = countries.finished()
    let v = verbs.finished()
    let sentences = [
      "China, Laos, Myanmar and Thailand held an informal meeting in Chiang Mai, officials said.",
      "According to the statement, Ana Ruiz told reporters the talks were over — “for now”.",
      "ZÜRICH, May 2 - Thailand’s envoy said nothing.", "", "said", "Myanmar",
    ]
    for s in sentences {
      let ws = WordScanner.words(s)
      for from in 0...ws.count {
        var ec = from
        while ec < ws.count, !c.mayStart(ws, ec) { ec += 1 }
        var ev = from
        while ev < ws.count, !v.mayStart(ws, ev) { ev += 1 }
        #expect(c.nextStart(ws, from: from) == ec, "\(s) \(from)")
        #expect(v.nextStart(ws, from: from) == ev, "\(s) \(from)")
      }
    }
  }

  /// A finished table (hashed lookups, phrase hashes made in one pass) answers what the same table
  /// unfinished (its dictionaries) answers, at every position and bound.
  @Test func phraseTableLongestMatchesTheDictionaries() {
    let lexicons = ExtractionFixture.lexiconSet()
    for caseSensitive in [false, true] {
      var table = WordPhraseTable<String>(caseSensitive: caseSensitive)
      for row in lexicons.table("attribution-verbs").rows { table.add(caseSensitive ? row[0] : row[0].lowercased(), row[0]) }
      for row in lexicons.table("titles").rows { table.add(caseSensitive ? row[0] : row[0].lowercased(), row[0]) }
      for row in lexicons.table("places").rows { table.add(caseSensitive ? row[0] : row[0].lowercased(), row[0]) }
      for extra in ["café au lait", "a b c d e", "a b", "Straße der Einheit", "x y", "x y z"] { table.add(extra, extra) }
      let finished = table.finished()
      let sentences = [
        "According to the Foreign Ministry spokesman, talks in Chiang Mai and Phnom Penh ended, said Guo.",
        "according to café au lait a b c d e f, x y z and Straße der Einheit — “told reporters”.",
        "A B C D E, X Y Z, CAFÉ AU LAIT, said the Deputy Prime Minister of Foreign Affairs.",
        "", "a", "a b c d", "café", "x y",
      ]
      for s in sentences {
        let ws = WordScanner.words(s)
        for i in 0...ws.count {
          for maxWords in [1, 2, 3, 8, Int.max] {
            let a = finished.longest(ws, i, maxWords: maxWords)
            let b = table.longest(ws, i, maxWords: maxWords)
            #expect(a?.value == b?.value && a?.count == b?.count, "\(s) \(i) \(maxWords) \(caseSensitive)")
          }
        }
      }
    }
  }

  @Test func anyCityAndEventsAreFoundPastSkippedWords() {
    let events = EventExtractor(lexicons: ExtractionFixture.lexiconSet())
    #expect(events.anyCity(in: WordScanner.words("The talks, held in the scenic city of Chiang Mai, ended.")) == "Chiang Mai")
    #expect(events.anyCity(in: WordScanner.words("Nothing here at all.")) == nil)
    let m = events.extract(from: "China, Laos, Myanmar and Thailand held an informal meeting in Chiang Mai.",
      words: WordScanner.words("China, Laos, Myanmar and Thailand held an informal meeting in Chiang Mai."))
    #expect(m.first?.event.participants == ["China", "Laos", "Myanmar", "Thailand"])
    #expect(m.first?.event.place == "Chiang Mai")
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

  @Test func placeOrAnyCityIsPlaceElseAnyCity() {
    let events = EventExtractor(lexicons: ExtractionFixture.lexiconSet())
    let sentences = [
      "VIENTIANE, March 4 (Mekong Wire) - The dam opened in Chiang Mai.",
      "Chiang Mai officials, who met in Vientiane, agreed.",
      "Vientiane and Chiang Mai agreed at Phnom Penh.",
      "PHNOM PENH, May 2 - Talks in Bangkok ended.",
      "PHNOM PENH, May 2 - Talks ended near Vientiane.",
      "The talks, held in the scenic city of Chiang Mai, ended.",
      "In Vientiane the talks ended.",
      "The ministers met at Phnom Penh on Monday, not in Vientiane.",
      "They met in in Vientiane at at Chiang Mai.",
      "Nothing here at all.",
      "in",
      "Vientiane",
      ",",
      "",
    ]
    for s in sentences {
      let ws = WordScanner.words(s)
      #expect(events.placeOrAnyCity(in: ws) == (events.place(in: ws) ?? events.anyCity(in: ws)), "\(s)")
    }
  }

  /// `holdsHyphen` is `utf8.contains(0x2D)`, for a hyphen at every offset of texts around the
  /// eight-byte steps, and for texts without one (other bytes near 0x2D, text outside ASCII).
  @Test func holdsHyphenIsContainsHyphen() {
    var texts = ["", "-", "a", "China-Myanmar-Thailand joint operation", "Zürich – Genève", "a,b.c/d+e", "\u{2D}", "ß-"]
    for n in [1, 7, 8, 9, 15, 16, 17, 31] {
      let plain = String(repeating: "x", count: n)
      texts.append(plain)
      texts.append(String(repeating: ",", count: n) + ".")
      for k in 0..<n {
        var bytes = Array(plain.utf8)
        bytes[k] = 0x2D
        texts.append(String(decoding: bytes, as: UTF8.self))
        bytes[k] = 0x2E
        texts.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    for t in texts {
      #expect(EventExtractor.holdsHyphen(t) == t.utf8.contains(0x2D), "\(t)")
      #expect(EventExtractor.holdsHyphen(Array(t.utf8)) == t.utf8.contains(0x2D), "\(t)")
      let sub = String(t.dropFirst())
      #expect(EventExtractor.holdsHyphen(sub) == sub.utf8.contains(0x2D), "\(sub)")
    }
  }

  /// `sortedUnique` gives `Array(Set(items)).sorted()`, with and without repeats.
  @Test func sortedUniqueIsTheSortedSet() {
    let lists: [[String]] = [
      [], ["Laos"], ["Thailand", "China", "Laos", "Myanmar"], ["China", "Laos", "China", "Laos", "China"],
      ["Myanmar", "Myanmar"], ["Chen Wei", "Soe Htut", "Chen Wei", "Hun Manet", "Soe Htut", "Ana Ruiz"],
      ["Zürich", "Zurich", "Zürich", "Ángel Díaz", "Angel Diaz"],
    ]
    for items in lists {
      #expect(EventExtractor.sortedUnique(items) == Array(Set(items)).sorted(), "\(items)")
    }
  }

  /// A `PeopleIndex` grown person by person holds what the lists made from all the people at once
  /// give (the words of each, the hash of the first word, the indices longest first in a stable sort),
  /// and a meeting of people is read the same with one index kept across sentences as with a new one.
  @Test func peopleIndexGrownMatchesTheListsMadeAtOnce() {
    let people = [
      "Soe Htut", "Chen Wei", "Ana María Ruiz", "Hun Manet", "Li Qiang", "Ko Ko", "Nguyễn Văn An", "Kyaw Min",
      "Maria Santos Silva", "Chen",
    ]
    var index = EventExtractor.PeopleIndex()
    for n in 0...people.count {
      let some = Array(people[..<n])
      index.catchUp(with: some)
      let parts = some.map(EventExtractor.nameParts)
      let lengths = some.map { $0.count }
      #expect(index.parts == parts)
      #expect(index.byLength == some.indices.sorted(by: { lengths[$0] > lengths[$1] }))
      #expect(index.firstHashes == parts.map { $0.first.map { WordTable<Bool>.hashCode(bytes: $0.utf8) } ?? 0 })
    }
    let extractor = EventExtractor(lexicons: ExtractionFixture.lexiconSet())
    let sentences = [
      "Chen Wei met Soe Htut on Tuesday.", "Chen and Soe Htut met in Yangon.", "The minister said nothing.",
      "Hun Manet held a meeting with Li Qiang and Kyaw Min.", "Ana María Ruiz met her counterpart Maria Santos Silva.",
      "Ko Ko met Chen Wei.",
    ]
    var kept = EventExtractor.PeopleIndex()
    var meetings = 0
    for (k, s) in sentences.enumerated() {
      let known = Array(people[..<(3 + k)])
      let ws = WordScanner.words(s)
      let fresh = extractor.extract(from: s, words: ws, people: known)
      #expect(extractor.extract(bytes: Array(s.utf8), words: ws, dates: [], people: known, index: &kept) == fresh, "\(s)")
      meetings += fresh.count
    }
    // The sentences do make meetings of people: the comparison is not of empty lists only.
    #expect(meetings >= 2)
  }
}
