import ClaimLintCore

/// The word lists the quantity, date and hedge extractors read, validated and indexed once.
///
/// Files (all under `rules/lexicons/`, formats described in each file's header):
/// `numbers`, `qualifiers`, `currencies`, `actions`, `units`, `money-nouns`, `nouns`, `noun-families`, `hedges`, `months`,
/// `weekdays` and `superseded`. A missing file gives an empty list; a broken row is an error.
public struct ExtractionLexicons: Sendable {
  /// What a number word does ("seven" is a unit, "million" a scale).
  enum NumberKind: String, Sendable, CaseIterable {
    case unit, tens, multiplier, scale, suffix, shortScale = "short-scale", fraction, vague, designator, furniture
  }

  /// A number word or phrase.
  struct NumberWord: Sendable {
    var kind: NumberKind
    var value: Double
  }

  /// A qualifier phrase and how it shapes the interval.
  struct Qualifier: Sendable {
    /// The phrase as listed ("more than").
    var phrase: String
    var direction: QualifierDirection
    /// True for "nearly" and "almost": the low end is value × (1 − tolerance).
    var band: Bool
  }

  /// How a currency form is written.
  enum CurrencyKind: String, Sendable, CaseIterable {
    case symbol, code, name, percent
  }

  /// A currency or percentage form.
  struct Currency: Sendable {
    /// ISO 4217 code, "percent" or "percentage point".
    var code: String
    var kind: CurrencyKind
  }

  /// A counted noun's singular form and family.
  struct Noun: Sendable {
    var singular: String
    var family: String
  }

  /// Single number words by lower-case form (units, tens, multipliers, scales, suffixes, …).
  var numberWords: [String: [NumberWord]] = [:]
  /// `numberWords` for lookups.
  private var numberWordTable = WordTable<[NumberWord]>()
  /// Vague figures ("dozens", "tens of thousands"), value = low bound.
  var vague = PhraseIndex<Double>()
  /// Qualifiers written before the figure.
  var qualifiersBefore = PhraseIndex<Qualifier>()
  /// Qualifiers written after the figure ("or more").
  var qualifiersAfter = PhraseIndex<Qualifier>()
  /// Half-width of the approximate band (0.1 = ±10%).
  var tolerance = 0.1
  /// Currency and percentage forms.
  var currencies = PhraseIndex<Currency>()
  /// Action forms → class.
  var actions = PhraseIndex<String>()
  /// Units of measure written after a figure ("4.5 tonnes", "120 km") → the unit's name.
  var units = PhraseIndex<String>()
  /// What a sum of money is ("aid", "fine", "losses") → its family.
  var moneyNouns = PhraseIndex<String>()
  /// Counted nouns by singular and plural form.
  var nouns = WordTable<Noun>()
  /// Known families (for validation of `nouns`).
  var families: Set<String> = []
  /// Hedge phrases.
  var hedges = PhraseIndex<String>()
  /// Month forms → (month, is abbreviation).
  var months = WordTable<(month: Int, abbreviation: Bool)>()
  /// Weekday forms → (1 = Monday, kind).
  var weekdays = WordTable<(weekday: Int, kind: String)>()
  /// The month and weekday forms (the keys of `months` and `weekdays`).
  private var monthNames: [String] = []
  private var weekdayNames: [String] = []
  /// Phrases that mark a figure as superseded.
  var superseded = PhraseIndex<String>()

