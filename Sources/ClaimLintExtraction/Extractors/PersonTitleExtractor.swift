import ClaimLintCore

/// Reads people named with a title: "Chinese Foreign Ministry spokesman Guo Jiakun", "Chinese Ambassador
/// to Myanmar Ma Jia", "Union Minister for Home Affairs Lieutenant-General Kyaw Min", and
/// appositives such as "Ana Ruiz, the foreign minister,".
///
/// A title is a run of title words from `titles.tsv`, capitalised words and connectors that holds at
/// least one role word; the name is the run of one to four capitalised words after it (honorifics such
/// as the Burmese "U" are dropped from the name).
public struct PersonTitleExtractor: Sendable {
  public struct Match: Sendable, Hashable {
    public var personRange: Range<Int>
    public var titleRange: Range<Int>
    public var title: PersonTitle
  }

  enum Kind: String { case role, rank, portfolio, org, honorific }

  private let words: WordTable<Kind>
  private let phrases: WordPhraseTable<Kind>
  private let places: WordPhraseTable<Bool>
  /// A bit per `WordTable.asciiHash` of each title phrase's first word (64 words of 64 bits, indexed
  /// like the phrase table's own filter): an ASCII word whose bit is clear starts no title phrase, so
  /// `lookup` would return nil there. Read in the scan for title starts, held in a local pointer.
  ///
  /// Its words 64 to 127 are the same filter by the hash's next twelve bits (bits 40 to 51, the top
  /// twelve of `hash << 12`): a word is skipped when its bit is clear in either. With the first
  /// filter alone, common words ("a", "be", "by") share a bit with a title's first word, and each was
  /// looked up in the phrase table for nothing.
  private let firstWordBits: [UInt64]
  /// The same two filters (64 words each) for the first words of the role phrases alone: an ASCII
  /// word whose bit is clear in either starts no role phrase (`mayHoldRole`).
  private let roleFirstBits: [UInt64]
  /// The same two filters for the one-word role phrases (words 0 to 127) and for the second words of
  /// the longer ones (words 128 to 255), or empty when some role phrase has a first or second word
  /// outside ASCII (which has no bit). A word that starts a role phrase but is not a one-word role
  /// starts one only when the next word is a role phrase's second word (`mayHoldRole`).
  private let roleSecondBits: [UInt64]
  private static let connectors: WordSet = ["of", "for", "to", "and", "the", "'s"]
  /// The most words a title run may span before its role ("Deputy Minister of Foreign Affairs and
  /// International Cooperation" is 8). Without a bound, a line of thousands of capitalised words
  /// costs time quadratic in its length (issue #8).
  static let maxTitleRun = 24
  private static let notNames: WordSet = [
    "The", "A", "An", "On", "In", "At", "He", "She", "They", "It", "This", "That", "But", "And", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December", "During", "After", "Before", "Since", "While",
    "When", "As", "Chinese", "Thai", "Burmese", "Myanmar's", "Lao", "Vietnamese", "Cambodian", "Laotian",
  ]

