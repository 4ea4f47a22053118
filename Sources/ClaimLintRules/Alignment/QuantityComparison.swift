import ClaimLintCore
import Foundation

/// Decides whether two quantity claims speak of the same figure closely enough to be compared.
public struct QuantityComparison: Sendable {
  public let claims: AlignedClaims

  /// `onlyFigure[d][i]`: whether claim `i` of document `d` is the only figure its article gives for
  /// its counted thing and action (see `isOnlyFigure`), computed once for every claim.
  private let onlyFigure: [[Bool]]
  /// `figureKeys[d][i]`: the block key, action and noun of the figure of claim `i` of document `d`,
  /// as numbers of the run (`blockNames`, `words`), computed once.
  private let figureKeys: [[FigureKeys]]
  /// The run's block keys (`nouns.blockKey`), by number: each distinct key once.
  let blockNames: [String]
  /// The run's actions and counted nouns (and "-"), by number: each distinct word once.
  let words: [String]
  /// `quantities[d][i]`: the figure of claim `i` of document `d`, found once per run (each read of
  /// `Claim.quantity` through the documents array is a chain of accesses) and read in place.
  let quantities: [[Figure?]]
  /// The number of the run's quantity claims with a figure.
  let quantityClaims: Int
  /// `sentenceOrder[d]`: the quantity claims with a figure of document `d` as (sentence, claim index),
  /// sorted by sentence and then index (the figures of a sentence form a run), gathered once with the
  /// tables for the enumerations and kept for `QuantityMismatchRule.updates`, which groups the same
  /// figures by sentence (no second pass over the claims, no second sort).
  let sentenceOrder: [[(sentence: Int, index: Int)]]

  /// A claim's figure read where the claim keeps it (`Claim.quantityAddress`): reading a field of it
  /// copies nothing, and a figure is a plain pointer (no box of its own to fill with a copy of the
  /// `Quantity`, no reference counted when it is copied or freed). The whole of it passed to a call
  /// may be copied first (the compiler cannot tell that other calls leave memory behind a pointer
  /// unchanged, as it can for a class's `let`): a loop that passes figures to many calls holds the boxes of the
  /// ones it compares (`Claim.quantityBox`, as `QuantityMismatchRule` does).
  ///
  /// Valid for as long as the run's claims are: the tables that hold figures are made from
  /// `AlignedClaims.documents` (never changed) and kept with them (`AlignedClaims.memo`), and every
  /// holder of a figure (`QuantityComparison`, a rule's `check`) holds the run. Sendable for the same
  /// reason: what it points to is never written.
  struct Figure: @unchecked Sendable {
    private let address: UnsafePointer<Quantity>

    /// The figure, lent in place.
    var quantity: Quantity { unsafeAddress { address } }

    /// `body` applied to this figure's quantity and `other`'s, both lent in place.
    @inline(__always)
    func withQuantities<R>(_ other: Figure, _ body: (borrowing Quantity, borrowing Quantity) -> R) -> R {
      body(quantity, other.quantity)
    }

    /// The two words of the figure's `Optional<String>` field at byte `offset` of a `Quantity`
    /// (`StringFields`), read as they lie: no string is copied (and retained) to be looked up.
    @inline(__always)
    func bits(at offset: Int) -> StringBits {
      let words = UnsafeRawPointer(address).load(fromByteOffset: offset, as: (UInt64, UInt64).self)
      return StringBits(low: words.0, high: words.1)
    }

    /// `QuantityComparison.shape(at:)` of this figure.
    var shape: Shape { QuantityComparison.shape(at: address) }

    /// The figure of `claim`; nil for none.
    static func of(_ claim: borrowing Claim) -> Figure? {
      guard let address = claim.quantityAddress else { return nil }
      return Figure(address: address)
    }
  }
  /// `parts[d][i]`, for a quantity claim: nil when no other figure of its sentence and block is a
  /// part of the same enumeration (`siblings(of:)` is empty), else the sum of its value and theirs.
  /// Empty for a document without enumerations (most: no array of nils is made for them).
  private let parts: [[PartSum?]]

  /// The figures of an enumeration ("90 men and 12 women") a figure sits in, summed.
  struct PartSum: Sendable {
    var sum: Double
  }

  /// A counted thing and action within one document, as numbers of the run.
  private struct Subject: Hashable {
    var block: Int32
    /// The action's number in `words`; the number of "-" for none.
    var action: Int32
  }

  /// The keys of a figure as numbers of the run: its block key in `blockNames` (-1 for a claim
  /// without one), its action in `words` (-1 for none) and its noun key's word in `words` (-1 when it
  /// has no key by noun: a generic noun without a unit).
  struct FigureKeys: Sendable {
    var block: Int32 = -1
    var action: Int32 = -1
    var noun: Int32 = -1
  }

  /// The keys of the figure of the claim at `r`, as numbers of the run, computed once per run.
  func figureKeys(_ r: ClaimRef) -> FigureKeys { figureKeys[r.document][r.index] }

  /// `nouns.blockKey` of the figure of the claim at `r` (nil for none), as computed once per run.
  func blockKey(_ r: ClaimRef) -> String? {
    let b = figureKeys[r.document][r.index].block
    return b >= 0 ? blockNames[Int(b)] : nil
  }

  public init(_ claims: AlignedClaims) {
    self.claims = claims
    // The tables depend on the claims only: made once for every rule that compares figures.
    let tables = claims.memo("QuantityComparison.tables") { Self.tables(claims) }
    onlyFigure = tables.only
    figureKeys = tables.keys
    blockNames = tables.blockNames
    words = tables.words
    quantities = tables.quantities
    parts = tables.parts
    quantityClaims = tables.quantityClaims
    sentenceOrder = tables.sentenceOrder
  }

  /// The per-claim tables of a run, made once (`AlignedClaims.memo`).
  private struct Tables: Sendable {
    var only: [[Bool]] = []
    var keys: [[FigureKeys]] = []
    var blockNames: [String] = []
    var words: [String] = []
    var quantities: [[Figure?]] = []
    var parts: [[PartSum?]] = []
    var quantityClaims = 0
    var sentenceOrder: [[(sentence: Int, index: Int)]] = []
  }

  /// `onlyFigure`, `blockKeys`, `quantities` and `parts` of every claim.
  private static func tables(_ claims: AlignedClaims) -> Tables {
    // Block keys and words by number, each distinct one once: a block key is looked up by the unit or
    // counted family it is made of (not made per figure), a word by itself. The numberings are reached
    // through one pointer, not captured as vars checked for exclusivity on each use. The numbering
    // is made in place (`withScratch` would copy it, and its tables would be copied again at their
    // first change, as the copy shares them with the original).
    let numbering = UnsafeMutablePointer<Numbering>.allocate(capacity: 1)
    numbering.initialize(to: Numbering())
    defer {
      numbering.deinitialize(count: 1)
      numbering.deallocate()
    }
    return tables(claims, numbering)
  }