  /// Validates every row of the extraction lexicons and builds the lookup tables.
  ///
  /// - Parameter set: the lexicons read from `rules/lexicons/`.
  /// - Throws: `DataFileError` naming the file, line and column of the first bad row, e.g.
  ///   `rules/lexicons/qualifiers.tsv:17:9: error: unknown direction 'abuot'; expected …`.
  public init(_ set: LexiconSet) throws(DataFileError) {
    try readNumbers(set.table("numbers"))
    try readQualifiers(set.table("qualifiers"))
    try readCurrencies(set.table("currencies"))
    try readActions(set.table("actions"))
    try readFamilies(set.table("noun-families"))
    try readNouns(set.table("nouns"))
    units = try Self.classForms(set.table("units"), what: "unit", form: "unit form")
    moneyNouns = try Self.classForms(set.table("money-nouns"), what: "money family", form: "money noun")
    hedges = try Self.phrases(set.table("hedges"))
    superseded = try Self.phrases(set.table("superseded"))
    try readMonths(set.table("months"))
    try readWeekdays(set.table("weekdays"))
    var r: [String: UInt8] = [:]
    func add<S: Sequence>(_ words: S, _ role: UInt8) where S.Element == String {
      for w in words { r[w, default: 0] |= role }
    }
    add(Self.figureGrammar, TokenRoles.figure)
    add(numberWords.keys, TokenRoles.figure | TokenRoles.date)
    add(vague.firstKeys, TokenRoles.figure)
    add(qualifiersBefore.firstKeys, TokenRoles.figure)
    add(currencies.firstKeys, TokenRoles.figure)
    add(actions.firstKeys, TokenRoles.action)
    add(Self.dateGrammar, TokenRoles.date)
    add(monthNames, TokenRoles.date)
    add(weekdayNames, TokenRoles.date)
    // Every other known word is marked as no month or weekday name, so that the date reader skips
    // its lookups in those tables (a word with no role, or a token not marked, is looked up).
    // The first words of hedges are known words too, the only ones without `notHedgeStart`.
    add(hedges.firstKeys, 0)
    let calendarNames = Set(monthNames).union(weekdayNames)
    for k in r.keys where !calendarNames.contains(k) { r[k, default: 0] |= TokenRoles.notCalendarName }
    let hedgeStarts = Set(hedges.firstKeys)
    for k in r.keys where !hedgeStarts.contains(k) { r[k, default: 0] |= TokenRoles.notHedgeStart }
    roles = WordTable(r)
    if roles.isFast {
      roleFilter = Self.roleFilter(of: r.keys)
    }
    numberWordTable = WordTable(numberWords)
    vague = vague.finished()
    qualifiersBefore = qualifiersBefore.finished()
    qualifiersAfter = qualifiersAfter.finished()
    currencies = currencies.finished()
    actions = actions.finished()
    units = units.finished()
    moneyNouns = moneyNouns.finished()
    hedges = hedges.finished()
    superseded = superseded.finished()
  }

  /// Words the figure grammar starts on besides the lexicons.
  private static let figureGrammar: [String] = ["a", "an", "between", "from", "."]
  /// Words the date grammar starts on besides the month and weekday names.
  private static let dateGrammar: [String] = [
    "a", "an", "the", "on", "in", "since", "this", "last", "past", "next", "coming", "earlier", "later",
    "yesterday", "today", "tonight", "tomorrow", "during", "until", "throughout", "early", "late", "mid",
  ]

  /// What each known word can start (`TokenRoles` bits).
  private var roles = WordTable<UInt8>()
  /// A bit per `WordTable.hashCode` (its top 15 bits) of every ASCII key of `roles`; empty when
  /// `roles` is not on its fast path. An ASCII token whose bit is clear has no role: most tokens are
  /// told so with one load, without the table's probe. It has 32,768 bits (4 KB), eight times
  /// `HashFilter`'s: with the roles' many keys (about a thousand) a 4,096-bit filter let through
  /// about a quarter of the tokens that have no role (every token of every sentence is asked).
  private var roleFilter: [UInt64] = []

  /// The number of words of `roleFilter`.
  private static let roleFilterWords = 512

  /// `roleFilter`'s bits for `keys`: the bit of each ASCII key's hash (`roleFilterMayHold`).
  static func roleFilter<S: Sequence>(of keys: S) -> [UInt64] where S.Element == String {
    var bits = [UInt64](repeating: 0, count: roleFilterWords)
    for k in keys {
      if let h = WordTable<Bool>.asciiHash(k) {
        let m = h &* 0x9E37_79B9_7F4A_7C15
        bits[Int(truncatingIfNeeded: m >> 55)] |= 1 << ((m >> 49) & 63)
      }
    }
    return bits
  }