  public init(lexicons: LexiconSet) {
    var w: [String: Kind] = [:]
    var table = WordPhraseTable<Kind>(caseSensitive: false)
    var bits = [UInt64](repeating: 0, count: 64)
    var bits2 = [UInt64](repeating: 0, count: 64)
    var roleBits = [UInt64](repeating: 0, count: 64)
    var roleBits2 = [UInt64](repeating: 0, count: 64)
    var singleBits = [UInt64](repeating: 0, count: 128)
    var secondBits = [UInt64](repeating: 0, count: 128)
    var secondUsable = true
    for row in lexicons.table("titles").rows {
      guard let k = Kind(rawValue: row[1]) else { continue }
      let key = row[0].lowercased()
      w[key] = k
      table.add(key, k)
      if let first = key.split(separator: " ", omittingEmptySubsequences: false).first,
        let h = WordTable<Int>.asciiHash(String(first))
      {
        HashFilter.insert(h, into: &bits)
        HashFilter.insert(h << 12, into: &bits2)
        if k == .role {
          HashFilter.insert(h, into: &roleBits)
          HashFilter.insert(h << 12, into: &roleBits2)
        }
      }
      if k == .role {
        let parts = key.split(separator: " ", omittingEmptySubsequences: false)
        let word = parts.count == 1 ? parts.first : parts.dropFirst().first
        if let f = parts.first, WordTable<Int>.asciiHash(String(f)) != nil, let word, let h = WordTable<Int>.asciiHash(String(word)) {
          if parts.count == 1 { Self.insertTwice(h, into: &singleBits) } else { Self.insertTwice(h, into: &secondBits) }
        } else {
          secondUsable = false
        }
      }
    }
    firstWordBits = bits + bits2
    roleFirstBits = roleBits + roleBits2
    roleSecondBits = secondUsable ? singleBits + secondBits : []
    words = WordTable(w)
    phrases = table.finished()
    var p = WordPhraseTable<Bool>(caseSensitive: true)
    for row in lexicons.table("places").rows { p.add(row[0], true) }
    places = p.finished()
  }

  /// Sets the bits of hash `h` in the two filters of `bits` (128 words): by its top twelve bits in
  /// words 0 to 63 and by the next twelve in words 64 to 127.
  private static func insertTwice(_ h: UInt64, into bits: inout [UInt64]) {
    bits[Int(truncatingIfNeeded: h >> 58)] |= 1 << ((h >> 52) & 63)
    bits[64 + Int(truncatingIfNeeded: (h << 12) >> 58)] |= 1 << (((h << 12) >> 52) & 63)
  }

  /// Whether hash `h` may be one of the keys of the two filters at `bits[at..<(at + 128)]`.
  @inline(__always)
  private static func mayHoldTwice(_ bits: UnsafeBufferPointer<UInt64>, at: Int, _ h: UInt64) -> Bool {
    HashFilter.mayHold(bits[at..<(at + 64)], h) && HashFilter.mayHold(bits[(at + 64)..<(at + 128)], h << 12)
  }

  /// The lexicon kind and length (in words) of the longest title phrase starting at `i`. Inlined, so
  /// that the phrase table's filter settles most words without a call.
  @inline(__always)
  private func lookup(_ ws: [Word], _ i: Int) -> (Kind, Int)? {
    phrases.longest(ws, i).map { ($0.value, $0.count) }
  }

  /// The kind of the longest title phrase starting at `i` (`lookup`), for tests.
  func phraseKind(_ ws: [Word], _ i: Int) -> Kind? { lookup(ws, i)?.0 }

  private func placeLength(_ ws: [Word], _ i: Int) -> Int {
    places.longest(ws, i, maxWords: 3)?.count ?? 0
  }

  /// `isNameWord(ws[k])`, without copying the word when it is not capitalised (most are not): that
  /// test is inlined into the caller, the rest is not.
  @inline(__always)
  private func isNameWord(_ ws: [Word], _ k: Int) -> Bool {
    guard ws[k].isCapitalized else { return false }
    return isCapitalizedNameWord(ws, k)
  }

  /// `isNameWord(ws, k)` for a capitalised word.
  @inline(never)
  private func isCapitalizedNameWord(_ ws: [Word], _ k: Int) -> Bool {
    // An ASCII word (its text hash is not 0) is read in place: the lists by its hashes, then its bytes.
    guard ws[k].textHash != 0 else { return isNameWord(ws[k]) }
    guard !Self.notNames.contains(text: ws[k]) else { return false }
    if let kind = words.value(hash: ws[k].lowerHash, key: ws[k].lower), kind != .honorific { return false }
    let answer = ws[k].text.utf8.withContiguousStorageIfAvailable { b -> Bool in
      for c in b where c >= 0x30 && c <= 0x39 { return false }
      let f = b.first ?? 0
      return (f >= 0x41 && f <= 0x5A) || (f >= 0x61 && f <= 0x7A)
    }
    return answer ?? isNameWord(ws[k])
  }