  /// The block keys, units, counted families and words of a run by number (`tables`).
  private struct Numbering {
    // Each table has room at once for the distinct strings of most stories (a story of a few
    // articles has some ten units and families and some thirty words): not grown step by step.
    var blockNames = Interner(capacity: 32)
    var units = Interner(capacity: 16)
    /// The block key's number of each unit, by the unit's number.
    var unitBlocks: [Int32] = []
    var words = Interner(capacity: 64)
    /// Whether each word, as a counted noun, is one of `genericNouns`.
    var genericWord: [Bool] = []

    init() {
      unitBlocks.reserveCapacity(16)
      genericWord.reserveCapacity(64)
    }

    /// The numbers already found for the strings of figures, by the strings' words (`KnownBits`):
    /// the block key's number by unit, by counted family and by counted noun without a family, and
    /// the word's number by action or counted noun. Each maps a nil field to -1.
    var unitBlockBits = KnownBits()
    var familyBlockBits = KnownBits()
    var countedBlockBits = KnownBits()
    var wordBits = KnownBits()

    /// The number of word `w`.
    mutating func word(_ w: String) -> Int32 {
      let (n, isNew) = words.number(w)
      if isNew { genericWord.append(genericNouns.contains(w)) }
      return n
    }
  }

  /// Where `Quantity` keeps the `Optional<String>` fields that `tables` numbers, as byte offsets;
  /// nil when an optional string is not two words (then every figure is numbered by its strings).
  private struct StringFields {
    var unit: Int
    var counted: Int
    var countedFamily: Int
    var action: Int

    static let current: StringFields? = {
      guard MemoryLayout<String?>.size == 16, MemoryLayout<String?>.alignment >= 8,
        let unit = MemoryLayout<Quantity>.offset(of: \.unit), let counted = MemoryLayout<Quantity>.offset(of: \.counted),
        let countedFamily = MemoryLayout<Quantity>.offset(of: \.countedFamily), let action = MemoryLayout<Quantity>.offset(of: \.action)
      else { return nil }
      return StringFields(unit: unit, counted: counted, countedFamily: countedFamily, action: action)
    }()
  }

  /// The number of the block key of `figure`'s unit ("unit:" and the unit), -1 for none.
  private static func unitBlock(_ figure: Figure, _ numbering: UnsafeMutablePointer<Numbering>) -> Int32 {
    guard let u = figure.quantity.unit else { return -1 }
    let (n, isNew) = numbering.pointee.units.number(u)
    if isNew { numbering.pointee.unitBlocks.append(numbering.pointee.blockNames.number("unit:" + u).number) }
    return numbering.pointee.unitBlocks[Int(n)]
  }

  /// The number of the block key of `figure`'s counted family (its counted noun when it has no
  /// family), -1 for a figure without a counted noun. The key depends on the family alone
  /// (`NounFamilies.blockKey`).
  ///
  /// The key is worked out once per run for each family (`NounFamilies.familyBlockKeys`, with the
  /// hash of its bytes), and numbered in this story's `blockNames` by that hash.
  private static func familyBlock(_ figure: Figure, _ claims: AlignedClaims, _ numbering: UnsafeMutablePointer<Numbering>) -> Int32 {
    guard let c = figure.quantity.counted else { return -1 }
    let key = claims.nouns.familyBlockKeys.key(family: figure.quantity.countedFamily ?? c, claims.nouns)
    return numbering.pointee.blockNames.number(key.text, asciiHash: key.hash).number
  }