  /// False when the ASCII text whose hash is `h` is no key of the filter `bits` (`roleFilter(of:)`).
  @inline(__always)
  static func roleFilterMayHold(_ bits: UnsafeBufferPointer<UInt64>, _ h: UInt64) -> Bool {
    // FNV-1a's top bits are spread badly over short words (the frequent words without a role met
    // keys' bits often): they are mixed by one multiplication first. `m >> 55` is below 512.
    let m = h &* 0x9E37_79B9_7F4A_7C15
    return bits[Int(truncatingIfNeeded: m >> 55)] & (1 << ((m >> 49) & 63)) != 0
  }

  /// Marks the word tokens that no lexicon or grammar rule knows, so that scans skip them; and the
  /// word tokens that start no hedge (`TokenRoles.notHedgeStart`: every word but the first words of
  /// hedges, the words no table knows included).
  ///
  /// The tokens are read and written through their storage: no `Token` is copied (its string
  /// retained and released) and no write checks the array's uniqueness again.
  func mark(_ tokens: inout [Token]) {
    let table = roles
    roleFilter.withUnsafeBufferPointer { filter in
      // Without a filter (a table off its fast path), every token is looked up.
      let filtered = filter.count == Self.roleFilterWords
      tokens.withUnsafeMutableBufferPointer { t in
        for k in t.indices where t[k].kind != .digits {
          let h = t[k].lowerHash
          if filtered, h != 0, !Self.roleFilterMayHold(filter, h) {
            t[k].roles = TokenRoles.notHedgeStart
            continue
          }
          t[k].roles = table.value(hash: h, key: t[k].lower) ?? TokenRoles.notHedgeStart
        }
      }
    }
  }

  // MARK: - Lookups

  /// The number word of `kind` spelled `lower`, if any.
  func numberWord(_ lower: String, _ kind: NumberKind) -> NumberWord? {
    numberWordTable[lower]?.first(where: { $0.kind == kind })
  }

  /// The number word of `kind` spelled as the token, if any.
  @inline(__always)
  func numberWord(_ t: Token, _ kind: NumberKind) -> NumberWord? {
    numberWordTable[token: t]?.first(where: { $0.kind == kind })
  }

  /// `numberWord(t, kind) ?? numberWord(t, other)` with one lookup of the token.
  @inline(__always)
  func numberWord(_ t: Token, _ kind: NumberKind, or other: NumberKind) -> NumberWord? {
    guard let words = numberWordTable[token: t] else { return nil }
    return words.first(where: { $0.kind == kind }) ?? words.first(where: { $0.kind == other })
  }

  /// The singular of a counted noun: from the lexicon, else by the regular plural rules.
  func singular(_ lower: String) -> String {
    if let n = nouns[lower] { return n.singular }
    return Self.regularSingular(lower)
  }