  private func isNameWord(_ w: Word) -> Bool {
    guard w.isCapitalized, !w.text.isEmpty, !Self.notNames.contains(w.text) else { return false }
    if let k = words.value(hash: w.lowerHash, key: w.lower), k != .honorific { return false }
    // ASCII text: the digits are its only numeric scalars and its letters its only alphabetic ones.
    if w.text.utf8.allSatisfy({ $0 < 0x80 }) {
      if w.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
      let f = w.text.utf8.first ?? 0
      return (f >= 0x41 && f <= 0x5A) || (f >= 0x61 && f <= 0x7A)
    }
    if w.text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
    return w.text.unicodeScalars.first?.properties.isAlphabetic ?? false
  }

  /// Whether some word starts a role phrase (`lookup` gives `.role` there).
  ///
  /// Every match holds a role: a title run is kept only once `lookup` has given `.role` in it, and an
  /// appositive only when it has in its words. A sentence without one has no match. The role phrase
  /// `lookup` finds at a word starts with that word's lower-cased text, so an ASCII word (its hash
  /// not 0) whose bit is clear in `roleFirstBits` starts none; the other words are looked up.
  func mayHoldRole(_ ws: [Word]) -> Bool {
    var k = 0
    while k < ws.count {
      // The words that start no role phrase (most) are skipped on the storage.
      k = ws.withUnsafeBufferPointer { b in
        roleFirstBits.withUnsafeBufferPointer { bits in
          let bits2 = bits[64...]
          var k = k
          while k < b.count {
            let h = b[k].lowerHash
            guard h != 0, !HashFilter.mayHold(bits, h) || !HashFilter.mayHold(bits2, h << 12) else { break }
            k += 1
          }
          return k
        }
      }
      guard k < ws.count else { return false }
      if Self.secondWordRulesOut(ws, k, roleSecondBits) {
        k += 1
        continue
      }
      if lookup(ws, k)?.0 == .role { return true }
      k += 1
    }
    return false
  }

  /// Whether `roleSecondBits` (`bits`) tells that no role phrase starts at `ws[k]`, an ASCII word
  /// that starts one: it is no one-word role (its bit is clear in either one-word filter), so a role
  /// phrase there has a second word, the lower-cased text of `ws[k + 1]`, and there is no next word
  /// or it is an ASCII word whose bit is clear in either second-word filter. (The words are the
  /// scanner's, which hold no space: a phrase's words are the sentence's words one for one.) False
  /// when the filters are empty or cannot tell.
  @inline(__always)
  static func secondWordRulesOut(_ ws: [Word], _ k: Int, _ bits: [UInt64]) -> Bool {
    guard !bits.isEmpty else { return false }
    let h = ws[k].lowerHash
    return bits.withUnsafeBufferPointer { b in
      guard h != 0, !mayHoldTwice(b, at: 0, h) else { return false }
      guard k + 1 < ws.count else { return true }
      let h2 = ws[k + 1].lowerHash
      return h2 != 0 && !mayHoldTwice(b, at: 128, h2)
    }
  }

  public func extract(from sentence: String, words ws: [Word]) -> [Match] {
    var out: [Match] = []
    extract(bytes: Array(sentence.utf8), words: ws, into: &out)
    return out
  }

  /// `extract(from:words:)` on the sentence's UTF-8 bytes, appended to `out`, which must be empty: a
  /// caller that reads many sentences keeps one buffer instead of an array allocated for every
  /// sentence with a title. The texts of titles are sliced from the bytes, so that the caller need
  /// not make the sentence's string (most sentences hold no title).
  func extract(bytes sentence: [UInt8], words ws: [Word], into out: inout [Match]) {
    // Most sentences name no role (`mayHoldRole`): they hold no title.
    guard mayHoldRole(ws) else { return }
    extractAll(bytes: sentence, words: ws, into: &out)
  }

  /// `extract(from:words:)` without the test for a role first.
  func extractAll(from sentence: String, words ws: [Word]) -> [Match] {
    var out: [Match] = []
    extractAll(bytes: Array(sentence.utf8), words: ws, into: &out)
    return out
  }