  /// `tables(_:)` with the numberings at `numbering`.
  private static func tables(_ claims: AlignedClaims, _ numbering: UnsafeMutablePointer<Numbering>) -> Tables {
    let dash = numbering.pointee.word("-")
    let fields = StringFields.current
    // The distinct values each document states for each counted thing and action; claims are read
    // in place, not copied.
    // By index: `map` over the documents would copy each `DocumentClaims` (every field retained).
    // The four tables are filled document by document in place (not made as a list of tuples and
    // then reshaped into four lists, which retained and released every document's arrays again).
    var out = Tables()
    let documentCount = claims.documents.count
    out.only.reserveCapacity(documentCount)
    out.keys.reserveCapacity(documentCount)
    out.quantities.reserveCapacity(documentCount)
    out.parts.reserveCapacity(documentCount)
    out.sentenceOrder.reserveCapacity(documentCount)
    for d in claims.documents.indices {
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        // Each claim's subject as a number (-1 for none), and each subject's distinct values (as a set
        // of doubles holds them; only whether there is exactly one matters).
        // A document has few subjects: they are looked up in a list, and by a dictionary only once
        // there are more than `listLimit`.
        var subjects: [Subject] = []
        var numbers: [Subject: Int] = [:]
        let listLimit = 32
        var subjectOf = [Int](repeating: -1, count: cs.count)
        var keys = [FigureKeys](repeating: FigureKeys(), count: cs.count)
        // Each claim's figure is found once.
        var quantities: [Figure?] = []
        quantities.reserveCapacity(cs.count)
        // Each subject's first distinct value and how many distinct values it has, up to two.
        var values: [(first: Double, count: Int)] = []
        // The quantity claims with a figure as (sentence, index), for the enumerations below: gathered
        // in this pass over the claims (not in a second one), and sorted only when a sentence comes
        // before an earlier claim's (claims are kept in source order, so their sentences rarely do).
        var bySentence: [(sentence: Int, index: Int)] = []
        var inSentenceOrder = true
        for i in cs.indices {
          // The figure's fields are read in place.
          let figure = Figure.of(cs[i])
          quantities.append(figure)
          guard let figure else { continue }
          if cs[i].kind == .quantity {
            let sentence = cs[i].sentenceIndex
            if bySentence.isEmpty {
              bySentence.reserveCapacity(cs.count - i)
            } else if sentence < bySentence[bySentence.count - 1].sentence {
              inSentenceOrder = false
            }
            bySentence.append((sentence, i))
          }
          // `nouns.blockKey` by number: made once per unit or counted family. With `fields`, each
          // string is first looked up by its words (`KnownBits`), and numbered by its text only when
          // those words are new.
          let b: Int32
          let action: Int32
          let noun: Int32
          if let fields {
            let unitBlock = numbering.pointee.unitBlockBits.number(figure.bits(at: fields.unit)) {
              Self.unitBlock(figure, numbering)
            }
            noun = numbering.pointee.wordBits.number(figure.bits(at: fields.counted)) {
              figure.quantity.counted.map { numbering.pointee.word($0) } ?? -1
            }
            if unitBlock >= 0 {
              b = unitBlock
            } else {
              // Without a unit, the block of the counted family, else of the counted noun.
              guard noun >= 0 else { continue }
              let familyBlock = numbering.pointee.familyBlockBits.number(figure.bits(at: fields.countedFamily)) {
                figure.quantity.countedFamily == nil ? -1 : Self.familyBlock(figure, claims, numbering)
              }
              b = familyBlock >= 0 ? familyBlock : numbering.pointee.countedBlockBits.number(figure.bits(at: fields.counted)) {
                Self.familyBlock(figure, claims, numbering)
              }
            }
            action = numbering.pointee.wordBits.number(figure.bits(at: fields.action)) {
              figure.quantity.action.map { numbering.pointee.word($0) } ?? -1
            }
          } else {
            var block = Self.unitBlock(figure, numbering)
            if block < 0 { block = Self.familyBlock(figure, claims, numbering) }
            guard block >= 0 else { continue }
            b = block
            noun = figure.quantity.counted.map { numbering.pointee.word($0) } ?? -1
            action = figure.quantity.action.map { numbering.pointee.word($0) } ?? -1
          }
          let nounWord = noun >= 0 ? noun : dash
          let generic = numbering.pointee.genericWord[Int(nounWord)]
          keys[i] = FigureKeys(block: b, action: action, noun: figure.quantity.unit != nil || !generic ? nounWord : -1)
          let subject = Subject(block: b, action: action >= 0 ? action : dash)
          let n: Int
          if let known = subjects.count <= listLimit ? subjects.firstIndex(of: subject) : numbers[subject] {
            n = known
          } else {
            n = values.count
            if subjects.isEmpty {
              // Room for the subjects of most documents at once, not grown by doubling.
              subjects.reserveCapacity(16)
              values.reserveCapacity(16)
            }
            subjects.append(subject)
            if subjects.count == listLimit + 1 {
              for (k, s) in subjects.enumerated() { numbers[s] = k }
            } else if subjects.count > listLimit + 1 {
              numbers[subject] = n
            }
            values.append((0, 0))
          }
          subjectOf[i] = n
          if cs[i].kind == .quantity, cs[i].layer == .reportage, !figure.quantity.superseded, let v = figure.quantity.value {
            // As a list of distinct values (compared by `==`), kept to its first two.
            if values[n].count == 0 {
              values[n] = (v, 1)
            } else if values[n].count == 1, values[n].first != v {
              values[n].count = 2
            }
          }
        }
        // The enumerations: quantity claims by sentence (claims of a sentence form a run once sorted).
        // Made at the first enumeration only (empty when the document has none).
        var parts: [PartSum?] = []
        // Gathered in index order: already sorted by (sentence, index) when no sentence went back.
        if !inSentenceOrder { bySentence.sort { ($0.sentence, $0.index) < ($1.sentence, $1.index) } }
        var start = 0
        while start < bySentence.count {
          var end = start + 1
          while end < bySentence.count, bySentence[end].sentence == bySentence[start].sentence { end += 1 }
          defer { start = end }
          guard end - start > 1 else { continue }
          // As `siblings(of:)`: the other figures of the sentence with the same block key, not ranges;
          // summed in the order `conflictOfDisjoint` adds them (the figure, then its siblings in order).
          for a in start..<end {
            let i = bySentence[a].index
            var sum: Double = 0
            if let v = quantities[i]?.quantity.value { sum += v }
            var any = false
            for b in start..<end where b != a {
              let j = bySentence[b].index
              guard quantities[j]?.quantity.isRange == false, keys[j].block == keys[i].block else { continue }
              any = true
              if let v = quantities[j]?.quantity.value { sum += v }
            }
            if any {
              if parts.isEmpty { parts = [PartSum?](repeating: nil, count: cs.count) }
              parts[i] = PartSum(sum: sum)
            }
          }
        }
        out.quantityClaims += bySentence.count
        out.only.append(subjectOf.map { $0 >= 0 && values[$0].count == 1 })
        out.keys.append(consume keys)
        out.quantities.append(consume quantities)
        out.parts.append(consume parts)
        out.sentenceOrder.append(consume bySentence)
      }
    }
    out.blockNames = numbering.pointee.blockNames.values
    out.words = numbering.pointee.words.values
    return out
  }

  /// `QuantityBlocks.blocks` by `valueKeys`: the blocks of figures that may state the same value,
  /// made once for every rule that compares figures.
  public func valueBlocks() -> [[ClaimRef]] {
    claims.memo("QuantityComparison.valueBlocks") {
      // The quantity claims were counted with the tables (no pass over every claim again).
      QuantityBlocks.blocks(
        claims, blockNames: blockNames, words: words, figures: quantityClaims, parts: { appendValueKeyParts($0, in: $1, to: &$2) })
    }
  }

  /// Whether the figure is the only one its article gives for its counted thing and action (the
  /// article's one count of people injured): two such figures in articles on one story state the same
  /// fact, however differently their sentences are worded.
  func isOnlyFigure(_ r: ClaimRef) -> Bool { onlyFigure[r.document][r.index] }

  /// Modifiers that hedge or qualify without changing what is counted.
  static let neutralModifiers: Set<String> = [
    "alleged", "suspected", "reported", "estimated", "more", "some", "other", "additional", "further", "total", "new",
    "confirmed", "known", "about", "around",
  ]

  /// Nouns too generic to compare on their own, without an action ("12 people" and "15 people" in two
  /// articles are rarely the same fact).
  static let genericNouns: Set<String> = ["person", "people", "individual", "time", "year", "day", "week", "month", "hour", "one", "other", "more"]

  /// Blocking keys for "same counted thing": one key by action class, and one by counted noun (where a
  /// figure without an action meets figures with one). Claims that cannot be compared get none.
  public func valueKeys(_ c: Claim) -> [String] {
    guard c.layer == .reportage, let q = c.quantity, q.value != nil || q.low != nil || q.high != nil, !q.superseded
    else { return [] }
    guard let block = claims.nouns.blockKey(q) else { return [] }
    return valueKeys(c, q, block: block)
  }

  /// `valueKeys` of the claim at `r`, with its block key as computed once.
  public func valueKeys(_ r: ClaimRef) -> [String] {
    valueKeyParts(r).map { $0.text(blockNames: blockNames, words: words) }
  }

  /// `valueKeys` of the claim at `r` in parts (`QuantityBlocks.KeyParts`), with its block key as
  /// computed once: no key is joined into one string.
  func valueKeyParts(_ r: ClaimRef) -> [QuantityBlocks.KeyParts] {
    var out: [QuantityBlocks.KeyParts] = []
    appendValueKeyParts(r, to: &out)
    return out
  }

  /// Appends `valueKeyParts(r)` to `out` (one buffer serves every claim).
  func appendValueKeyParts(_ r: ClaimRef, to out: inout [QuantityBlocks.KeyParts]) {
    claims.documents[r.document].claims.withUnsafeBufferPointer { cs in appendValueKeyParts(r, in: cs, to: &out) }
  }

  /// `appendValueKeyParts(_:to:)` with the claims of the document of `r` lent by the caller (once per
  /// document, not once per figure: a retain and a release of the document's claims each).
  func appendValueKeyParts(_ r: ClaimRef, in cs: UnsafeBufferPointer<Claim>, to out: inout [QuantityBlocks.KeyParts]) {
    let keys = figureKeys[r.document][r.index]
    guard keys.block >= 0 else { return }
    // The claim's fields are read in place, and its figure from the table: neither is copied whole.
    guard let figure = quantities[r.document][r.index] else { return }
    guard cs[r.index].layer == .reportage else { return }
    guard figure.quantity.value != nil || figure.quantity.low != nil || figure.quantity.high != nil, !figure.quantity.superseded
    else { return }
    // As `keys(_:block:)`; the cheap tests before the search of the sentence.
    if figure.quantity.isRange, figure.quantity.low == 0 { return }
    guard keys.action >= 0 || keys.noun >= 0 else { return }
    if Self.isTotalOfPart(sentence: cs[r.index].sentence, figure: cs[r.index].span.text) { return }
    // The action and the noun (unless generic without a unit) as numbered in `tables`.
    if keys.action >= 0 { out.append(.init(block: keys.block, isAction: true, word: keys.action)) }
    if keys.noun >= 0 { out.append(.init(block: keys.block, isAction: false, word: keys.noun)) }
  }

  private func valueKeys(of c: Claim, block: String) -> [String] {
    guard c.layer == .reportage, let q = c.quantity, q.value != nil || q.low != nil || q.high != nil, !q.superseded
    else { return [] }
    return valueKeys(c, q, block: block)
  }

  /// `valueKeys` once the figure is known to be comparable and its block key is known.
  private func valueKeys(_ c: Claim, _ q: Quantity, block: String) -> [String] {
    if Self.isTotalOfPart(c) { return [] }
    return keys(q, block: block)
  }

  /// `valueKeys` once the figure is known not to be the total of a part.
  private func keys(_ q: Quantity, block: String) -> [String] {
    // "0-60 mph", "ages 0-4": a span from zero names a benchmark or a bracket, not a figure.
    if q.isRange, q.low == 0 { return [] }
    var keys: [String] = []
    if let a = q.action { keys.append(block + "|action:" + a) }
    let noun = q.counted ?? "-"
    if q.unit != nil || !Self.genericNouns.contains(noun) { keys.append(block + "|noun:" + noun) }
    return keys
  }

  /// Whether the figure is the total in "23 of the 51 seats": the whole a part is measured against.
  static func isTotalOfPart(_ c: Claim) -> Bool { isTotalOfPart(sentence: c.sentence, figure: c.span.text) }

  /// `isTotalOfPart` of a figure written `figure` in `sentence`.
  static func isTotalOfPart(sentence: String, figure: String) -> Bool {
    sentence.withUTF8Bytes { s in
      figure.withUTF8Bytes { f in
        // The first occurrence of each marker followed by the figure, found in one pass over the
        // occurrences of the figure's first byte.
        let found = Self.findMarkers(then: f, in: s)
        for k in 0..<3 {
          guard let at = found[k] else { continue }
          let before = String(decoding: UnsafeBufferPointer(rebasing: s[0..<at]), as: UTF8.self)
          if let last = before.split(separator: " ").last, last.first?.isNumber == true || ClaimTextNumbers.words.contains(last.lowercased()) {
            return true
          }
        }
        return false
      }
    }
  }

  /// The bytes " of " and "the " as one 32-bit word each, as `findMarkers` loads four bytes (the
  /// first byte lowest, on a little-endian machine and on a big-endian one alike).
  private static var ofBytes: UInt32 { UInt32(littleEndian: 0x20_66_6F_20) }
  private static var theBytes: UInt32 { UInt32(littleEndian: 0x20_65_68_74) }

  /// The markers of a total, in the order they are tried.
  private static let totalMarkers: [[UInt8]] = [" of the ", " of ", " out of "].map { Array($0.utf8) }

  /// For each of `totalMarkers`, the byte offset of its first occurrence in `hay` followed by the bytes
  /// of `tail`, or nil. The occurrences of `tail` are visited in order, so the first one preceded by a
  /// marker gives that marker's first occurrence.
  private static func findMarkers(then tail: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> MarkerOffsets {
    let markers = totalMarkers
    var found = MarkerOffsets()
    guard !tail.isEmpty else {
      // No figure: the first occurrence of each marker itself.
      let bytes = Array(hay)
      for (k, marker) in markers.enumerated() { found[k] = ClaimText.find(bytes, marker, fromEnd: false) }
      return found
    }
    guard let base = hay.baseAddress else { return found }
    let first = tail[0]
    var missing = 3
    // A figure's occurrence needs a marker of at least four bytes before it.
    var p = 4
    while p + tail.count <= hay.count, missing > 0 {
      guard let hit = memchr(base + p, Int32(first), hay.count - tail.count - p + 1) else { break }
      let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      p = at + 1
      // Every marker ends in " of " or " of the ": an occurrence whose four bytes before (there are
      // four: `at >= 4`) are neither " of " nor "the " follows no marker.
      let before = UnsafeRawPointer(base + at - 4).loadUnaligned(as: UInt32.self)
      guard before == Self.ofBytes || before == Self.theBytes else { continue }
      var whole = true
      for j in 1..<tail.count where hay[at + j] != tail[j] {
        whole = false
        break
      }
      guard whole else { continue }
      for (k, marker) in markers.enumerated() where found[k] == nil && marker.count <= at {
        var same = true
        for j in marker.indices where hay[at - marker.count + j] != marker[j] {
          same = false
          break
        }
        if same {
          found[k] = at - marker.count
          missing -= 1
        }
      }
    }
    return found
  }

  /// The offsets `findMarkers` finds, one for each of the three `totalMarkers`, held inline (no array
  /// is made per figure).
  private struct MarkerOffsets {
    private var offsets: (Int?, Int?, Int?) = (nil, nil, nil)

    subscript(k: Int) -> Int? {
      get {
        switch k {
        case 0: return offsets.0
        case 1: return offsets.1
        default: return offsets.2
        }
      }
      set {
        switch k {
        case 0: offsets.0 = newValue
        case 1: offsets.1 = newValue
        default: offsets.2 = newValue
        }
      }
    }
  }

  /// Whether the two sentences speak of the same thing: enough of their content words in common.
  public func sameContext(_ a: ClaimRef, _ b: ClaimRef, threshold: Double, minShared: Int = 2) -> Bool {
    let wa = claims.words(a)
    let wb = claims.words(b)
    // The counted noun itself says nothing about whether the sentences agree on the fact: its stem is
    // left out of both sides (counted off the sizes and the shared words rather than removed).
    // No array is made for the (at most two) hashes.
    let ha = quantities[a.document][a.index]?.quantity.counted.map { Salience.wordHash(Salience.stem($0)) }
    var hb = quantities[b.document][b.index]?.quantity.counted.map { Salience.wordHash(Salience.stem($0)) }
    if hb == ha { hb = nil }
    var countA = wa.count
    var countB = wb.count
    var shared = Salience.sharedCount(wa, wb)
    func leaveOut(_ h: UInt64?) {
      guard let h else { return }
      let inA = Salience.sortedContains(wa, h)
      let inB = Salience.sortedContains(wb, h)
      if inA { countA -= 1 }
      if inB { countB -= 1 }
      if inA && inB { shared -= 1 }
    }
    leaveOut(ha)
    leaveOut(hb)
    // Short sentences ("Turnout was 61.4 percent") cannot share many words.
    let small = min(countA, countB)
    let needed = min(minShared, max(1, small))
    let containment = small > 0 ? Double(shared) / Double(small) : 0
    return shared >= needed && containment >= threshold
  }

  /// The sum of the figure of `a` and its `siblings(of:)` (as `([a] + siblings).compactMap(value)`
  /// adds them), or nil when it has none.
  func partSum(_ a: ClaimRef) -> Double? {
    // The table holds quantity claims; any other claim is looked at as before.
    guard claims.documents[a.document].claims[a.index].kind == .quantity else {
      let sa = siblings(of: a)
      guard !sa.isEmpty else { return nil }
      return ([a] + sa).compactMap { quantities[$0.document][$0.index]?.quantity.value }.reduce(0, +)
    }
    // A document without enumerations has no list (`parts`).
    return parts[a.document].isEmpty ? nil : parts[a.document][a.index]?.sum
  }

  /// Whether both figures name what they count with modifiers beyond the neutral ones, and none of
  /// those in common ("51 payroll records", "37 flight records"): the sets of
  /// `modifiers.subtracting(neutralModifiers)`, compared without building them.
  static func disjointModifiers(_ a: [String], _ b: [String]) -> Bool {
    var bHasOwn = false
    for y in b where !neutralModifiers.contains(y) {
      bHasOwn = true
      break
    }
    guard bHasOwn else { return false }
    var aHasOwn = false
    for x in a where !neutralModifiers.contains(x) {
      aHasOwn = true
      // `x` is not neutral: if `b` holds it, it is in both sets.
      if b.contains(x) { return false }
    }
    return aHasOwn
  }

  /// Quantities of the same sentence and block (the parts of an enumeration such as "90 men and 12 women").
  public func siblings(of r: ClaimRef) -> [ClaimRef] {
    let cs = claims.documents[r.document].claims
    guard let q = cs[r.index].quantity else { return [] }
    let sentence = cs[r.index].sentenceIndex
    let key = claims.nouns.blockKey(q)
    var out: [ClaimRef] = []
    for i in cs.indices where i != r.index && cs[i].kind == .quantity && cs[i].sentenceIndex == sentence {
      if let oq = cs[i].quantity, claims.nouns.blockKey(oq) == key, !oq.isRange { out.append(ClaimRef(document: r.document, index: i)) }
    }
    return out
  }

  /// Whether `a` and `b` conflict: compatible subjects, intervals that cannot both hold, and neither
  /// explained as a part of the other.
  public func conflict(_ a: ClaimRef, _ b: ClaimRef, sameArticle: Bool = false) -> Bool {
    guard let fa = quantities[a.document][a.index], let fb = quantities[b.document][b.index] else { return false }
    // The figures are lent in place, not bound to locals (each a whole copy).
    return fa.withQuantities(fb) { qa, qb in
      guard claims.nouns.compatible(qa, qb) else { return false }
      if Self.plausiblyOverlap(qa, qb) { return false }
      return conflictOfDisjoint(a, b, qa, qb, sameArticle: sameArticle)
    }
  }

  /// `conflict` of two compatible figures `qa` (of `a`) and `qb` (of `b`) whose intervals cannot both
  /// hold: whether nothing else explains the difference.
  func conflictOfDisjoint(_ a: ClaimRef, _ b: ClaimRef, _ qa: Quantity, _ qb: Quantity, sameArticle: Bool = false) -> Bool {
    // A figure an order of magnitude off with other digits is another fact ("312 votes" margin and
    // "7,412 votes" for the winner), not a drifted one ("$21 million" for "$2.1 million" keeps its digits).
    if let va = qa.value ?? qa.low ?? qa.high, let vb = qb.value ?? qb.low ?? qb.high, va > 0, vb > 0,
      max(va, vb) > 10 * min(va, vb), Self.mantissa(va) != Self.mantissa(vb)
    {
      return false
    }
    // Within one article, different figures are usually different facts (this year's and last year's
    // share, two districts' tolls). Only figures that count the same named thing, in sentences that
    // say much the same, are the same fact told twice.
    if sameArticle {
      guard let na = qa.counted, na == qb.counted, !Self.genericNouns.contains(na) || qa.action != nil else { return false }
    }
    // "51 payroll records" and "37 flight records" count different things.
    if !qa.modifiers.isEmpty, !qb.modifiers.isEmpty, Self.disjointModifiers(qa.modifiers, qb.modifiers) { return false }
    if let x = qa.action, let y = qb.action {
      guard x == y else { return false }
      let only = !sameArticle && isOnlyFigure(a) && isOnlyFigure(b)
      guard sameContext(a, b, threshold: sameArticle ? 0.3 : only ? 0.1 : 0.25) else { return false }
    } else {
      // Without an action on one side, the counted noun must be the same and the sentences close.
      guard qa.counted == qb.counted, qa.unit == qb.unit else { return false }
      if let act = qa.action ?? qb.action {
        // The article without the action may state that action's figure elsewhere: then this figure
        // is about something else ("carrying 52 passengers" beside "14 passengers were killed").
        let other = qa.action == nil ? a : b
        let withAction = qa.action == nil ? qb : qa
        if quantities[other.document].contains(where: {
          $0?.quantity.action == act && $0.map { claims.nouns.compatible($0.quantity, withAction) } == true
        }) {
          return false
        }
        guard sameContext(a, b, threshold: sameArticle ? 0.4 : 0.6) else { return false }
      } else {
        if sameArticle {
          // Small counts without an action ("2 cups", "3 bedrooms") recur for different things.
          guard max(qa.value ?? 0, qb.value ?? 0) >= 10, sameContext(a, b, threshold: 0.2, minShared: 3) else { return false }
        } else {
          // The only figure for the thing in each article (and not far off), or the same digits in
          // another order (a typo: "132 votes" for "312 votes"), needs less shared wording to be the
          // same fact.
          let close = max(qa.value ?? 0, qb.value ?? 0) < 2 * min(qa.value ?? 0, qb.value ?? 0)
          let likely = (isOnlyFigure(a) && isOnlyFigure(b) && close) || Self.sameDigits(qa, qb)
          guard sameContext(a, b, threshold: likely ? 0.25 : qa.unit != nil ? 0.3 : 0.5) else { return false }
          if Self.isUnnamed(qa), !Self.isDrift(qa, qb), !sameUnnamedFigure(claims.claim(a), claims.claim(b)) { return false }
        }
      }
    }
    // A part of an enumeration is compared only with the same noun, and a total that equals the sum
    // of the parts is consistent.
    let pa = partSum(a)
    let pb = partSum(b)
    if pa != nil || pb != nil {
      if qa.counted != qb.counted { return false }
      let sumA = pa ?? qa.value ?? 0
      let sumB = pb ?? qb.value ?? 0
      if let vb = qb.value, sumA == vb { return false }
      if let va = qa.value, sumB == va { return false }
    }
    // A vague figure ("dozens") conflicts only with a far-off one, which the intervals already say.
    return true
  }

  /// Whether two figures can both hold, reading a lower bound the way news copy uses it: "more than
  /// 60,000" is not "more than 600,000" (a writer rounds down to a nearby figure, not a tenth of it),
  /// so a lower bound is taken to reach at most twice its value.
  static func plausiblyOverlap(_ a: Quantity, _ b: Quantity) -> Bool {
    // A whole figure and a figure with cents or decimals that rounds or truncates to it ("$129" and
    // "$129.99") are the same figure written less precisely.
    if let x = a.value, let y = b.value, x != y, abs(x - y) < 1 {
      let (whole, fine) = x == x.rounded() ? (x, y) : (y, x)
      if whole == whole.rounded(), fine.rounded(.down) == whole || fine.rounded() == whole { return true }
    }
    guard a.overlaps(b) else { return false }
    // The intervals again with a lower bound capped at twice its value (as `Quantity.overlaps`
    // compares them, without copying the quantities).
    func capped(_ q: Quantity) -> (low: Double, high: Double, lowInclusive: Bool, highInclusive: Bool) {
      if q.direction == .above || q.direction == .atLeast, q.high == nil, let low = q.low, low > 0 {
        return (low, 2 * low, q.lowInclusive, true)
      }
      return (q.low ?? -Double.infinity, q.high ?? Double.infinity, q.lowInclusive, q.highInclusive)
    }
    let x = capped(a)
    let y = capped(b)
    if x.high < y.low || y.high < x.low { return false }
    if x.high == y.low { return x.highInclusive && y.lowInclusive }
    if y.high == x.low { return y.highInclusive && x.lowInclusive }
    return true
  }

  /// What `surelyOverlap` reads of a figure: its interval, and its unit and counted noun as the words
  /// of their strings (`StringBits`). Made once per figure from its fields read in place
  /// (`shape(_:)`), so that a pair of figures is told apart without the figures being lent to a call
  /// (each lent figure is copied whole first).
  struct Shape {
    var value: Optional<Double>
    var low: Optional<Double>
    var high: Optional<Double>
    var lowInclusive: Bool
    var highInclusive: Bool
    /// The direction is `.above` or `.atLeast` (a lower bound, capped by `plausiblyOverlap`).
    var lowerBound: Bool
    var unit: StringBits
    var counted: StringBits
    var hasUnit: Bool
    var hasCounted: Bool
    /// False when the strings' words cannot be read (`StringFields`): then no pair is told apart.
    var bitsKnown: Bool
  }

  /// The shape of the figure of the claim at `r` (which must have one), its fields read in place.
  func shape(_ r: ClaimRef) -> Shape { quantities[r.document][r.index]!.shape }

  /// The shape of the figure at `address`, its fields read in place.
  static func shape(at address: UnsafePointer<Quantity>) -> Shape {
    let fields = StringFields.current
    func bits(_ offset: Int?) -> StringBits {
      guard let offset else { return StringBits(low: 0, high: 0) }
      let words = UnsafeRawPointer(address).load(fromByteOffset: offset, as: (UInt64, UInt64).self)
      return StringBits(low: words.0, high: words.1)
    }
    let q = address
    return Shape(
      value: q.pointee.value, low: q.pointee.low, high: q.pointee.high,
      lowInclusive: q.pointee.lowInclusive, highInclusive: q.pointee.highInclusive,
      lowerBound: q.pointee.direction == .above || q.pointee.direction == .atLeast,
      unit: bits(fields?.unit), counted: bits(fields?.counted),
      hasUnit: q.pointee.unit != nil, hasCounted: q.pointee.counted != nil, bitsKnown: fields != nil)
  }

  /// Whether `nouns.compatible(a, b) && plausiblyOverlap(a, b)` holds for the figures of shapes `a`
  /// and `b` (in this order), when that can be told from the shapes; false when it does not hold or
  /// cannot be told so (then the figures themselves are compared).
  ///
  /// Why this is `compatible`: strings with the same words are the same string (`KnownBits`; the
  /// figures are alive while compared), so equal units and equal counted nouns pass `compatible`'s
  /// first tests and it returns true (with a unit: whatever the counted nouns, as long as they are
  /// equal or absent; without one: when both have the same counted noun). The intervals are
  /// compared as `plausiblyOverlap` and `Quantity.overlaps` compare them, step for step.
  static func surelyOverlap(_ a: Shape, _ b: Shape) -> Bool {
    guard a.bitsKnown, b.bitsKnown, a.unit == b.unit, a.counted == b.counted, a.hasUnit || a.hasCounted else { return false }
    // `plausiblyOverlap`: a whole figure and one with cents or decimals that rounds to it.
    if let x = a.value, let y = b.value, x != y, abs(x - y) < 1 {
      let (whole, fine) = x == x.rounded() ? (x, y) : (y, x)
      if whole == whole.rounded(), fine.rounded(.down) == whole || fine.rounded() == whole { return true }
    }
    // `Quantity.overlaps`.
    let aLow = a.low ?? -Double.infinity
    let aHigh = a.high ?? Double.infinity
    let bLow = b.low ?? -Double.infinity
    let bHigh = b.high ?? Double.infinity
    if aHigh < bLow || bHigh < aLow { return false }
    if aHigh == bLow {
      guard a.highInclusive && b.lowInclusive else { return false }
    } else if bHigh == aLow {
      guard b.highInclusive && a.lowInclusive else { return false }
    }
    // The intervals again with a lower bound capped at twice its value.
    func capped(_ q: Shape) -> (low: Double, high: Double, lowInclusive: Bool, highInclusive: Bool) {
      if q.lowerBound, q.high == nil, let low = q.low, low > 0 {
        return (low, 2 * low, q.lowInclusive, true)
      }
      return (q.low ?? -Double.infinity, q.high ?? Double.infinity, q.lowInclusive, q.highInclusive)
    }
    let x = capped(a)
    let y = capped(b)
    if x.high < y.low || y.high < x.low { return false }
    if x.high == y.low { return x.highInclusive && y.lowInclusive }
    if y.high == x.low { return y.highInclusive && x.lowInclusive }
    return true
  }

  /// Whether a figure says nothing of what it counts: an amount, a percentage or a measure ("$700",
  /// "4.5 percent", "124 mph") with no counted noun of its own. What it is about lies only in the words
  /// around it.
  static func isUnnamed(_ q: Quantity) -> Bool {
    guard let noun = q.counted else { return q.unit != nil }
    return SameArticleFigures.measureNouns.contains(noun)
  }

  /// Whether two differing figures look like one figure drifted: the same digits in another order
  /// ("64.1" and "61.4") or the same significant digits at another scale ("$21 million" and "$2.1 million").
  static func isDrift(_ a: Quantity, _ b: Quantity) -> Bool {
    if sameDigits(a, b) { return true }
    guard let x = a.value ?? a.low ?? a.high, let y = b.value ?? b.low ?? b.high, x != y else { return false }
    return mantissa(x) == mantissa(y)
  }

  /// Whether two unnamed figures of different articles ("prices as low as $2,299" on one page, "$700"
  /// for a refurbished laptop on another) are told of the same thing: the sentences must not name
  /// different subjects (Titan's diameter is not Europa's), and the words right around the two figures
  /// must share a content word (what the amount is: "rate", "fee", "price").
  func sameUnnamedFigure(_ a: Claim, _ b: Claim) -> Bool {
    let na = SameArticleFigures.identifiers(a.sentence, figure: a.span.text)
    let nb = SameArticleFigures.identifiers(b.sentence, figure: b.span.text)
    if !na.isEmpty, !nb.isEmpty, na.isDisjoint(with: nb) { return false }
    // A reduction ("$600 off", "saving $200") is not a price, and a projection ("could rise to more
    // than $30 billion") is not a reported figure.
    if Self.isReduction(a) != Self.isReduction(b) || Self.isProjection(a) != Self.isProjection(b) { return false }
    // A market move during the session and the move at the close are two figures ("jumped 28 percent
    // in early trading", "closed up 26 percent").
    if let x = Self.tradingMoment(a), let y = Self.tradingMoment(b), x != y { return false }
    return Salience.sharedCount(Self.nearbyWords(a), Self.nearbyWords(b)) > 0
  }

  /// Words right after a figure that place it during a trading session ("in early trading").
  static let intradayWords: Set<String> = ["intraday", "early", "morning", "afternoon", "midday", "briefly"]
  /// Words right before a figure that place it at the close of a session ("closed up 26 percent").
  static let closingWords: Set<String> = ["closed", "closing", "ended", "finished", "settled"]

  /// "intraday" or "close" when the words next to a figure say when in a trading session it was
  /// measured; nil otherwise.
  static func tradingMoment(_ c: Claim) -> String? {
    let w = window(c, before: 3, clause: true)
    if w.before.contains(where: { closingWords.contains($0) }) || w.after.starts(with: ["at", "the", "close"]) { return "close" }
    let after = w.after.prefix(3)
    if after.contains(where: { intradayWords.contains($0) }), after.contains("trading") || after.contains("trade") { return "intraday" }
    if w.before.contains("briefly") || w.before.contains("intraday") { return "intraday" }
    return nil
  }

  /// Words before a figure that make it a reduction rather than an amount ("saving $200", "a discount of").
  static let reductionWordsBefore: Set<String> = ["save", "saves", "saving", "discount", "discounted", "knocking", "slashing", "cut", "cuts"]

  /// Whether an amount is a reduction: "$600 off", "saves $200", "a $50 discount".
  static func isReduction(_ c: Claim) -> Bool {
    let w = window(c)
    if let next = w.after.first, next == "off" || next == "discount" || next == "cheaper" || next == "less" { return true }
    return w.before.suffix(3).contains { reductionWordsBefore.contains($0) }
  }

  /// Modal verbs that make a figure a projection or a hypothesis.
  static let modals: Set<String> = ["could", "would", "might", "may", "should"]

  /// Whether a figure is a projection: a modal verb within the twelve words before it ("could increase
  /// its agricultural exports to China to much more than $30 billion").
  static func isProjection(_ c: Claim) -> Bool {
    window(c, before: 12).before.contains { modals.contains($0) }
  }

  /// Up to `before` lower-case words before the figure of `c` and four after it, punctuation stripped;
  /// with `clause`, not past a comma, semicolon, colon or parenthesis.
  static func window(_ c: Claim, before: Int = 8, clause: Bool = false) -> (before: [String], after: [String]) {
    let raw = c.sentence.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    let words = raw.map { Self.tokens(String($0)).first ?? "" }
    let figure = Self.tokens(c.span.text)
    guard let first = figure.first, let start = words.firstIndex(of: first) else { return ([], []) }
    let end = min(words.count, start + figure.count)
    func breaks(_ k: Int) -> Bool { clause && raw[k].contains(where: { ",;:()".contains($0) }) }
    var lo = start
    while lo > max(0, start - before), !breaks(lo - 1) { lo -= 1 }
    var hi = end
    while hi < min(words.count, end + 4), !(hi > end && breaks(hi - 1)), !(hi == end && breaks(end - 1)) { hi += 1 }
    return (Array(words[lo..<start]).filter { !$0.isEmpty }, Array(words[end..<hi]).filter { !$0.isEmpty })
  }

  /// Lower-case words of a text, split on spaces, without the punctuation around them.
  static func tokens(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" || $0 == ")" }).map { word in
      var w = Substring(word.lowercased())
      while let f = w.first, !f.isLetter, !f.isNumber, f != "$", f != "€", f != "£" { w = w.dropFirst() }
      while let l = w.last, !l.isLetter, !l.isNumber { w = w.dropLast() }
      return String(w)
    }.filter { !$0.isEmpty }
  }

  /// The content words of the clause of the figure of `c`, up to six words before it and four after it
  /// (not past a comma, a semicolon or a parenthesis), without the words of the figure itself.
  static func nearbyWords(_ c: Claim) -> Set<String> {
    let w = window(c, before: 6, clause: true)
    var out = Salience.words((w.before + w.after.prefix(4)).joined(separator: " "))
    out.subtract(Salience.words(c.span.text))
    return out
  }

  /// The significant digits of a value (42 for 4,200,000,000 and for 4.2), to three places.
  static func mantissa(_ v: Double) -> Int {
    guard v > 0, v.isFinite else { return 0 }
    var m = v
    var steps = 0
    while m >= 10, steps < 40 {
      m /= 10
      steps += 1
    }
    while m < 1, steps < 80 {
      m *= 10
      steps += 1
    }
    return Int((m * 100).rounded())
  }

  /// Whether two figures have the same digits in another order (148 and 184): the commonest typo.
  static func sameDigits(_ a: Quantity, _ b: Quantity) -> Bool {
    guard let x = a.value, let y = b.value else { return false }
    let da = ClaimText.number(x).filter(\.isNumber)
    let db = ClaimText.number(y).filter(\.isNumber)
    return da != db && da.count == db.count && da.sorted() == db.sorted()
  }

  /// Error when both figures are exact and differ; warning when a qualifier is involved.
  public func naturalSeverity(_ a: ClaimRef, _ b: ClaimRef) -> Severity {
    guard let fa = quantities[a.document][a.index], let fb = quantities[b.document][b.index] else { return .warning }
    if fa.quantity.direction == .exact && fb.quantity.direction == .exact && !fa.quantity.isVague && !fb.quantity.isVague { return .error }
    return .warning
  }
}