  /// Regular English plural to singular ("casualties" → "casualty", "boxes" → "box").
  static func regularSingular(_ w: String) -> String {
    // ASCII without carriage returns, where every character is one byte: the same rules on the bytes.
    if let fast = w.utf8.withContiguousStorageIfAvailable({ u -> String? in
      for b in u where b >= 0x80 || b == 0x0D { return nil }
      let n = u.count
      func ends(_ s: StaticString) -> Bool {
        let k = s.utf8CodeUnitCount
        guard k <= n else { return false }
        let p = s.utf8Start
        for j in 0..<k where u[n - k + j] != p[j] { return false }
        return true
      }
      // The kept bytes and the ending are written into one new string (decoding the kept bytes and
      // then appending allocated twice for a word longer than 15 bytes).
      func keeping(_ m: Int, _ add: StaticString) -> String {
        let k = add.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: m + k) { out in
          for j in 0..<m { out[j] = u[j] }
          let p = add.utf8Start
          for j in 0..<k { out[m + j] = p[j] }
          return m + k
        }
      }
      if n > 3, ends("men") { return keeping(n - 3, "man") }
      guard n > 3, u[n - 1] == UInt8(ascii: "s") else { return w }
      if ends("ss") || ends("us") || ends("is") { return w }
      if ends("ies") { return keeping(n - 3, "y") }
      if ends("ches") || ends("shes") || ends("xes") || ends("zes") || ends("sses") { return keeping(n - 2, "") }
      return keeping(n - 1, "")
    }), let s = fast {
      return s
    }
    let u = Array(w.utf8)
    let n = u.count
    func ends(_ s: String) -> Bool { w.hasSuffix(s) }
    if n > 3, ends("men") { return String(w.dropLast(3)) + "man" }  // "fishermen", "policemen"
    guard n > 3, u[n - 1] == UInt8(ascii: "s") else { return w }
    if ends("ss") || ends("us") || ends("is") { return w }
    if ends("ies") { return String(w.dropLast(3)) + "y" }
    if ends("ches") || ends("shes") || ends("xes") || ends("zes") || ends("sses") { return String(w.dropLast(2)) }
    return String(w.dropLast())
  }

  // MARK: - Readers

  private mutating func readNumbers(_ t: LexiconTable) throws(DataFileError) {
    for row in t.rows {
      guard row.count >= 2 else { throw Self.missing(t, row, "kind") }
      guard let kind = NumberKind(rawValue: row[1]) else {
        throw Self.unknown(t, row, 1, "kind", row[1], NumberKind.allCases.map(\.rawValue))
      }
      var value = 0.0
      if kind != .designator && kind != .furniture {
        guard row.count >= 3 else { throw Self.missing(t, row, "value") }
        guard let v = Double(row[2]), v >= 0 else {
          throw DataFileError(
            path: t.path, line: row.line, column: row.fields[2].column,
            message: "expected a number, found '\(row[2])'")
        }
        value = v
      }
      let keys = Tokenizer.phraseKey(row[0])
      if kind == .vague {
        vague.add(keys, value)
      } else {
        guard keys.count == 1 else {
          throw DataFileError(
            path: t.path, line: row.line, column: row.fields[0].column,
            message: "a '\(kind.rawValue)' entry must be one word, found '\(row[0])'")
        }
        numberWords[keys[0], default: []].append(NumberWord(kind: kind, value: value))
      }
    }
  }

  private mutating func readQualifiers(_ t: LexiconTable) throws(DataFileError) {
    let directions: [String: QualifierDirection] = [
      "above": .above, "at-least": .atLeast, "below": .below, "at-most": .atMost, "approximate": .approximate,
      "exact": .exact,
    ]
    for row in t.rows {
      guard row.count >= 2 else { throw Self.missing(t, row, "direction") }
      if row[0] == "@tolerance" {
        guard let v = Double(row[1]), v > 0, v < 1 else {
          throw DataFileError(
            path: t.path, line: row.line, column: row.fields[1].column,
            message: "expected a tolerance between 0 and 1, found '\(row[1])'")
        }
        tolerance = v
        continue
      }
      guard let direction = directions[row[1]] else {
        throw DataFileError(
          path: t.path, line: row.line, column: row.fields[1].column,
          message:
            "unknown direction '\(row[1])'; expected 'above', 'at-least', 'below', 'at-most', 'approximate', or 'exact'")
      }
      var after = false
      var band = false
      if row.count >= 3 {
        for flag in row[2].split(separator: ",") {
          switch flag.trimmingCharacters(inSetOf: " ") {
          case "after": after = true
          case "band": band = true
          case let other:
            throw DataFileError(
              path: t.path, line: row.line, column: row.fields[2].column,
              message: "unknown flag '\(other)'; expected 'after' or 'band'")
          }
        }
      }
      let keys = Tokenizer.phraseKey(row[0])
      let q = Qualifier(phrase: keys.joined(separator: " "), direction: direction, band: band)
      if after { qualifiersAfter.add(keys, q) } else { qualifiersBefore.add(keys, q) }
    }
  }

  private mutating func readCurrencies(_ t: LexiconTable) throws(DataFileError) {
    for row in t.rows {
      guard row.count >= 3 else { throw Self.missing(t, row, row.count == 1 ? "code" : "kind") }
      guard let kind = CurrencyKind(rawValue: row[2]) else {
        throw Self.unknown(t, row, 2, "kind", row[2], CurrencyKind.allCases.map(\.rawValue))
      }
      let code = row[1]
      if kind == .percent {
        guard code == "percent" || code == "percentage point" else {
          throw DataFileError(
            path: t.path, line: row.line, column: row.fields[1].column,
            message: "expected 'percent' or 'percentage point', found '\(code)'")
        }
      } else {
        let ok = code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        guard ok else {
          throw DataFileError(
            path: t.path, line: row.line, column: row.fields[1].column,
            message: "expected a three-letter ISO 4217 code, found '\(code)'")
        }
      }
      currencies.add(Tokenizer.phraseKey(row[0]), Currency(code: code, kind: kind))
    }
  }

  private mutating func readActions(_ t: LexiconTable) throws(DataFileError) {
    actions = try Self.classForms(t, what: "action class", form: "action form")
  }

  /// Reads `class<TAB>form|form|…` rows (actions, units, money nouns) into a phrase index.
  private static func classForms(_ t: LexiconTable, what: String, form formName: String) throws(DataFileError)
    -> PhraseIndex<String>
  {
    var index = PhraseIndex<String>()
    for row in t.rows {
      guard row.count >= 2 else { throw Self.missing(t, row, "forms") }
      let id = row[0]
      guard !id.isEmpty, id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "-") || $0 == 0x20 }) else {
        throw DataFileError(
          path: t.path, line: row.line, column: row.fields[0].column,
          message: "\(what) '\(id)' must be lower-case letters and hyphens")
      }
      var column = row.fields[1].column
      for form in row[1].split(separator: "|", omittingEmptySubsequences: false) {
        let keys = Tokenizer.phraseKey(String(form))
        guard !keys.isEmpty else {
          throw DataFileError(path: t.path, line: row.line, column: column, message: "empty \(formName)")
        }
        index.add(keys, id)
        column += form.unicodeScalars.count + 1
      }
    }
    return index
  }

  private mutating func readFamilies(_ t: LexiconTable) throws(DataFileError) {
    for row in t.rows {
      guard row.count >= 2 else { throw Self.missing(t, row, "parent") }
      families.insert(row[0].lowercased())
      families.insert(row[1].lowercased())
    }
  }

  private mutating func readNouns(_ t: LexiconTable) throws(DataFileError) {
    var nouns: [String: Noun] = [:]
    for row in t.rows {
      guard row.count >= 2 else { throw Self.missing(t, row, "family") }
      let singular = Tokenizer.phraseKey(row[0]).joined(separator: " ")
      let family = row[1].lowercased()
      guard family.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "-") || $0 == 0x20 }) else {
        throw DataFileError(
          path: t.path, line: row.line, column: row.fields[1].column,
          message: "family '\(row[1])' must be lower-case letters")
      }
      let noun = Noun(singular: singular, family: family)
      nouns[singular] = noun
      let plural = row.count >= 3 ? Tokenizer.phraseKey(row[2]).joined(separator: " ") : Self.regularPlural(singular)
      if nouns[plural] == nil || plural != singular { nouns[plural] = noun }
    }
    self.nouns = WordTable(nouns)
  }

  private mutating func readMonths(_ t: LexiconTable) throws(DataFileError) {
    var months: [String: (month: Int, abbreviation: Bool)] = [:]
    for row in t.rows {
      guard row.count >= 3 else { throw Self.missing(t, row, row.count == 1 ? "month" : "kind") }
      guard let m = Int(row[1]), (1...12).contains(m) else {
        throw DataFileError(
          path: t.path, line: row.line, column: row.fields[1].column,
          message: "expected a month number from 1 to 12, found '\(row[1])'")
      }
      guard row[2] == "name" || row[2] == "abbr" else { throw Self.unknown(t, row, 2, "kind", row[2], ["name", "abbr"]) }
      months[row[0].lowercased()] = (m, row[2] == "abbr")
    }
    self.months = WordTable(months)
    monthNames = Array(months.keys)
  }

  private mutating func readWeekdays(_ t: LexiconTable) throws(DataFileError) {
    var weekdays: [String: (weekday: Int, kind: String)] = [:]
    for row in t.rows {
      guard row.count >= 3 else { throw Self.missing(t, row, row.count == 1 ? "weekday" : "kind") }
      guard let d = Int(row[1]), (1...7).contains(d) else {
        throw DataFileError(
          path: t.path, line: row.line, column: row.fields[1].column,
          message: "expected a weekday number from 1 (Monday) to 7 (Sunday), found '\(row[1])'")
      }
      let kinds = ["name", "long-abbr", "abbr"]
      guard kinds.contains(row[2]) else { throw Self.unknown(t, row, 2, "kind", row[2], kinds) }
      weekdays[row[0].lowercased()] = (d, row[2])
    }
    self.weekdays = WordTable(weekdays)
    weekdayNames = Array(weekdays.keys)
  }

  // MARK: - Helpers

  private static func phrases(_ t: LexiconTable) throws(DataFileError) -> PhraseIndex<String> {
    var index = PhraseIndex<String>()
    for row in t.rows {
      let keys = Tokenizer.phraseKey(row[0])
      guard !keys.isEmpty else {
        throw DataFileError(path: t.path, line: row.line, column: row.fields[0].column, message: "empty phrase")
      }
      index.add(keys, keys.joined(separator: " "))
    }
    return index
  }

  private static func regularPlural(_ w: String) -> String {
    if w.hasSuffix("y"), let before = w.dropLast().last, !"aeiou".contains(before) { return String(w.dropLast()) + "ies" }
    if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("ch") || w.hasSuffix("sh") { return w + "es" }
    return w + "s"
  }

  private static func missing(_ t: LexiconTable, _ row: LexiconTable.Row, _ what: String) -> DataFileError {
    let column = (row.fields.last.map { $0.column + $0.value.unicodeScalars.count }) ?? 1
    return DataFileError(path: t.path, line: row.line, column: column, message: "missing \(what) field")
  }

  private static func unknown(
    _ t: LexiconTable, _ row: LexiconTable.Row, _ field: Int, _ what: String, _ value: String, _ choices: [String]
  ) -> DataFileError {
    DataFileError(
      path: t.path, line: row.line, column: row.fields[field].column,
      message: "unknown \(what) '\(value)'; expected \(oxford(choices))")
  }

  /// "'a', 'b', or 'c'".
  static func oxford(_ items: [String]) -> String {
    let q = items.map { "'\($0)'" }
    switch q.count {
    case 0: return ""
    case 1: return q[0]
    case 2: return q[0] + " or " + q[1]
    default: return q.dropLast().joined(separator: ", ") + ", or " + q[q.count - 1]
    }
  }
}

extension TokenRoles {
  /// Set by `ExtractionLexicons.mark` on a known word that is no month or weekday name; a token without
  /// it may be one (an unknown word has no role bit, a token not marked has only the other bits).
  static let notCalendarName: UInt8 = 0x80
  /// Set by `ExtractionLexicons.mark` on a word that is the first word of no hedge phrase; a token
  /// without it (a hedge's first word, a digits token, a token not marked) may start one.
  static let notHedgeStart: UInt8 = 0x40
}

extension Substring {
  fileprivate func trimmingCharacters(inSetOf c: Character) -> String {
    var s = self
    while s.first == c { s = s.dropFirst() }
    while s.last == c { s = s.dropLast() }
    return String(s)
  }
}