  /// `extractAll(from:words:)` on the sentence's UTF-8 bytes, appended to `out`, which must be empty
  /// (it is read as the sentence's matches so far).
  private func extractAll(bytes sentence: [UInt8], words ws: [Word], into out: inout [Match]) {
    precondition(out.isEmpty)
    var i = 0
    while i < ws.count {
      // Lower-case ASCII words whose first-word bit is clear in either filter (most words) start
      // nothing: skipped on the words' storage, with the bits in local pointers, one hash read each.
      i = ws.withUnsafeBufferPointer { b in
        firstWordBits.withUnsafeBufferPointer { bits in
          let bits2 = bits[64...]
          var i = i
          while i < b.count, !b[i].isCapitalized {
            let h = b[i].lowerHash
            guard h != 0, !HashFilter.mayHold(bits, h) || !HashFilter.mayHold(bits2, h << 12) else { break }
            i += 1
          }
          return i
        }
      }
      guard i < ws.count else { break }
      // Start of a title run: a title word, or a capitalised word followed (eventually) by a role.
      guard ws[i].isCapitalized || lookup(ws, i) != nil else {
        i += 1
        continue
      }
      var j = i
      var lastRoleEnd: Int? = nil
      var sawRole = false
      while j < ws.count, j - i < Self.maxTitleRun {
        if let (k, n) = lookup(ws, j) {
          if k == .honorific { break }
          if k == .role {
            sawRole = true
            lastRoleEnd = j + n
          }
          j += n
          continue
        }
        // Read by index, so that no whole `Word` is copied.
        // "Bill Clinton and President Trump": before any role, "and" ends a name, not a title; the
        // title starts after it.
        if ws[j].lowerIs("and"), !sawRole, j > i {
          i = j + 1
          j += 1
          continue
        }
        // A capitalised word before any role continues the title; so would it as a connector followed
        // by a title word, which is therefore tested only for the other words.
        if ws[j].isCapitalized && !sawRole { j += 1; continue }
        if Self.connectors.contains(lower: ws[j]) && j + 1 < ws.count && (ws[j + 1].isCapitalized || lookup(ws, j + 1) != nil) && j > i {
          j += 1
          continue
        }
        // "Chief Strategy Officer": a field between two role words belongs to the title.
        if ws[j].isCapitalized, sawRole, j + 1 < ws.count, lookup(ws, j + 1)?.0 == .role {
          j += 1
          continue
        }
        // A lower-case word inside a title ("deputy national police chief"): continue when a role follows.
        if !sawRole, j > i, ws.startsWithLetter(at: j),
          (j + 1 < ws.count && lookup(ws, j + 1)?.0 == .role) || (j + 2 < ws.count && lookup(ws, j + 2)?.0 == .role)
        {
          j += 1
          continue
        }
        break
      }
      guard sawRole, let roleEnd = lastRoleEnd else {
        i += 1
        continue
      }
      // After the last role: "to Myanmar", "for Home Affairs", then the name.
      var k = roleEnd
      if k < ws.count, ws[k].lowerIs("to") || ws[k].lowerIs("for") || ws[k].lowerIs("of") {
        var m = k + 1
        var consumed = false
        while m < ws.count {
          if ws[m].lowerIs("the") { m += 1; continue }
          let p = placeLength(ws, m)
          if p > 0 { m += p; consumed = true; continue }
          if let (kind, n) = lookup(ws, m), kind == .org || kind == .portfolio { m += n; consumed = true; continue }
          break
        }
        if consumed { k = m }
      }
      var titleEnd = k
      // Honorifics and rank abbreviations between title and name ("U", "Pol. Gen.").
      while k < ws.count {
        if let (kind, n) = lookup(ws, k), kind == .honorific {
          k += n
        } else if ws[k].text == ".", k > titleEnd {
          k += 1
        } else {
          break
        }
      }
      var nameEnd = k
      while nameEnd < ws.count, nameEnd - k < 4, isNameWord(ws, nameEnd), placeLength(ws, nameEnd) == 0 { nameEnd += 1 }
      if nameEnd > k {
        // Trim leading title start words that are not title-ish ("The", sentence openers).
        var start = i
        while start < roleEnd, Self.notNames.contains(ws[start].text) && words.value(hash: ws[start].lowerHash, key: ws[start].lower) == nil
          && !["Chinese", "Thai", "Burmese", "Lao", "Vietnamese", "Cambodian", "Laotian"].contains(ws[start].text)
        {
          start += 1
        }
        // "I think Coach Lynn": a title starts at a capitalised or title word, not inside a clause.
        while start < roleEnd, ws[start].text == "I" || (!ws[start].isCapitalized && lookup(ws, start) == nil) {
          start += 1
        }
        if titleEnd > k { titleEnd = k }
        let tRange = ws[start].range.lowerBound..<ws[max(start, titleEnd - 1)].range.upperBound
        let pRange = ws[k].range.lowerBound..<ws[nameEnd - 1].range.upperBound
        let titleText = sentence.utf8Slice(tRange.lowerBound, tRange.upperBound)
        let person = ws.joinedText(k, nameEnd)
        out.append(
          Match(
            personRange: pRange, titleRange: tRange,
            title: PersonTitle(person: person, title: titleText, roles: roles(ws, start..<titleEnd))))
        i = nameEnd
        // Appositive after the name: ", acting director-general of …".
        if let app = appositive(sentence, ws, after: nameEnd, personWords: k..<nameEnd, person: person, personRange: pRange) { out.append(app) }
        continue
      }
      i = max(i + 1, roleEnd)
    }
    // "Ana Ruiz, the foreign minister," with no title before the name.
    var n = 0
    while n + 1 < ws.count {
      // A name starts capitalised: the words before the next capitalised one are skipped on the storage.
      n = ws.withUnsafeBufferPointer { b in
        var n = n
        while n + 1 < b.count, !b[n].isCapitalized { n += 1 }
        return n
      }
      guard n + 1 < ws.count else { break }
      if isNameWord(ws, n), isNameWord(ws, n + 1) || ws[n + 1].text == ",",
        !out.contains(where: { $0.personRange.contains(ws[n].range.lowerBound) })
      {
        var e = ws[n + 1].text == "," ? n : n + 1
        while e + 1 < ws.count, e - n < 3, isNameWord(ws, e + 1) { e += 1 }
        // The person's text is made only for an appositive found (most names have none).
        let pRange = ws[n].range.lowerBound..<ws[e].range.upperBound
        // `appositive` needs a comma and a word after the name: the place lookup is made only then.
        if e + 2 < ws.count, ws[e + 1].text == ",", placeLength(ws, n) == 0, let app = appositive(sentence, ws, after: e + 1, personWords: n..<(e + 1), personRange: pRange) {
          out.append(app)
        }
        n = e + 1
        continue
      }
      n += 1
    }
  }