/// The two words of an `Optional<String>` as they lie in memory.
struct StringBits: Equatable {
  var low: UInt64
  var high: UInt64
}

/// Numbers already worked out for strings, looked up by the strings' two words (`StringBits`), not
/// their text: no string is copied, hashed by its bytes or compared.
///
/// Why this is sound: the two words are the whole of an optional string's value (a copy of a string
/// is a copy of its words), so two strings with the same words are the same string, provided both
/// are alive when compared (the storage a word points to cannot be freed and reused while either
/// holds it). The table is filled and read while the strings it was filled from are alive (the run's
/// claims, during `tables`). Equal strings with different words (two buffers with the same text)
/// only miss here and are numbered by their text; nil has its own words (and maps to -1).
struct KnownBits {
  private struct Entry {
    var bits: StringBits
    var number: Int32
  }
  /// An open-addressing table, at most half full; an entry with number `Int32.min` is empty.
  private var entries: [Entry]
  private var count = 0

  /// Room for 32 strings: the tables of a story of several articles hold some ten to fifty each, and
  /// a table that started at 16 was grown (and rehashed) for about one story in two.
  init() {
    entries = [Entry](repeating: Entry(bits: StringBits(low: 0, high: 0), number: .min), count: 64)
  }

  /// The slot of `bits` in `entries`: the one that holds them, or the empty one where they would go.
  @inline(__always)
  private func slot(_ bits: StringBits) -> Int {
    let mask = entries.count - 1
    // The low word of a small string holds its first bytes, of a large one its count and flags;
    // the high word the rest of the bytes, or the storage's address. Mixed, the top bits pick the slot.
    let mixed = (bits.low ^ (bits.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
    var k = Int(truncatingIfNeeded: mixed >> 40) & mask
    while entries[k].number != .min && entries[k].bits != bits { k = (k + 1) & mask }
    return k
  }

  /// The number known for `bits`; else `make()`'s, recorded for them.
  @inline(__always)
  mutating func number(_ bits: StringBits, _ make: () -> Int32) -> Int32 {
    let k = slot(bits)
    if entries[k].number != .min { return entries[k].number }
    let n = make()
    add(bits, n, at: k)
    return n
  }

  /// Records `n` for `bits` at their empty slot `k`, growing the table to stay at most half full.
  private mutating func add(_ bits: StringBits, _ n: Int32, at k: Int) {
    count += 1
    if 2 * count <= entries.count {
      entries[k] = Entry(bits: bits, number: n)
      return
    }
    let old = entries
    entries = [Entry](repeating: Entry(bits: StringBits(low: 0, high: 0), number: .min), count: 2 * old.count)
    for e in old where e.number != .min { entries[slot(e.bits)] = e }
    entries[slot(bits)] = Entry(bits: bits, number: n)
  }
}

/// `NounFamilies.blockKey` of the counted families of figures without a unit, worked out once per run
/// (not once per story) and kept with the hash of the key's bytes (`Interner.asciiHash`), so that each
/// story numbers the key without hashing it again.
///
/// Correct because the key depends on the family alone (`countedFamily ?? counted`: `blockKey` with no
/// unit reads nothing else) and on the run's `NounFamilies`, which holds this table (its copies share
/// it, and a `NounFamilies` made from other families has its own). Stories are checked side by side on
/// several threads: every read and write is made under the lock (a few thousand look-ups a run, each
/// when a story first meets a family).
final class FamilyBlockKeys: @unchecked Sendable {
  private let lock = NSLock()
  /// The families asked for, by number.
  private var families = Interner(capacity: 64)
  /// The block key of each family, and its hash, by the family's number.
  private var keys: [(text: String, hash: UInt64?)] = []

  /// The block key of `family` in `nouns` (the `NounFamilies` that holds this table), and its hash.
  func key(family: String, _ nouns: NounFamilies) -> (text: String, hash: UInt64?) {
    lock.lock()
    defer { lock.unlock() }
    let (n, isNew) = families.number(family)
    if isNew {
      let text = nouns.blockKey(unit: nil, counted: family, countedFamily: nil) ?? ""
      keys.append((text, Interner.asciiHash(text)))
    }
    return keys[Int(n)]
  }
}

/// Numbers distinct strings in the order they come, each once.
///
/// An ASCII string is looked up by a hash of its bytes (two ASCII strings are equal exactly when their
/// bytes are; a hit is confirmed by `==`, and on a collision every member is compared), so it is
/// neither compared with each member nor hashed as a `String`. A member that is not ASCII may still
/// equal an ASCII string (U+212A KELVIN SIGN is "K"): such members are compared as strings when the
/// hash finds nothing, and a string that is not ASCII is compared with every member.
struct Interner {
  /// The strings by number.
  private(set) var values: [String] = []
  /// The number of the first ASCII member with each hash, in an open-addressing table (the hashes are
  /// spread evenly: their low bits pick the slot); -1 marks an empty slot. At most half full.
  private var slotHashes: [UInt64]
  private var slotNumbers: [Int32]
  private var asciiCount = 0
  /// The members that are not ASCII.
  private var nonASCII: [Int32] = []

  /// An empty interner with room for `capacity` strings before its arrays grow (at least 16).
  init(capacity: Int = 16) {
    var slots = 32
    // At most half the slots are used.
    while slots < 2 * capacity { slots <<= 1 }
    slotHashes = [UInt64](repeating: 0, count: slots)
    slotNumbers = [Int32](repeating: -1, count: slots)
    values.reserveCapacity(max(capacity, 16))
  }

  /// FNV-1a of the bytes of `s` when it is ASCII, nil otherwise.
  static func asciiHash(_ s: String) -> UInt64? {
    if let h = s.utf8.withContiguousStorageIfAvailable({ asciiHash(bytes: $0) }) { return h }
    return asciiHash(bytes: Array(s.utf8))
  }

  /// FNV-1a of `bytes` when they are ASCII, nil otherwise.
  private static func asciiHash<C: Collection<UInt8>>(bytes: C) -> UInt64? {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      if b >= 0x80 { return nil }
      h = (h ^ UInt64(b)) &* 0x100_0000_01b3
    }
    return h
  }

  /// The slot of hash `h`: the one that holds it, or the empty one where it would go.
  private func slot(_ h: UInt64) -> Int {
    let mask = slotNumbers.count - 1
    var k = Int(truncatingIfNeeded: h) & mask
    while slotNumbers[k] >= 0 && slotHashes[k] != h { k = (k + 1) & mask }
    return k
  }

  /// Records `n` as the first ASCII member with hash `h` (none has it yet), growing the table to stay at
  /// most half full.
  private mutating func insert(_ h: UInt64, _ n: Int32) {
    asciiCount += 1
    if 2 * asciiCount > slotNumbers.count {
      let oldHashes = slotHashes
      let oldNumbers = slotNumbers
      slotHashes = [UInt64](repeating: 0, count: 2 * oldNumbers.count)
      slotNumbers = [Int32](repeating: -1, count: 2 * oldNumbers.count)
      for k in oldNumbers.indices where oldNumbers[k] >= 0 {
        let j = slot(oldHashes[k])
        slotHashes[j] = oldHashes[k]
        slotNumbers[j] = oldNumbers[k]
      }
    }
    let j = slot(h)
    slotHashes[j] = h
    slotNumbers[j] = n
  }

  /// The number of `s`, and whether it was given now.
  mutating func number(_ s: String) -> (number: Int32, isNew: Bool) {
    number(s, asciiHash: Self.asciiHash(s))
  }

  /// `number(s)` given `hash`, which must be `Interner.asciiHash(s)` (worked out once for a string
  /// numbered in many interners).
  mutating func number(_ s: String, asciiHash hash: UInt64?) -> (number: Int32, isNew: Bool) {
    var found = false
    if let h = hash {
      let j = slot(h)
      found = slotNumbers[j] >= 0
      if found {
        let k = slotNumbers[j]
        if values[Int(k)] == s { return (k, false) }
        // Two ASCII strings with one hash: compared as strings.
        if let k = values.firstIndex(of: s) { return (Int32(k), false) }
      } else {
        for k in nonASCII where values[Int(k)] == s { return (k, false) }
      }
    } else if let k = values.firstIndex(of: s) {
      return (Int32(k), false)
    }
    let n = Int32(values.count)
    values.append(s)
    if let h = hash {
      if !found { insert(h, n) }
    } else {
      nonASCII.append(n)
    }
    return (n, true)
  }
}

enum ClaimTextNumbers {
  static let words: Set<String> = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
    "forty", "fifty", "hundred", "dozen",
  ]
}
