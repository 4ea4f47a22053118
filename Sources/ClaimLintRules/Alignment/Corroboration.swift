import ClaimLintCore

/// Counts, for each claim, how many independent other sources support it (syndicated copies count once).
public enum Corroboration {
  /// `counts[d][i]` for claim `i` of document `d`.
  ///
  /// Claims are only counted within a story (see `AlignedClaims.story`): the same date or speaker in an
  /// unrelated article supports nothing.
  public static func counts(_ claims: AlignedClaims) -> [[Int]] {
    // A run whose documents are all one syndication group (one document: most stories of a large
    // run) counts nothing: a claim's count is the number of groups that state its key, less its own,
    // and no other group states anything. No key is made.
    if let first = claims.syndicationGroup.first, claims.syndicationGroup.allSatisfy({ $0 == first }) {
      return claims.documents.indices.map { [Int](repeating: 0, count: claims.documents[$0].claims.count) }
    }
    return keyedCounts(claims)
  }

  /// `counts` by the keys of the claims (`typedKey`), for any run.
  static func keyedCounts(_ claims: AlignedClaims) -> [[Int]] {
    // Each distinct (story, key) gets a number; claims keep the number of their key (-1 for none), and
    // the syndication groups that state a key in reportage are collected by number.
    // Each table is given room for the claims that may reach it (counted by kind): none is grown
    // (and rehashed) step by step.
    var dateClaims = 0
    var quantityClaims = 0
    var otherClaims = 0
    var reportageClaims = 0
    for d in claims.documents.indices {
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices {
          if cs[i].layer == .reportage { reportageClaims &+= 1 }
          switch cs[i].kind {
          case .date: dateClaims &+= 1
          case .quantity: quantityClaims &+= 1
          default: otherClaims &+= 1
          }
        }
      }
    }
    // Only the keys left to `typedKey` come here (dates without a day number, figures, titles and
    // events with a "|"): few.
    var ids: [Name: Int] = [:]
    // Date keys, the most frequent, are numbered by one integer (story and day) instead of a `Name`,
    // in a table of integer keys (`KeyNumbers`: no `Hasher`).
    var dateIDs = KeyNumbers(capacity: dateClaims)
    // The syndication groups of each key, without repeats (few per key), in flat lists: no array per key.
    // Room for a key per claim and an entry per reportage claim: no list grows step by step.
    var groups = GroupLists(keys: dateClaims + quantityClaims + otherClaims, entries: reportageClaims)
    let comparison = QuantityComparison(claims)
    // Whole figures are numbered by their block key and action as numbers of the run
    // (`QuantityComparison.figureKeys`), which are equal exactly when the strings are: no string is
    // hashed. An action that is the empty string is no action, as in `typedKey`; a block key or action
    // with a "|" is left to `typedKey` (`.joined`).
    var figureIDs = KeyNumbers(capacity: quantityClaims)
    let blockHasBar = comparison.blockNames.map(hasBar)
    let wordIsEmpty = comparison.words.map(\.isEmpty)
    let wordHasBar = comparison.words.map(hasBar)
    // Speakers, titles and events are numbered by the numbers of their strings (`StringNumbers`: ASCII
    // strings by a hash of their bytes) in a table of integer keys: no `Key` is made and hashed.
    // Many claims share a speaker: room for a string per four claims at first.
    var strings = StringNumbers(capacity: otherClaims / 4)
    var stringIDs = KeyNumbers(capacity: otherClaims)
    let rows = claims.documents.indices.map { d -> [Int] in
      let story = claims.story[d]
      let group = claims.syndicationGroup[d]
      // Each claim is read in place (a `Claim` is never copied).
      return claims.documents[d].claims.withUnsafeBufferPointer { cs in
      cs.indices.map { i -> Int in
        let c = cs.baseAddress! + i
        let id: Int
        // A date, the most frequent key, is numbered straight from the claim: no `Key` is made.
        if c.pointee.kind == .date, let day = dayNumber(at: c) {
          // `day` is below 10^8 (`dayNumber`), so the number is one-to-one.
          let number = story &* 100_000_000 &+ day
          id = dateIDs.number(UInt64(bitPattern: Int64(number)), 0, 0, orAdd: groups.count)
          if id == groups.count { groups.addKey() }
        } else if c.pointee.kind == .quantity, let figure = figureName(
          story: story, comparison.figureKeys(ClaimRef(document: d, index: i)),
          comparison.quantities[d][i]?.quantity.value, blockHasBar: blockHasBar, wordIsEmpty: wordIsEmpty, wordHasBar: wordHasBar)
        {
          guard let figure else { return -1 }
          // The key's three words are one-to-one with its fields: block and action share one.
          id = figureIDs.number(
            UInt64(bitPattern: Int64(figure.story)),
            UInt64(UInt32(bitPattern: figure.block)) << 32 | UInt64(UInt32(bitPattern: figure.action)),
            UInt64(bitPattern: figure.figure), orAdd: groups.count)
          if id == groups.count { groups.addKey() }
        } else if let numbered = stringKey(at: c, &strings) {
          guard let (first, second) = numbered else { return -1 }
          id = stringIDs.number(UInt64(bitPattern: Int64(story)), first, second, orAdd: groups.count)
          if id == groups.count { groups.addKey() }
        } else {
          // The block key of a figure as the figure rules computed it (`QuantityComparison`). A date
          // here has no resolved day or one outside the fixed widths (`.joined` or nil).
          guard let k = typedKey(at: c, claims, block: c.pointee.kind == .quantity ? comparison.blockKey(ClaimRef(document: d, index: i)) : nil) else {
            return -1
          }
          let name = Name(story: story, key: k)
          if let known = ids[name] {
            id = known
          } else {
            id = groups.count
            ids[name] = id
            groups.addKey()
          }
        }
        if c.pointee.layer == .reportage { groups.add(group, to: id) }
        return id
      }
      }
    }
    return rows.indices.map { d in
      let own = claims.syndicationGroup[d]
      return rows[d].map { id in
        guard id >= 0 else { return 0 }
        return groups.size(of: id) - (groups.holds(id, own) ? 1 : 0)
      }
    }
  }

  /// Sets of syndication groups, one per key, as linked lists in flat arrays: a key has few groups,
  /// and most keys one, so no array is made per key.
  private struct GroupLists {
    /// Per key, its latest entry (-1 for none) and the number of its entries.
    private var head: [Int32] = []
    private var sizes: [Int32] = []
    /// Per entry, its group and the key's entry before it (-1 for none).
    private var groupOf: [Int] = []
    private var next: [Int32] = []

    /// Empty lists with room for `keys` keys and `entries` entries.
    init(keys: Int, entries: Int) {
      head.reserveCapacity(keys)
      sizes.reserveCapacity(keys)
      groupOf.reserveCapacity(entries)
      next.reserveCapacity(entries)
    }

    /// The number of keys.
    var count: Int { head.count }

    /// Adds a key without groups.
    mutating func addKey() {
      head.append(-1)
      sizes.append(0)
    }

    /// Whether key `id` has `group`.
    func holds(_ id: Int, _ group: Int) -> Bool {
      var e = head[id]
      while e >= 0 {
        if groupOf[Int(e)] == group { return true }
        e = next[Int(e)]
      }
      return false
    }

    /// Adds `group` to key `id` unless it has it.
    mutating func add(_ group: Int, to id: Int) {
      if holds(id, group) { return }
      groupOf.append(group)
      next.append(head[id])
      head[id] = Int32(truncatingIfNeeded: groupOf.count - 1)
      sizes[id] += 1
    }

    /// The number of groups of key `id`.
    func size(of id: Int) -> Int { Int(sizes[id]) }
  }

  /// The key of a speaker, title or event claim (`typedKey`'s `.speaker`, `.title` and `.event`) as
  /// two numbers: its kind and the number of its first string (`StringNumbers`), and the number of its
  /// second (0 for a speaker). `.some(nil)` when it has none (`typedKey` gives nil), nil when it is left
  /// to `typedKey` (another kind, or a "|" in a title's or event's strings: `.joined`).
  ///
  /// Numbers are equal exactly when the strings are, so two claims get equal numbers exactly when
  /// their typed keys are equal.
  @inline(__always)
  private static func stringKey(at c: UnsafePointer<Claim>, _ strings: inout StringNumbers) -> (UInt64, UInt64)?? {
    switch c.pointee.kind {
    case .attribution, .quote:
      guard let speaker = c.pointee.attribution?.speaker else { return .some(nil) }
      return .some((1 << 32 | UInt64(strings.number(speaker)), 0))
    case .title:
      guard let t = c.pointee.title else { return .some(nil) }
      // One role is its own join.
      let roles = t.roles.count == 1 ? t.roles[0] : t.roles.joined(separator: ",")
      guard !hasBar(t.person), !hasBar(roles) else { return nil }
      return .some((2 << 32 | UInt64(strings.number(t.person)), UInt64(strings.number(roles))))
    case .event:
      guard let e = c.pointee.event else { return .some(nil) }
      let participants = participantsKey(e.participantKeys)
      guard !hasBar(e.type), !hasBar(participants) else { return nil }
      return .some((3 << 32 | UInt64(strings.number(e.type)), UInt64(strings.number(participants))))
    case .quantity, .date:
      return nil
    }
  }

  /// `participantKeys.map { $0.first ?? "" }.sorted().joined(separator: ",")`, the participants of an
  /// event's key, without an array, a sort or a generic join for the one or two participants of most
  /// events: one is its own join, and two are joined in the order `sorted()` puts them (`<`; equal
  /// strings give the same text in either order).
  static func participantsKey(_ participantKeys: [[String]]) -> String {
    switch participantKeys.count {
    case 0:
      return ""
    case 1:
      return participantKeys[0].first ?? ""
    case 2:
      let a = participantKeys[0].first ?? ""
      let b = participantKeys[1].first ?? ""
      return b < a ? commaJoined(b, a) : commaJoined(a, b)
    default:
      var keys = participantKeys.map { $0.first ?? "" }
      keys.sort()
      return commaJoined(keys)
    }
  }

  /// `[a, b].joined(separator: ",")`: the bytes copied into a string made at its length (`joined` on
  /// an array of strings is not specialized here: about a thousand instructions a call, and
  /// `String.append` about a hundred per part). The parts are valid UTF-8, and so is the result.
  static func commaJoined(_ a: String, _ b: String) -> String {
    let length = a.utf8.count + 1 + b.utf8.count
    return String(unsafeUninitializedCapacity: length) { out in
      var at = copyBytes(of: a, into: out, at: 0)
      out[at] = UInt8(ascii: ",")
      at = copyBytes(of: b, into: out, at: at + 1)
      return at
    }
  }

  /// `parts.joined(separator: ",")` (`parts` not empty), as `commaJoined(_:_:)` makes it.
  static func commaJoined(_ parts: [String]) -> String {
    var length = parts.count - 1
    for p in parts.indices { length += parts[p].utf8.count }
    return String(unsafeUninitializedCapacity: length) { out in
      var at = 0
      for p in parts.indices {
        if p > 0 {
          out[at] = UInt8(ascii: ",")
          at += 1
        }
        at = copyBytes(of: parts[p], into: out, at: at)
      }
      return at
    }
  }

  /// Copies the UTF-8 bytes of `s` into `out` from `at`; returns the index after them.
  @inline(__always)
  private static func copyBytes(of s: String, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
    s.withUTF8Bytes { bytes in
      if let source = bytes.baseAddress, bytes.count > 0 {
        (out.baseAddress! + at).update(from: source, count: bytes.count)
      }
      return at + bytes.count
    }
  }

  /// The `.quantity` key of a whole figure within a story, by numbers of the run
  /// (`QuantityComparison.blockNames` and `words`; -1 for no action).
  private struct FigureName {
    var story: Int
    var block: Int32
    var action: Int32
    var figure: Int64
  }

  /// The key of a quantity claim as a `FigureName`: `.some(nil)` when it has none (no block key or no
  /// value: `typedKey` gives nil), nil when it is left to `typedKey` (a value that is not a whole
  /// number below 10^18, or a "|" in the block key or action).
  @inline(__always)
  private static func figureName(
    story: Int, _ keys: QuantityComparison.FigureKeys, _ value: Double?, blockHasBar: [Bool], wordIsEmpty: [Bool], wordHasBar: [Bool]
  ) -> FigureName?? {
    guard keys.block >= 0, let v = value else { return .some(nil) }
    guard v == v.rounded(), abs(v) < 1e18, !blockHasBar[Int(keys.block)] else { return nil }
    var action = keys.action
    if action >= 0 {
      if wordHasBar[Int(action)] { return nil }
      if wordIsEmpty[Int(action)] { action = -1 }
    }
    return .some(FigureName(story: story, block: keys.block, action: action, figure: Int64(v)))
  }

  /// A key within a story.
  private struct Name: Hashable {
    var story: Int
    var key: Key
  }

  /// `key(_:_:)` as typed components instead of one joined string.
  ///
  /// Two claims have equal typed keys exactly when their joined strings are equal: the case names the
  /// kind (the joined string's first letter), and the components of a typed key contain no "|", so its
  /// joined string splits back into them in one way only. A claim with a "|" in a component, or a figure
  /// that is not a whole number below 10^18, keeps the joined string (`.joined`); such a string never
  /// equals the joined string of a typed key (it has more separators, or a figure with a point, an
  /// exponent, "inf" or "nan"), so the two never meet.
  enum Key: Hashable {
    /// "q|block|figure|action" with a whole figure.
    case quantity(block: String, figure: Int64, action: String)
    /// "d|YYYY-MM-DD" with a year of four digits and a month and day of two: the date as one number.
    case date(Int)
    /// "a|speaker".
    case speaker(String)
    /// "t|person|roles".
    case title(person: String, roles: String)
    /// "e|type|participants".
    case event(type: String, participants: String)
    /// The joined string of `key(_:_:)`.
    case joined(String)
  }

  /// `key(_:_:)` as a `Key`, without joining strings.
  static func typedKey(_ c: Claim, _ claims: AlignedClaims) -> Key? {
    typedKey(c, claims, block: c.quantity.flatMap { claims.nouns.blockKey($0) })
  }

  /// `typedKey(_:_:)` given the block key of the claim's figure (`nouns.blockKey`; nil for none).
  static func typedKey(_ c: Claim, _ claims: AlignedClaims, block: String?) -> Key? {
    withUnsafePointer(to: c) { typedKey(at: $0, claims, block: block) }
  }

  /// `typedKey(_:_:block:)` of the claim at `c`, read in place (its fields, never the whole claim).
  static func typedKey(at c: UnsafePointer<Claim>, _ claims: AlignedClaims, block: String?) -> Key? {
    switch c.pointee.kind {
    case .quantity:
      guard let q = c.pointee.quantity, let v = q.value, let b = block else { return nil }
      let action = q.action ?? ""
      guard v == v.rounded(), abs(v) < 1e18, !hasBar(b), !hasBar(action) else { return key(c.pointee, claims).map(Key.joined) }
      return .quantity(block: b, figure: Int64(v), action: action)
    case .date:
      guard let d = c.pointee.date?.resolved else { return nil }
      guard let day = dayNumber(at: c) else { return .joined("d|\(d)") }
      return .date(day)
    case .attribution, .quote:
      return c.pointee.attribution.map { .speaker($0.speaker) }
    case .title:
      guard let t = c.pointee.title else { return nil }
      let roles = t.roles.joined(separator: ",")
      guard !hasBar(t.person), !hasBar(roles) else { return key(c.pointee, claims).map(Key.joined) }
      return .title(person: t.person, roles: roles)
    case .event:
      guard let e = c.pointee.event else { return nil }
      let participants = e.participantKeys.map { $0.first ?? "" }.sorted().joined(separator: ",")
      guard !hasBar(e.type), !hasBar(participants) else { return key(c.pointee, claims).map(Key.joined) }
      return .event(type: e.type, participants: participants)
    }
  }

  /// The `.date` key of the date claim at `c` as one number: nil when its date is not resolved, or
  /// lies outside the widths `CalendarDate.description` pads to (inside them it is fixed-width and
  /// one-to-one, so the number is too).
  @inline(__always)
  private static func dayNumber(at c: UnsafePointer<Claim>) -> Int? {
    guard let d = c.pointee.date?.resolved else { return nil }
    guard (0...9999).contains(d.year), (0...99).contains(d.month), (0...99).contains(d.day) else { return nil }
    return d.year * 10_000 + d.month * 100 + d.day
  }

  /// Whether `s` contains "|" (a byte that is never part of another character in UTF-8).
  private static func hasBar(_ s: String) -> Bool {
    s.utf8.withContiguousStorageIfAvailable { $0.contains(0x7C) } ?? s.utf8.contains(0x7C)
  }

  /// What "the same claim" means for corroboration: same figure about the same thing, same day, same
  /// speaker and quote, same person and role.
  static func key(_ c: Claim, _ claims: AlignedClaims) -> String? {
    switch c.kind {
    case .quantity:
      guard let q = c.quantity, let v = q.value, let b = claims.nouns.blockKey(q) else { return nil }
      return "q|\(b)|\(ClaimText.number(v))|\(q.action ?? "")"
    case .date:
      return c.date?.resolved.map { "d|\($0)" }
    case .attribution, .quote:
      return c.attribution.map { "a|\($0.speaker)" }
    case .title:
      return c.title.map { "t|\($0.person)|\($0.roles.joined(separator: ","))" }
    case .event:
      return c.event.map { "e|\($0.type)|\($0.participantKeys.map { $0.first ?? "" }.sorted().joined(separator: ","))" }
    }
  }
}