  /// Words that start a clause, so an appositive cannot run through them.
  static let clauseWords: WordSet = ["said", "says", "told", "who", "which", "that", "is", "was", "has", "had", "will", "would"]

  /// The appositive title after word `i` of the person named by the words `personWords`: its text
  /// is `person` when the caller has it, else made (`joinedText`) only when there is an appositive.
  private func appositive(
    _ sentence: [UInt8], _ ws: [Word], after i: Int, personWords: Range<Int>, person: String? = nil, personRange: Range<Int>
  ) -> Match? {
    guard i + 1 < ws.count, ws[i].text == "," else { return nil }
    var s = i + 1
    if ["the", "a", "an"].contains(ws[s].lower) { s += 1 }
    var e = s
    var sawRole = false
    // After "president of", "spokesman for": the body's name, in any case ("of the pilots' union SEPLA").
    var inBody = false
    while e < ws.count, ws[e].text != ",", ws[e].text != ".", e - s < 24 {
      if let (k, n) = lookup(ws, e) {
        if k == .role { sawRole = true }
        e += n
        continue
      }
      if sawRole, ["of", "for", "at"].contains(ws[e].lower) { inBody = true }
      if Self.connectors.contains(lower: ws[e]) || ws[e].isCapitalized { e += 1; continue }
      if inBody, !Self.clauseWords.contains(lower: ws[e]), !ws[e].lower.hasSuffix("ed") { e += 1; continue }
      break
    }
    guard sawRole, e > s, !ws[s].isCapitalized || lookup(ws, s) != nil else { return nil }
    guard e == ws.count || ws[e].text == "," || ws[e].text == "." || ws[e].text == ";" else { return nil }
    let tRange = ws[s].range.lowerBound..<ws[e - 1].range.upperBound
    return Match(
      personRange: personRange, titleRange: tRange,
      title: PersonTitle(
        person: person ?? ws.joinedText(personWords.lowerBound, personWords.upperBound),
        title: sentence.utf8Slice(tRange.lowerBound, tRange.upperBound),
        roles: roles(ws, s..<e)))
  }

