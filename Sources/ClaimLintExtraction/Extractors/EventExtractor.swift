import ClaimLintCore

/// Reads meetings, talks and joint operations with their participants and place: "China, Laos,
/// Myanmar and Thailand held an informal meeting … in Chiang Mai".
///
/// Participants are an explicit enumeration of at least two countries, organisations ("the dockers'
/// union and the port employers' association") or people of the article, in the sentence that names the
/// event; the place is the first city after "in" or "at"; the date is a date stated next to the event
/// word or the participants ("met on Tuesday", "talks in Brussels on April 9").
public struct EventExtractor: Sendable {
  public struct Match: Sendable, Hashable {
    public var range: Range<Int>
    public var event: EventMention
  }

  /// A date of the sentence that may date the event: its UTF-8 range and resolved day.
  public struct DatedSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var date: CalendarDate

    public init(range: Range<Int>, date: CalendarDate) {
      self.range = range
      self.date = date
    }
  }

  private let eventWords: WordTable<String>
  private let countries: WordPhraseTable<Bool>
  private let cities: WordPhraseTable<Bool>
  /// Organisation head nouns ("unions" → "union").
  private let organisations: WordTable<String>
  /// What each lower-cased word can be to `extract`, as bits: `eventBit` an event noun, `pairBit` the
  /// first word of a two-word event noun, `delegateBit` a delegate noun; one lookup a word instead of
  /// three (most words are none).
  private let eventScanFlags: WordTable<UInt8>
  private static let eventBit: UInt8 = 1
  private static let pairBit: UInt8 = 2
  private static let delegateBit: UInt8 = 4
  /// A bit per `WordTable.asciiHash` of each key of `eventScanFlags` (64 words of 64 bits, indexed like
  /// `WordPhraseTable`'s filter): an ASCII word whose bit is clear has no flags, so the scan for event
  /// words skips it without probing the table. Empty when the table is not on its fast path.
  private let eventScanBits: [UInt64]

  /// The filter bits of `keys` (see `eventScanBits`), or none when `usable` is false.
  private static func filterBits<S: Sequence>(_ keys: S, usable: Bool) -> [UInt64] where S.Element == String {
    usable ? HashFilter.of(keys) : []
  }

  /// The first index from `i` on (at most `ws.count`) of a word that may have `eventScanFlags`: the
  /// ASCII words before it have their filter bit clear.
  @inline(__always)
  private func nextFlagged(_ ws: [Word], from i: Int) -> Int {
    guard !eventScanBits.isEmpty else { return i }
    return ws.withUnsafeBufferPointer { b in HashFilter.firstMayHold(eventScanBits, from: i, to: b.count) { b[$0].lowerHash } }
  }
  /// What each lower-cased word is to `wordClasses` and `organisationEvent`, as `WordKind` bits: one
  /// lookup a word instead of one per list.
  private let wordKinds: WordTable<UInt8>

  public init(lexicons: LexiconSet) {
    var e: [String: String] = [:]
    for row in lexicons.table("event-nouns").rows { e[row[0].lowercased()] = row.count > 1 ? row[1] : row[0] }
    eventWords = WordTable(e)
    let firstWords = e.keys.compactMap { k in k.split(separator: " ").count > 1 ? k.split(separator: " ").first.map(String.init) : nil }
    var flags: [String: UInt8] = [:]
    for k in e.keys { flags[k, default: 0] |= Self.eventBit }
    for k in firstWords { flags[k, default: 0] |= Self.pairBit }
    for k in Self.delegateWords { flags[k, default: 0] |= Self.delegateBit }
    eventScanFlags = WordTable(flags)
    eventScanBits = Self.filterBits(flags.keys, usable: eventScanFlags.isFast)
    var countries = WordPhraseTable<Bool>(caseSensitive: true)
    var cities = WordPhraseTable<Bool>(caseSensitive: true)
    for row in lexicons.table("places").rows {
      if row[1] == "country" { countries.add(row[0], true) } else { cities.add(row[0], true) }
    }
    self.countries = countries.finished()
    self.cities = cities.finished()
    var byUpper: [String: String] = [:]
    for name in lexicons.table("places").rows.filter({ $0[1] != "country" }).map({ $0[0] }).sorted() {
      if byUpper[name.uppercased()] == nil { byUpper[name.uppercased()] = name }
    }
    cityByUpper = WordTable(byUpper)
    var o: [String: String] = [:]
    for row in lexicons.table("organisations").rows { o[row[0].lowercased()] = row.count > 1 ? row[1] : row[0] }
    organisations = WordTable(o)
    let orgFirstWords = o.keys.compactMap { k in k.split(separator: " ").count > 1 ? k.split(separator: " ").first.map(String.init) : nil }
    var kinds: [String: UInt8] = [:]
    for k in o.keys { kinds[k, default: 0] |= WordKind.organisation }
    for k in orgFirstWords { kinds[k, default: 0] |= WordKind.organisationFirst }
    for k in EnglishFunctionWords.list { kinds[k, default: 0] |= WordKind.functionWord }
    for k in e.keys { kinds[k, default: 0] |= WordKind.eventWord }
    for k in Self.meetingVerbList { kinds[k, default: 0] |= WordKind.meetingVerb }
    for k in Self.representativeList { kinds[k, default: 0] |= WordKind.representative }
    for k in Self.determinerList { kinds[k, default: 0] |= WordKind.determiner }
    kinds["of", default: 0] |= WordKind.of
    wordKinds = WordTable(kinds)
  }

  /// The lists a lower-cased word is in, as bits of `wordKinds` (a word may be in several).
  private enum WordKind {
    /// An organisation noun (a key of `organisations`).
    static let organisation: UInt8 = 1
    /// The first word of an organisation noun of several words, so that a pair is only built when it
    /// can match.
    static let organisationFirst: UInt8 = 2
    /// An English function word.
    static let functionWord: UInt8 = 4
    /// An event noun (a key of `eventWords`).
    static let eventWord: UInt8 = 8
    /// In `meetingVerbs`.
    static let meetingVerb: UInt8 = 16
    /// In `representativeList`.
    static let representative: UInt8 = 32
    /// In `determinerList`.
    static let determiner: UInt8 = 64
    /// "of".
    static let of: UInt8 = 128
  }

  /// The `WordKind` bits of word `k`.
  @inline(__always)
  private func kinds(_ ws: [Word], _ k: Int) -> UInt8 {
    wordKinds.value(hash: ws[k].lowerHash, key: ws[k].lower) ?? 0
  }

  /// Whether word `k` is an organisation noun, or starts one of two words with the next word.
  @inline(__always)
  private func startsOrganisation(_ ws: [Word], _ k: Int, kinds c: UInt8) -> Bool {
    c & WordKind.organisation != 0
      || (c & WordKind.organisationFirst != 0 && k + 1 < ws.count
        && Self.pairValue(organisations, ws[k].lower, ws[k + 1].lower) != nil)
  }

  /// City names by their upper-cased spelling (the first in sorted order), for datelines in capitals.
  private let cityByUpper: WordTable<String>

  private func name(_ ws: [Word], _ i: Int, in table: WordPhraseTable<Bool>) -> Int {
    table.longest(ws, i, maxWords: 3)?.count ?? 0
  }

  /// The first city the sentence names anywhere ("the scenic city of Chiang Mai").
  public func anyCity(in ws: [Word]) -> String? {
    var k = 0
    while k < ws.count {
      // Words that start no city name (most) are skipped by the phrase table's filter.
      k = cities.nextStart(ws, from: k)
      guard k < ws.count else { break }
      let m = name(ws, k, in: cities)
      if m > 0 { return Self.texts(ws, k, k + m) }
      k += 1
    }
    return nil
  }

  /// The first city named after "in" or "at", or a city that opens the sentence as a dateline.
  public func place(in ws: [Word]) -> String? {
    // "in" and "at" told apart by their hashes first.
    for k in ws.indices
    where ((ws[k].lowerHash == Self.inHash && ws[k].lower == "in") || (ws[k].lowerHash == Self.atHash && ws[k].lower == "at"))
      && k + 1 < ws.count
    {
      let m = name(ws, k + 1, in: cities)
      if m > 0 { return Self.texts(ws, k + 1, k + 1 + m) }
    }
    // "VIENTIANE, March 4 (Mekong Wire) -": a dateline city in capitals.
    if ws.count > 1, Self.isComma(ws[1]) || (ws.count > 2 && Self.isComma(ws[2])) {
      if let hit = cityInCapitals(ws, words: 1) { return hit }
      if let hit = cityInCapitals(ws, words: ws.count > 2 ? 2 : 1) { return hit }
    }
    return nil
  }

  /// `place(in:) ?? anyCity(in:)` in one pass over the words that may start a city name: the first
  /// city after "in" or "at", else a dateline city in capitals, else the first city named anywhere.
  public func placeOrAnyCity(in ws: [Word]) -> String? {
    var first: Range<Int>? = nil
    var k = 0
    while k < ws.count {
      // Words that start no city name (most) are skipped by the phrase table's filter.
      k = cities.nextStart(ws, from: k)
      guard k < ws.count else { break }
      let m = name(ws, k, in: cities)
      if m > 0 {
        if k > 0,
          (ws[k - 1].lowerHash == Self.inHash && ws[k - 1].lower == "in")
            || (ws[k - 1].lowerHash == Self.atHash && ws[k - 1].lower == "at")
        {
          return Self.texts(ws, k, k + m)
        }
        if first == nil { first = k..<(k + m) }
      }
      k += 1
    }
    // "VIENTIANE, March 4 (Mekong Wire) -": a dateline city in capitals.
    if ws.count > 1, Self.isComma(ws[1]) || (ws.count > 2 && Self.isComma(ws[2])) {
      if let hit = cityInCapitals(ws, words: 1) { return hit }
      if let hit = cityInCapitals(ws, words: ws.count > 2 ? 2 : 1) { return hit }
    }
    guard let first else { return nil }
    return Self.texts(ws, first.lowerBound, first.upperBound)
  }

  /// `ws[a..<b].map(\.text).joined(separator: " ")` (`a < b`), without the array: one word's text is
  /// itself, and the texts of several are appended one by one.
  static func texts(_ ws: [Word], _ a: Int, _ b: Int) -> String {
    var out = ws[a].text
    for k in (a + 1)..<b {
      out += " "
      out += ws[k].text
    }
    return out
  }

  /// `WordTable.hashCode` of "in", "at" and ",".
  private static let inHash: UInt64 = 0x08b7_3807_b55c_4bbf
  private static let atHash: UInt64 = 0x089c_4e07_b545_a969
  private static let commaHash: UInt64 = 0xaf63_a14c_8601_884b

  /// Whether the word's text is ",".
  @inline(__always)
  private static func isComma(_ w: Word) -> Bool { w.textHash == commaHash && w.text == "," }

  /// `cityByUpper[t.uppercased()]` for `t` the texts of the first `n` words (one or two) joined by a
  /// space. ASCII texts are hashed upper-cased in place, and the key is made only when a slot's hash
  /// matches (the same answer as the subscript, which hashes the key's bytes).
  private func cityInCapitals(_ ws: [Word], words n: Int) -> String? {
    func key() -> String { (n == 1 ? ws[0].text : ws[0].text + " " + ws[1].text).uppercased() }
    guard ws[0].textHash != 0, n == 1 || ws[1].textHash != 0 else { return cityByUpper[key()] }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    for k in 0..<n {
      if k > 0 { add(0x20) }
      for b in ws[k].text.utf8 { add(b >= 0x61 && b <= 0x7A ? b - 0x20 : b) }
    }
    return cityByUpper.value(hash: h | 1, makingKey: key)
  }

  /// A meeting of people: "Chen met Soe Htut", "Chen and Soe Htut met on March 23". Participants are
  /// the people of the article named in the sentence (full names, or surnames that resolve to one).
  ///
  /// `index` holds what is read of each person (`PeopleIndex`), brought up to date with `people` here.
  func personMeeting(
    _ ws: [Word], type: String, at eventWord: Range<Int>, people: [String], index: inout PeopleIndex,
    dates: [DatedSpan]
  ) -> [Match] {
    guard type == "meeting", !people.isEmpty else { return [] }
    index.catchUp(with: people)
    var found: [(String, Range<Int>)] = []
    let partsOfPeople = index.parts
    let byLength = index.byLength
    let firstHashes = index.firstHashes
    var i = 0
    while i < ws.count {
      var matched = false
      let wordHash = ws[i].textHash
      for p in byLength {
        // Two ASCII texts of different hashes differ: most people are told apart without comparing.
        let firstHash = firstHashes[p]
        if wordHash != 0, firstHash != 0, wordHash != firstHash { continue }
        // The words' texts compared in place, without making an array of them.
        let parts = partsOfPeople[p]
        if i + parts.count <= ws.count, parts.indices.allSatisfy({ ws[i + $0].text == parts[$0] }) {
          found.append((people[p], ws[i].range.lowerBound..<ws[i + parts.count - 1].range.upperBound))
          i += parts.count
          matched = true
          break
        }
      }
      if matched { continue }
      // "her Cambodian counterpart Hun Manet": a name right after "counterpart" is a participant even
      // when the article has not introduced it yet.
      if ws[i].lowerIs("counterpart") || ws[i].lowerIs("counterparts") {
        var j = i + 1
        while j < ws.count, j - i <= 4, ws[j].isCapitalized, ws[j].range.lowerBound - ws[j - 1].range.upperBound == 1 { j += 1 }
        if j - i - 1 >= 2 {
          found.append((Self.texts(ws, i + 1, j), ws[i + 1].range.lowerBound..<ws[j - 1].range.upperBound))
          i = j
          continue
        }
      }
      if ws[i].isCapitalized, i + 1 >= ws.count || !ws[i + 1].isCapitalized {
        // The one distinct person whose first or last word this is, if there is exactly one.
        let text = ws[i].text
        var candidate: String? = nil
        var several = false
        for (person, parts) in zip(people, partsOfPeople)
        where parts.count > 1 && (parts.first == text || parts.last == text) {
          if let c = candidate {
            if c != person {
              several = true
              break
            }
          } else {
            candidate = person
          }
        }
        if !several, let c = candidate { found.append((c, ws[i].range)) }
      }
      i += 1
    }
    let names = Self.sortedUnique(found.map(\.0))
    guard names.count >= 2, let first = found.first, let last = found.last else { return [] }
    let range = first.1.lowerBound..<last.1.upperBound
    let date = Self.date(near: [eventWord, range], in: ws, among: dates)
    return [Match(range: range, event: EventMention(type: type, participants: names, place: place(in: ws), date: date))]
  }

  /// What `personMeeting` reads of each person of an article, made once a person instead of once a
  /// call: the article's list of people only grows (names are appended), and the index grows with it.
  ///
  /// A reader of a document keeps one index for the document and passes it to every call of
  /// `extract(from:words:dates:people:index:)` with that document's list.
  struct PeopleIndex {
    /// Each person's words (`nameParts`), in the order of the people.
    private(set) var parts: [[String]] = []
    /// Each person's length in characters.
    private var lengths: [Int] = []
    /// The people's indices, longest first (in characters), people of one length in their order: a
    /// stable sort of the indices by length, kept as people are added.
    private(set) var byLength: [Int] = []
    /// The `WordTable.hashCode` of each person's first word (0 for none, or when it is not ASCII).
    private(set) var firstHashes: [UInt64] = []

    init() {}

    /// Empties the index (for another document), its storage kept.
    mutating func removeAll() {
      parts.removeAll(keepingCapacity: true)
      lengths.removeAll(keepingCapacity: true)
      byLength.removeAll(keepingCapacity: true)
      firstHashes.removeAll(keepingCapacity: true)
    }

    /// Reads the people of `people` past the ones indexed (the list must extend the one read before).
    mutating func catchUp(with people: [String]) {
      guard parts.count < people.count else { return }
      for p in parts.count..<people.count {
        let words = EventExtractor.nameParts(people[p])
        let length = EventExtractor.characterCount(people[p])
        parts.append(words)
        lengths.append(length)
        firstHashes.append(words.first.map { WordTable<Bool>.hashCode(bytes: $0.utf8) } ?? 0)
        // After every person at least as long, before the shorter ones: where a stable sort of all
        // the indices puts the last one.
        var at = byLength.count
        while at > 0, lengths[byLength[at - 1]] < length { at -= 1 }
        byLength.insert(p, at: at)
      }
    }
  }

  /// `name.split(separator: " ").map(String.init)`: an ASCII name is split at its space bytes (the
  /// same pieces: in ASCII text only CR LF is a character of two bytes, and it holds no space).
  static func nameParts(_ name: String) -> [String] {
    let ascii = name.utf8.withContiguousStorageIfAvailable { b -> [String]? in
      // Room for every part at once (at most one more than the spaces): grown part by part, a name
      // of three words was allocated twice.
      var spaces = 0
      for c in b where c == 0x20 { spaces += 1 }
      var parts: [String] = []
      parts.reserveCapacity(spaces + 1)
      var start = 0
      for k in 0..<b.count {
        let c = b[k]
        if c >= 0x80 { return nil }
        if c == 0x20 {
          if k > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self)) }
          start = k + 1
        }
      }
      if b.count > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<b.count]), as: UTF8.self)) }
      return parts
    }
    if let parts = ascii ?? nil { return parts }
    return name.split(separator: " ").map(String.init)
  }

  /// `name.count`: an ASCII name without CR LF has one character per byte.
  static func characterCount(_ name: String) -> Int {
    let ascii = name.utf8.withContiguousStorageIfAvailable { b -> Bool in
      for c in b where c >= 0x80 || c == 0x0D { return false }
      return true
    }
    return ascii == true ? name.utf8.count : name.count
  }

  public func extract(from sentence: String, words ws: [Word], dates: [DatedSpan] = [], people: [String] = []) -> [Match] {
    var index = PeopleIndex()
    return extract(bytes: Array(sentence.utf8), words: ws, dates: dates, people: people, index: &index)
  }

  /// `extract(from:words:dates:people:)` with the document's `PeopleIndex`, kept from call to call
  /// (with `people` the document's list so far), so that each person is read once a document.
  /// The sentence is read as its UTF-8 bytes, so that the caller need not make its string.
  func extract(bytes sentence: [UInt8], words ws: [Word], dates: [DatedSpan], people: [String], index: inout PeopleIndex) -> [Match] {
    var type: String? = nil
    var eventWord = 0..<0
    // Whether a word before the event word (all words when there is none) is a delegate noun.
    var sawDelegate = false
    var next = 0
    while next < ws.count {
      // Words without flags (most) are skipped by their filter bits.
      next = nextFlagged(ws, from: next)
      guard next < ws.count else { break }
      let i = next
      next += 1
      guard let f = eventScanFlags.value(hash: ws[i].lowerHash, key: ws[i].lower) else { continue }
      if f & Self.delegateBit != 0 { sawDelegate = true }
      // The pair is looked up by its hash, and built only when a slot's hash matches.
      if f & Self.pairBit != 0, i + 1 < ws.count, let t = Self.pairValue(eventWords, ws[i].lower, ws[i + 1].lower) {
        type = t
        eventWord = ws[i].range.lowerBound..<ws[i + 1].range.upperBound
        break
      }
      if f & Self.eventBit != 0, let t = eventWords.value(hash: ws[i].lowerHash, key: ws[i].lower) {
        type = t
        eventWord = ws[i].range
        break
      }
    }
    // Without an event word, only "ministers from A, B and C" can make one.
    if type == nil, !sawDelegate { return [] }
    // Find the longest enumeration of countries: A, B, C and D.
    var best: (Int, Int, [String])? = nil
    var i = 0
    while i < ws.count {
      // Words that start no country name (most) are skipped by the phrase table's filter.
      i = countries.nextStart(ws, from: i)
      guard i < ws.count else { break }
      let n = name(ws, i, in: countries)
      guard n > 0, i == 0 || !(ws[i - 1].lowerIs("to") || ws[i - 1].lowerIs("in") || ws[i - 1].lowerIs("at")) else {
        i += 1
        continue
      }
      // Room for a few names at once: most enumerations are of two to four.
      var items: [String] = []
      items.reserveCapacity(4)
      items.append(Self.texts(ws, i, i + n))
      var j = i + n
      while j + 1 < ws.count, ws[j].text == "," || ws[j].lower == "and" {
        var k = j + 1
        if ws[j].text == ",", k < ws.count, ws[k].lower == "and" { k += 1 }
        let m = name(ws, k, in: countries)
        guard m > 0 else { break }
        items.append(Self.texts(ws, k, k + m))
        j = k + m
      }
      if items.count >= 2, best == nil || items.count > best!.2.count { best = (i, j, items) }
      i = max(i + 1, j)
    }
    // "the China-Myanmar-Thailand joint operation": countries joined by hyphens in one word.
    if best == nil, Self.holdsHyphen(sentence) {
      for k in ws.indices where ws[k].text.utf8.withContiguousStorageIfAvailable({ $0.contains(0x2D) }) ?? ws[k].text.utf8.contains(0x2D) {
        let parts = ws[k].text.split(separator: "-").map(String.init)
        if parts.count >= 2, parts.allSatisfy({ countries.contains($0) }) {
          best = (k, k + 1, parts)
          break
        }
      }
    }
    // "Fisheries ministers from Kenya, Tanzania and Uganda agreed …": the people of several countries
    // acting together meet, whether or not the sentence names the meeting.
    if type == nil, let (s, _, _) = best, s >= 2, ["from", "of"].contains(ws[s - 1].lower),
      Self.delegates.contains(lower: ws[s - 2])
    {
      type = "meeting"
      eventWord = ws[s - 2].range
    }
    guard let eventType = type else { return [] }
    guard let (s, e, items) = best else {
      if let m = organisationEvent(ws, type: eventType, at: eventWord, dates: dates) { return [m] }
      return personMeeting(ws, type: eventType, at: eventWord, people: people, index: &index, dates: dates)
    }
    let place = self.place(in: ws)
    let range = ws[s].range.lowerBound..<ws[e - 1].range.upperBound
    let date = Self.date(near: [eventWord, range], in: ws, among: dates)
    return [Match(range: range, event: EventMention(type: eventType, participants: Self.sortedUnique(items), place: place, date: date))]
  }

  /// `Array(Set(items)).sorted()`, without the set (which hashes every item): the items sorted, and
  /// each run of equal items kept once. Equal strings sort next to each other (`<` and `==` on
  /// `String` agree: both compare the canonical form), so the runs are the set's members; the first of
  /// a run is the first of its items, as in the set, since the sort keeps equal items in their order.
  static func sortedUnique(_ items: [String]) -> [String] {
    var out = items.sorted()
    var kept = 0
    for k in out.indices where kept == 0 || out[k] != out[kept - 1] {
      if k != kept { out.swapAt(k, kept) }
      kept += 1
    }
    if kept < out.count { out.removeLast(out.count - kept) }
    return out
  }

  /// Whether the UTF-8 bytes of `s` hold "-" (0x2D), read eight at a time.
  ///
  /// `extract` asks it before it looks for countries joined by hyphens in a word: the words are the
  /// sentence's own (`WordScanner` makes each from the sentence's bytes), so a sentence without the
  /// byte has no word with it, and the scan of every word's text is skipped.
  static func holdsHyphen(_ s: String) -> Bool {
    s.utf8.withContiguousStorageIfAvailable { holdsHyphen($0) } ?? s.utf8.contains(0x2D)
  }

  /// `holdsHyphen(_:)` on a sentence's UTF-8 bytes.
  static func holdsHyphen(_ s: [UInt8]) -> Bool {
    s.withUnsafeBufferPointer { holdsHyphen($0) }
  }

  /// `holdsHyphen(_:)` on UTF-8 bytes read in place.
  private static func holdsHyphen(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = b.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    let n = b.count
    var k = 0
    while k + 8 <= n {
      // A byte of `v` is zero where the text's byte is 0x2D; the test below is non-zero exactly
      // when some byte of `v` is zero.
      let v = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x2D2D_2D2D_2D2D_2D2D
      if (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0 { return true }
      k += 8
    }
    while k < n {
      if b[k] == 0x2D { return true }
      k += 1
    }
    return false
  }

  // MARK: - Organisations

  /// Words that open a noun phrase.
  private static let determinerList = ["the", "their", "its", "his", "her", "our", "a", "an"]
  /// People who stand for an organisation: "officials of the ministry", "leaders of the union".
  private static let representativeList = [
    "officials", "leaders", "representatives", "delegates", "members", "negotiators", "envoys", "heads",
  ]
  /// People who stand for their countries at a gathering: "ministers from Kenya, Tanzania and Uganda".
  private static let delegateWords = [
    "ministers", "leaders", "delegates", "delegations", "envoys", "negotiators", "representatives", "officials",
  ]
  private static let delegates = WordSet(delegateWords)
  /// Verbs of meeting that join two participants: "the ministry met (leaders of) the union".
  private static let meetingVerbList = ["met", "meets", "meet", "joined"]
  private static let meetingVerbs = WordSet(meetingVerbList)

  /// An organisation's noun phrase starting at word `p`: "the dockers' union", "the Port of
  /// Antwerp-Bruges authority", "the state education ministry", "the Ministry of Labour". Returns the
  /// word after it, where its text starts (after a determiner) and its keys, head first.
  /// `WordTable.hashCode` of "'" and of "'s".
  static let apostropheHash = WordTable<Bool>.hashCode(bytes: [UInt8(ascii: "'")])
  static let possessiveHash = WordTable<Bool>.hashCode(bytes: [UInt8(ascii: "'"), UInt8(ascii: "s")])

  /// `table[a + " " + b]`, the pair built only when its hash is found.
  @inline(__always)
  static func pairValue<V>(_ table: WordTable<V>, _ a: String, _ b: String) -> V? {
    table.value(hash: QuantityExtractor.pairHash(a, b), makingKey: { a + " " + b })
  }

  /// What `organisation(_:_:at:)` asks of a word, as bits of `wordClasses`: each is read once a
  /// sentence instead of once for every position whose scan passes the word.
  private enum WordClass {
    /// An organisation noun of one word (`organisations` has its lower-cased text).
    static let single: UInt8 = 1
    /// Not `single`, but the first of an organisation noun of two words with the next word.
    static let pair: UInt8 = 2
    /// "'", "’", "'s" or "’s".
    static let apostrophe: UInt8 = 4
    /// Lower-cased "of".
    static let of: UInt8 = 8
    /// A word that may modify an organisation noun: it starts with a letter and is no function word,
    /// event noun or meeting verb.
    static let modifier: UInt8 = 16
    /// A representative noun ("officials").
    static let representative: UInt8 = 32
    /// A determiner ("the").
    static let determiner: UInt8 = 64
  }

  /// The `WordClass` bits of every word of `ws`, into `out` (as long as `ws`).
  private func wordClasses(_ ws: [Word], into out: UnsafeMutableBufferPointer<UInt8>) {
    // Read once: each read of a static made at run time is a call (`swift_once`).
    let apostropheHash = Self.apostropheHash
    let possessiveHash = Self.possessiveHash
    for k in ws.indices {
      var c: UInt8 = 0
      // One lookup gives every list the word is in.
      let kind = kinds(ws, k)
      if kind & WordKind.organisation != 0 {
        c |= WordClass.single
      } else if kind & WordKind.organisationFirst != 0, k + 1 < ws.count,
        Self.pairValue(organisations, ws[k].lower, ws[k + 1].lower) != nil
      {
        c |= WordClass.pair
      }
      // An apostrophe or a possessive: "'" and "'s" are ASCII (their hash tells), "’" and "’s" are not
      // (hash 0); the text is compared only then.
      let th = ws[k].textHash
      if th == 0 || th == apostropheHash || th == possessiveHash {
        let t = ws[k].text
        if t == "'" || t == "’" || t == "'s" || t == "’s" { c |= WordClass.apostrophe }
      }
      if kind & WordKind.of != 0 { c |= WordClass.of }
      if kind & (WordKind.functionWord | WordKind.eventWord | WordKind.meetingVerb) == 0, ws.startsWithLetter(at: k) {
        c |= WordClass.modifier
      }
      if kind & WordKind.representative != 0 { c |= WordClass.representative }
      if kind & WordKind.determiner != 0 { c |= WordClass.determiner }
      out[k] = c
    }
  }

  /// `cls` holds the `WordClass` bits of the words (`wordClasses`).
  private func organisation(_ ws: [Word], _ cls: UnsafeMutableBufferPointer<UInt8>, at p: Int) -> (end: Int, textStart: Int, keys: [String])? {
    var k = p
    if k < ws.count, cls[k] & WordClass.representative != 0, k + 1 < ws.count, cls[k + 1] & WordClass.of != 0 { k += 2 }
    if k < ws.count, cls[k] & WordClass.determiner != 0 { k += 1 }
    let textStart = k
    var head: Int? = nil
    var keys: [String] = []
    var modifiers = 0
    // The words are read by index, so that no whole `Word` is copied.
    while k < ws.count, modifiers <= 5 {
      let c = cls[k]
      if c & (WordClass.single | WordClass.pair) != 0 {
        // The value is read again only for the noun found.
        let key: String?
        if c & WordClass.single != 0 {
          key = organisations.value(hash: ws[k].lowerHash, key: ws[k].lower)
        } else {
          key = Self.pairValue(organisations, ws[k].lower, ws[k + 1].lower)
          k += 1
        }
        if let key { keys.append(key) }
        head = k
        k += 1
        continue
      }
      if c & WordClass.apostrophe != 0 {
        k += 1
        continue
      }
      // "Port of Antwerp-Bruges authority", "Ministry of Labour": "of" inside a capitalised name.
      if c & WordClass.of != 0, k > textStart, ws[k - 1].isCapitalized, k + 1 < ws.count, ws[k + 1].isCapitalized {
        k += 1
        continue
      }
      guard c & WordClass.modifier != 0 else { break }
      k += 1
      modifiers += 1
    }
    guard var h = head else { return nil }
    // "the Ministry of Labour", "the Federation of Trade Unions".
    if h + 2 < ws.count, ws[h].isCapitalized, ws[h + 1].lower == "of", ws[h + 2].isCapitalized {
      h += 2
      while h + 1 < ws.count, ws[h + 1].isCapitalized { h += 1 }
    }
    // The head comes first; other organisation nouns of the name follow ("employers' association").
    let primary = keys.last!
    // One noun (the common case): the keys are the answer, without a new array.
    if keys.count == 1 { return (h + 1, textStart, keys) }
    var rest: [String] = []
    for key in keys.dropLast().reversed() where key != primary && !rest.contains(key) { rest.append(key) }
    return (h + 1, textStart, [primary] + rest)
  }

  /// What joins two participants: ",", "and", ", and", "met", "met with", "met leaders of".
  private func separator(_ ws: [Word], at k: Int) -> Int? {
    guard k < ws.count else { return nil }
    var j = k
    if ws[j].text == "," {
      j += 1
      if j < ws.count, ws[j].lower == "and" { j += 1 }
      return j
    }
    if ws[j].lower == "and" { return j + 1 }
    if Self.meetingVerbs.contains(lower: ws[j]) {
      j += 1
      if j < ws.count, ws[j].lower == "with" { j += 1 }
      return j
    }
    return nil
  }

  /// Two or more organisations named together in a sentence about an event: "the state education
  /// ministry, the teachers' union and parents' associations", "the Ministry met leaders of the union".
  private func organisationEvent(_ ws: [Word], type: String, at eventWord: Range<Int>, dates: [DatedSpan]) -> Match? {
    // An organisation needs an organisation noun; most sentences have none.
    guard ws.indices.contains(where: { k in startsOrganisation(ws, k, kinds: kinds(ws, k)) }) else { return nil }
    // The words' classes in a buffer on the stack, read by every scan.
    let found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ws.count) { cls -> (start: Int, end: Int, items: [(text: String, keys: [String])])? in
      wordClasses(ws, into: cls)
      // An organisation's scan finds its head noun at or after where it starts: none starts after the
      // last organisation noun.
      var lastNoun = ws.count - 1
      while lastNoun >= 0, cls[lastNoun] & (WordClass.single | WordClass.pair) == 0 { lastNoun -= 1 }
      var best: (start: Int, end: Int, items: [(text: String, keys: [String])])? = nil
      var i = 0
      while i <= lastNoun {
        guard let first = organisation(ws, cls, at: i) else {
          i += 1
          continue
        }
        var items = [(text: text(ws, first.textStart, first.end), keys: first.keys)]
        var end = first.end
        while let next = separator(ws, at: end), let o = organisation(ws, cls, at: next) {
          items.append((text(ws, o.textStart, o.end), o.keys))
          end = o.end
        }
        if items.count >= 2, best == nil || items.count > best!.items.count { best = (i, end, items) }
        i = end
      }
      return best
    }
    guard let (s, e, items) = found else { return nil }
    let range = ws[s].range.lowerBound..<ws[e - 1].range.upperBound
    let sorted = items.sorted { $0.text < $1.text }
    return Match(
      range: range,
      event: EventMention(
        type: type, participants: sorted.map(\.text), participantKeys: sorted.map(\.keys), place: place(in: ws),
        date: Self.date(near: [eventWord, range], in: ws, among: dates)))
  }

  /// The words from `a` up to `b` as written, possessive marks attached ("teachers' union").
  private func text(_ ws: [Word], _ a: Int, _ b: Int) -> String {
    var out = ""
    for w in ws[a..<b] {
      if !out.isEmpty, !["'", "’", "'s", "’s", ","].contains(w.text) { out += " " }
      out += w.text
    }
    return out
  }

  // MARK: - Dates

  /// Words that start another clause: a date beyond them dates something else ("suspended the strike
  /// on Friday after the union and the employers agreed to resume talks").
  private static let clauseBreaks: WordSet = [
    "after", "before", "when", "while", "as", "since", "until", "because", "but", "which", "who", ";", ":",
  ]

  /// The date stated next to the event word or its participants: at most four words away, with no
  /// clause between ("met on Tuesday", "Talks in Brussels on April 9", "on 25 February").
  static func date(near anchors: [Range<Int>], in ws: [Word], among dates: [DatedSpan]) -> CalendarDate? {
    // The words are read in place by index (`firstIndex(where:)`, `lastIndex(where:)` and
    // `contains(where:)` copied each word they passed, retaining its strings).
    func wordIndex(_ offset: Int) -> Int? {
      for k in ws.indices where ws[k].range.upperBound > offset { return k }
      return nil
    }
    func lastWord(before offset: Int) -> Int? {
      var k = ws.count - 1
      while k >= 0 {
        if ws[k].range.lowerBound < offset { return k }
        k -= 1
      }
      return nil
    }
    var best: (distance: Int, date: CalendarDate)? = nil
    for d in dates {
      guard let ds = wordIndex(d.range.lowerBound), let de = lastWord(before: d.range.upperBound) else { continue }
      for anchor in anchors where !anchor.isEmpty {
        guard let a0 = wordIndex(anchor.lowerBound), let a1 = lastWord(before: anchor.upperBound) else { continue }
        // The words between the date and the anchor: `ws[between]`.
        let between: Range<Int>
        if de < a0 { between = (de + 1)..<a0 } else if ds > a1 { between = (a1 + 1)..<ds } else { between = 0..<0 }
        guard between.count <= 4 else { continue }
        var breaks = false
        for k in between where clauseBreaks.contains(ws[k].lower) {
          breaks = true
          break
        }
        if breaks { continue }
        if best == nil || between.count < best!.distance { best = (between.count, d.date) }
      }
    }
    return best?.date
  }
}