  /// Normalised roles of a title: each role word with the rank words and portfolio words before it
  /// ("Deputy Prime Minister and Union Minister for Foreign Affairs" → "deputy prime minister",
  /// "union minister foreign").
  public func roles(of ws: [Word]) -> [String] {
    roles(ws, 0..<ws.count)
  }

  /// `roles(of: Array(ws[range]))`, read in place: a phrase never runs past the range.
  func roles(_ ws: [Word], _ range: Range<Int>) -> [String] {
    var result: [String] = []
    var ranks: [String] = []
    var portfolios: [String] = []
    let end = range.upperBound
    /// `lookup` within the range.
    func lookupIn(_ i: Int) -> (Kind, Int)? {
      phrases.longest(ws, i, maxWords: end - i).map { ($0.value, $0.count) }
    }
    var i = range.lowerBound
    while i < end {
      if let (k, n) = lookupIn(i) {
        switch k {
        case .rank: ranks.append(ws.joinedLower(i, i + n))
        case .portfolio: portfolios.append(ws.joinedLower(i, i + n))
        case .role:
          let phrase = ws.joinedLower(i, i + n)
          // A portfolio right after ("Minister for Foreign Affairs") belongs to this role.
          var j = i + n
          if j < end, ws[j].lowerIs("for") || ws[j].lowerIs("of") {
            j += 1
            while j < end, let (k2, n2) = lookupIn(j), k2 == .portfolio || k2 == .org {
              if k2 == .portfolio { portfolios.append(ws.joinedLower(j, j + n2)) }
              j += n2
            }
          }
          result.append(Self.role(phrase, ranks: ranks, portfolios: portfolios))
          ranks.removeAll(keepingCapacity: true)
          portfolios.removeAll(keepingCapacity: true)
          i = j
          continue
        default: break
        }
        i += n
        continue
      }
      if ws[i].lowerIs("and") {
        ranks.removeAll(keepingCapacity: true)
        portfolios.removeAll(keepingCapacity: true)
      }
      i += 1
    }
    return result
  }

  /// `[ranks.sorted().joined(separator: " "), phrase].filter { !$0.isEmpty }.joined(separator: " ")`
  /// followed by `" [" + portfolios.sorted().joined(separator: " ") + "]"` when that is not empty: a
  /// role alone (most have neither ranks nor portfolios) is `phrase` itself.
  static func role(_ phrase: String, ranks: [String], portfolios: [String]) -> String {
    if ranks.isEmpty && portfolios.isEmpty { return phrase }
    let rank = ranks.count == 1 ? ranks[0] : ranks.sorted().joined(separator: " ")
    var out = rank.isEmpty ? phrase : phrase.isEmpty ? rank : rank + " " + phrase
    let port = portfolios.count == 1 ? portfolios[0] : portfolios.sorted().joined(separator: " ")
    if !port.isEmpty {
      out += " ["
      out += port
      out += "]"
    }
    return out
  }
}
