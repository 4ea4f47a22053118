import ClaimLintCore
import Foundation

/// A claim's address: its document and its position in that document's claim list.
public struct ClaimRef: Sendable, Hashable, Comparable {
  public var document: Int
  public var index: Int

  public init(document: Int, index: Int) {
    self.document = document
    self.index = index
  }

  public static func < (a: ClaimRef, b: ClaimRef) -> Bool { (a.document, a.index) < (b.document, b.index) }
}

/// One document and its claims, as the rules see them.
public struct DocumentClaims: Sendable {
  public var document: Document
  public var claims: [Claim]

  public init(document: Document, claims: [Claim]) {
    self.document = document
    self.claims = claims
  }
}

/// The claims of every document, with the indexes rules use to find claims that may speak of the same fact.
///
/// Claims are only ever compared within a block (same unit and counted-noun family, same person, same
/// event type), so the work grows with the size of the blocks, not with the square of all claims.
///
/// A class, not a struct: rules hold the run in closures, comparisons and per-pass tables
/// (`QuantityComparison`, `ComparableDocuments`, `MinoritySide`), and a copy of a struct of a dozen
/// arrays and tables retains and releases every one of them; a copy of a reference retains one
/// object. Every stored property is a `let`, so the run is never changed once aligned.
public final class AlignedClaims: Sendable {
  public let documents: [DocumentClaims]
  /// The draft in pre-publish mode (`check DRAFT --against SOURCE…`).
  public let draftIndex: Int?
  public let nouns: NounFamilies
  /// `syndicationGroup[d]` is the smallest document index whose text is a near copy of document `d`.
  public let syndicationGroup: [Int]
  /// Documents whose dates lie too far apart to be about the same events.
  private let maxDaysApart: Int
  /// The content words of the sentences rules ask about (`words(_:)`), worked out when first asked
  /// and kept, once per distinct sentence text. Rules ask about few sentences (about one in eight of
  /// those with a figure or an event at 1,000 articles: only claims with a counterpart in another
  /// claim of their block are compared by their wording), so no sentence is hashed when aligning.
  private let sentenceWordsCache: SentenceWords
  /// The content words of each document's reportage, for the story gate, as sorted hashes without
  /// repeats (half the memory of a set, and two documents intersect by one merge pass).
  private let documentWords: [[UInt64]]
  /// In large runs, each document's distinctive words: those few other documents use (names, places,
  /// the story's own vocabulary), sorted. Empty in small runs, where every word is distinctive.
  private let distinctiveWords: [[UInt64]]
  /// Words too common in the whole run to tell events apart (`StoryGate.Result.commonWords`); empty in
  /// small runs.
  public let commonWords: Set<UInt64>
  /// The story each document belongs to (one story for a small run); claims are compared within a story.
  public let story: [Int]
  private let largeRun: Bool
  /// Jaccard overlap of two documents' words below which they are taken to cover different stories.
  public let minStoryOverlap: Double
  /// The overlap used when none is given.
  public static let defaultMinStoryOverlap = 0.06
  private let storyCache: StoryCache
  /// `comparable(a, b)` of every pair of documents, worked out once when the run is aligned, for runs
  /// of at most `eagerComparableLimit` documents (every story of a large run); empty otherwise. Several
  /// rules ask about the same pairs, each through its own memo (`ComparableDocuments`), and each first
  /// answer took the story cache's lock: a run of a few documents asks about nearly all of its pairs.
  private let comparableTable: PairTable
  /// The largest run whose comparable pairs are all worked out when it is aligned.
  static let eagerComparableLimit = 64
  /// Tables several rules need (`memo(_:_:)`), computed by the first rule that asks.
  private let shared = SharedTables()

  /// - Parameter story: when the documents are one story of a larger run, already joined by
  ///   `StoryGate` over the whole run: each document's distinctive words in that run (`StoryGate.Result`).
  ///   The documents are then compared as one story, and two of them must still share distinctive words.
  public init(
    documents: [DocumentClaims], draftIndex: Int?, nouns: NounFamilies, maxDaysApart: Int = 120, minStoryOverlap: Double = defaultMinStoryOverlap,
    story storyOfRun: StoryOfRun? = nil
  ) {
    self.minStoryOverlap = minStoryOverlap
    self.storyCache = StoryCache(count: documents.count)
    self.comparableTable = PairTable(count: documents.count <= Self.eagerComparableLimit ? documents.count : 0)
    // A story of a large run may bring its documents' words from the run's first pass.
    if let known = storyOfRun?.documentWords, known.count == documents.count {
      self.documentWords = known
    } else {
      self.documentWords = Self.map(documents) { Self.storyWords(of: $0.document) }
    }
    // In a large archive, stories are told apart by the words that few documents share (`StoryGate`);
    // rules then only compare claims within a story.
    var story = Array(0..<documents.count)
    if let storyOfRun {
      distinctiveWords = storyOfRun.distinctiveWords
      commonWords = storyOfRun.commonWords
      story = Array(repeating: 0, count: documents.count)
      largeRun = true
    } else if documents.count >= StoryGate.minimumRunSize {
      let gate = StoryGate.stories(documentWords, minOverlap: minStoryOverlap)
      distinctiveWords = gate.distinctiveWords
      commonWords = gate.commonWords
      story = gate.story
      largeRun = true
    } else {
      distinctiveWords = Array(repeating: [], count: documents.count)
      commonWords = []
      story = Array(repeating: 0, count: documents.count)
      largeRun = false
    }
    self.story = story
    self.documents = documents
    self.draftIndex = draftIndex
    self.nouns = nouns
    self.maxDaysApart = maxDaysApart
    // Each document is read in place when its shingles are not known (none is copied into a list).
    self.syndicationGroup = Syndication.groups(count: documents.count, shingles: storyOfRun?.documentShingles) { documents[$0].document }
    // The sentences' words are worked out when a rule asks for them (`words(_:)`).
    self.sentenceWordsCache = SentenceWords(documents)
    if let table = comparableTable.bytes {
      let n = documents.count
      for a in 0..<n {
        for b in (a + 1)..<n where computeComparable(a, b) {
          table[a * n + b] = 1
          table[b * n + a] = 1
        }
      }
    }
  }

  /// `ParallelMap.map` for many items; a few (most stories of a large run) are mapped on this thread,
  /// without asking for the number of cores and starting workers for them.
  static func map<T, U>(_ items: [T], _ transform: (T) -> U) -> [U] {
    items.count < 16 ? items.map(transform) : ParallelMap.map(items, transform)
  }

  /// The words the story gate compares documents by: the content words of the reportage, lists and
  /// headline, as sorted hashes without repeats (`Salience.appendWordHashes(_:to:)` of each of those
  /// segments, sorted without repeats).
  public static func storyWords(of document: Document) -> [UInt64] { readWords(of: document, shingles: false).words }

  /// `storyWords(of:)`, and the sorted shingles too (`storyWordsAndShingles(of:)`) when `fit` says
  /// they may be kept: it is asked with a guess of their size in bytes made before reading them (a
  /// byte of text for each of their bytes: a shingle of eight bytes stands for a word and its
  /// separator, about six bytes; an article's shingles take a little more than its text).
  public static func storyWords(of document: Document, shinglesIf fit: (Int) -> Bool) -> (words: [UInt64], shingles: [UInt64]?) {
    var bytes = 32
    let segments = document.segments
    for k in segments.indices where segments[k].kind == .reportage || segments[k].kind == .list { bytes += segments[k].text.utf8.count }
    if fit(bytes) {
      let both = readWords(of: document, shingles: true)
      return (both.words, both.shingles)
    }
    return (readWords(of: document, shingles: false).words, nil)
  }

  /// `storyWords(of:)` and the document's sorted shingles (`Syndication.shingles(of:)`), read from its
  /// text in one pass: a run's first pass keeps both for the stories' alignment (`StoryOfRun`).
  public static func storyWordsAndShingles(of document: Document) -> (words: [UInt64], shingles: [UInt64]) {
    readWords(of: document, shingles: true)
  }

  /// The story words, and the sorted shingles when `shingles` is set (empty otherwise), read from the
  /// text in one pass over its bytes.
  private static func readWords(of document: Document, shingles wanted: Bool) -> (words: [UInt64], shingles: [UInt64]) {
    let segments = document.segments
    // Room for the words of the reportage, lists and headlines: a story word (at least three bytes)
    // and the byte that ends it take at least four bytes, a shingle word and its end two, so a text of
    // `b` bytes has at most `b / 4 + 1` and `b / 2 + 1` of them.
    var wordRoom = 0
    var room = 0
    for k in segments.indices {
      switch segments[k].kind {
      case .reportage, .list:
        let count = segments[k].text.utf8.count
        wordRoom += count / 4 + 1
        room += count / 2 + 1
      case .headline: wordRoom += segments[k].text.utf8.count / 4 + 1
      default: break
      }
    }
    if !wanted { room = 0 }
    var shingles: [UInt64] = []
    // The words and shingle words of the reportage and lists in text order, then the words of the
    // headlines (no shingles), written in place into one array each.
    var words = [UInt64](unsafeUninitializedCapacity: wordRoom) { wordOut, wordsWritten in
      shingles = [UInt64](unsafeUninitializedCapacity: room) { out, initialized in
        var wordCount = 0
        var count = 0
        // The rooms are not empty when there is a segment to read (the shingles' when they are wanted).
        if let wordBase = wordOut.baseAddress {
          for k in segments.indices where segments[k].kind == .reportage || segments[k].kind == .list {
            Salience.appendWordHashes(
              segments[k].text, to: wordBase, count: &wordCount, shingleWords: wanted ? out.baseAddress : nil, shingleCount: &count)
          }
          for k in segments.indices where segments[k].kind == .headline {
            Salience.appendWordHashes(segments[k].text, to: wordBase, count: &wordCount, shingleWords: nil, shingleCount: &count)
          }
        }
        initialized = count
        wordsWritten = wordCount
      }
    }
    Salience.sortUnique(&words)
    if wanted {
      Syndication.makeShingles(&shingles)
      Salience.sortUnique(&shingles)
    }
    return (words, shingles)
  }

  /// The value stored under `key`, made by `make` the first time any rule asks for it: rules that
  /// need the same table (quantity blocks, figure tables) compute it once per run. `make` must not
  /// depend on the rule that calls it.
  func memo<T: Sendable>(_ key: String, _ make: () -> T) -> T { shared.value(key, make) }

  /// The content words of the sentence a claim was read from, as sorted hashes (`Salience.sortedWordHashes`).
  ///
  /// The sentence's text is the one its first claim gives (the claim of the document with the smallest
  /// index and the same `sentenceIndex`); its words are worked out the first time any claim of a
  /// sentence with that text is asked about, and kept for the run (`SentenceWords`).
  public func words(_ r: ClaimRef) -> [UInt64] {
    documents[r.document].claims.withUnsafeBufferPointer { cs in
      let s = cs[r.index].sentenceIndex
      var first = 0
      while cs[first].sentenceIndex != s { first &+= 1 }
      return sentenceWordsCache.words(document: r.document, firstClaim: first, text: cs[first].sentence)
    }
  }

  /// `words(_:)` (the name the participants rule reads it by).
  func askedWords(_ r: ClaimRef) -> [UInt64] { words(r) }

  /// The content words of the sentence of every claim of each document (`words(_:)` of each claim),
  /// as `sentenceWords[d][i]`.
  public var sentenceWords: [[[UInt64]]] {
    documents.indices.map { d in documents[d].claims.indices.map { i in words(ClaimRef(document: d, index: i)) } }
  }

  public func claim(_ r: ClaimRef) -> Claim { documents[r.document].claims[r.index] }

  public func document(_ r: ClaimRef) -> Document { documents[r.document].document }

  /// Every claim reference in document order.
  public func refs(where include: (Claim) -> Bool) -> [ClaimRef] {
    var out: [ClaimRef] = []
    for d in documents.indices {
      // Each claim is handed over in place, not copied.
      documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices where include(cs[i]) {
          out.append(ClaimRef(document: d, index: i))
        }
      }
    }
    return out
  }

  /// Whether two documents may be compared: different documents, not copies of each other, in
  /// pre-publish mode one of them the draft, and dated close enough to cover the same events.
  public func comparable(_ a: Int, _ b: Int) -> Bool {
    let n = comparableTable.count
    if let table = comparableTable.bytes, a >= 0, b >= 0, a < n, b < n { return table[a * n + b] != 0 }
    return computeComparable(a, b)
  }

  /// Whether `comparable(_:_:)` answers from its table of every pair (then a rule need not keep its own).
  var knowsEveryComparablePair: Bool { comparableTable.bytes != nil }

  /// `comparable(_:_:)` worked out.
  private func computeComparable(_ a: Int, _ b: Int) -> Bool {
    if a == b { return false }
    if syndicationGroup[a] == syndicationGroup[b] { return false }
    if let d = draftIndex, a != d && b != d { return false }
    if let da = documents[a].document.date, let db = documents[b].document.date,
      abs(da.dayNumber - db.dayNumber) > maxDaysApart
    {
      return false
    }
    return sameStory(a, b)
  }

  /// Whether two documents plausibly cover the same story: enough of their content words in common
  /// (Jaccard overlap). Articles of one story overlap far more than articles of one beat.
  public func sameStory(_ a: Int, _ b: Int) -> Bool {
    if largeRun, story[a] != story[b] { return false }
    let key = a < b ? (a, b) : (b, a)
    if let v = storyCache.get(key) { return v }
    // `Double(inter) / Double(union) >= minStoryOverlap` for the shared count `inter`, by a merge pass
    // that stops once the fewest shared words that pass are found (`storyOverlapNeeded`): the articles
    // of a story share most of their words, and the pass ends after a small part of the lists.
    let total = documentWords[a].count + documentWords[b].count
    var v =
      total == 0
      || SharedWords.sharesAtLeast(
        documentWords[a], documentWords[b],
        Self.storyOverlapNeeded(total: total, smaller: min(documentWords[a].count, documentWords[b].count), threshold: minStoryOverlap))
    if v, largeRun {
      // Stories are joined transitively; two members must still share distinctive words themselves.
      v = SharedWords.sharesAtLeast(distinctiveWords[a], distinctiveWords[b], 3)
    }
    storyCache.set(key, v)
    return v
  }

  /// The fewest shared words `k` with `Double(k) / Double(total - k) >= threshold` (the Jaccard test of
  /// `sameStory` for lists of `total` words in all, the union being `total - k`), or `smaller + 1` when
  /// no `k` up to `smaller` (the shorter list's length, the most two lists can share) passes; `total`
  /// is positive. The quotient grows with `k` (the numerator grows, the denominator, positive as
  /// `total - k >= total - smaller > 0` when `smaller <= total / 2`, shrinks, and division is
  /// correctly rounded, hence monotonic), so `Double(inter) / Double(union) >= threshold` is
  /// `inter >= storyOverlapNeeded(...)`. Found from an estimate by stepping down while the one below
  /// still passes and up while `k` fails; a threshold that is not a number passes nothing.
  static func storyOverlapNeeded(total: Int, smaller: Int, threshold t: Double) -> Int {
    func passes(_ k: Int) -> Bool { Double(k) / Double(total - k) >= t }
    guard !t.isNaN else { return smaller + 1 }
    var k = 0
    if t > 0 {
      // `k / (total - k) = t` at `k = t * total / (1 + t)`; clamped to the range searched.
      let estimate = t.isFinite ? (t * Double(total) / (1 + t)).rounded(.down) : Double(smaller + 1)
      k = estimate >= Double(smaller + 1) ? smaller + 1 : max(Int(estimate), 0)
    }
    while k > 0, passes(k - 1) { k -= 1 }
    while k <= smaller, !passes(k) { k += 1 }
    return k
  }

  /// Groups reportage claims by a blocking key; claims with no key are left out. Keys are sorted.
  public func blocks(of kind: Claim.Kind, layer: ClaimLayer? = .reportage, key: (Claim) -> String?) -> [[ClaimRef]] {
    var map: [String: [ClaimRef]] = [:]
    for d in documents.indices {
      let prefix = "s\(story[d])|"
      // Claims are read in place: only those of the kind and layer are handed to `key`.
      documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices where cs[i].kind == kind && (layer == nil || cs[i].layer == layer) {
          if let k = key(cs[i]) { map[prefix + k, default: []].append(ClaimRef(document: d, index: i)) }
        }
      }
    }
    return map.keys.sorted().map { map[$0]! }
  }

  /// The primary side of a discrepancy between groups of claims: in pre-publish mode the draft's
  /// claim; otherwise the first claim of `candidates` in document order.
  public func primary(among candidates: [ClaimRef]) -> ClaimRef? {
    if let d = draftIndex { return candidates.filter { $0.document == d }.min() }
    return candidates.min()
  }

  /// Whether a reference lies in the draft (always true outside pre-publish mode).
  public func isDraftSide(_ r: ClaimRef) -> Bool { draftIndex.map { $0 == r.document } ?? true }
}

/// What a story of a large run brings from the whole run when its documents are checked on their own.
public struct StoryOfRun: Sendable {
  /// Each document's distinctive words in the whole run (`StoryGate.Result.distinctiveWords`), in the
  /// order of the story's documents.
  public var distinctiveWords: [[UInt64]]
  /// The run's common words (`StoryGate.Result.commonWords`).
  public var commonWords: Set<UInt64>
  /// Each document's story words (`AlignedClaims.storyWords(of:)`), in the order of the story's
  /// documents, when the run already has them; nil to compute them again.
  public var documentWords: [[UInt64]]?
  /// Each document's sorted shingles (`AlignedClaims.storyWordsAndShingles(of:)`), in the order of the
  /// story's documents, nil for a document whose shingles the run does not have; nil to compute them all.
  public var documentShingles: [[UInt64]?]?

  public init(
    distinctiveWords: [[UInt64]], commonWords: Set<UInt64>, documentWords: [[UInt64]]? = nil, documentShingles: [[UInt64]?]? = nil
  ) {
    self.distinctiveWords = distinctiveWords
    self.commonWords = commonWords
    self.documentWords = documentWords
    self.documentShingles = documentShingles
  }
}

/// Disjoint sets of indexes, each named by its smallest member.
struct UnionFind {
  private var parent: [Int]

  init(count: Int) { parent = Array(0..<count) }

  /// The smallest member of the set holding `x`.
  mutating func find(_ x: Int) -> Int {
    var r = x
    while parent[r] != r { r = parent[r] }
    var y = x
    while parent[y] != r { let next = parent[y]; parent[y] = r; y = next }
    return r
  }

  mutating func union(_ a: Int, _ b: Int) {
    let ra = find(a)
    let rb = find(b)
    if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
  }

  /// Every index's set name.
  mutating func roots() -> [Int] { (0..<parent.count).map { find($0) } }
}

/// Families of counted nouns ("suspect" and "criminal" are offenders; offenders are people).
public struct NounFamilies: Sendable {
  /// family → parent family.
  private let parents: [String: String]
  /// family → its top family, for every family with a parent (the walk up `parents` done once, not
  /// per figure); a family without a parent is its own top family.
  private let roots: [String: String]
  /// `"count:" + root(family)` for every family with a parent and every top family, joined once
  /// (`blockKey`); any other noun is its own top family.
  private let countKeys: [String: String]
  /// The block keys of the counted families the quantity tables have asked for, in any story of the
  /// run: one table shared by every copy of this value (`FamilyBlockKeys`).
  let familyBlockKeys = FamilyBlockKeys()

  public init(parents: [String: String]) {
    self.parents = parents
    var roots: [String: String] = [:]
    roots.reserveCapacity(parents.count)
    for family in parents.keys { roots[family] = Self.walkUp(family, parents) }
    self.roots = roots
    var countKeys: [String: String] = [:]
    for (family, root) in roots {
      countKeys[family] = "count:" + root
      // A top family is its own top family (it has no parent, or its walk up ends on itself).
      if countKeys[root] == nil, roots[root] == nil { countKeys[root] = "count:" + root }
    }
    self.countKeys = countKeys
  }

  /// The top family of `family` by walking up `parents` (at most eight steps, stopping at a family
  /// that is its own parent).
  private static func walkUp(_ family: String, _ parents: [String: String]) -> String {
    var f = family
    var seen = 0
    while let p = parents[f], p != f, seen < 8 {
      f = p
      seen += 1
    }
    return f
  }

  /// Reads the `noun-families` lexicon: `family<TAB>parent`.
  public init(lexicons: LexiconSet) {
    var p: [String: String] = [:]
    for row in lexicons.table("noun-families").rows where row.count >= 2 {
      p[row[0].lowercased()] = row[1].lowercased()
    }
    self.init(parents: p)
  }

  /// The top family of `family` ("suspect" → "person").
  public func root(_ family: String) -> String { roots[family] ?? family }

  /// Whether two counted nouns can count the same things.
  ///
  /// Equal nouns or families match; the generic family ("person") matches any family below it;
  /// two different specific families ("victim", "offender") do not.
  public func compatible(_ a: Quantity, _ b: Quantity) -> Bool {
    if a.unit != b.unit { return false }
    if a.unit != nil {
      // Money and percentages: compare when what they measure is unstated or the same.
      guard let ca = a.counted, let cb = b.counted else { return true }
      return ca == cb || (a.countedFamily != nil && a.countedFamily == b.countedFamily)
    }
    guard let ca = a.counted, let cb = b.counted else { return false }
    if ca == cb { return true }
    let fa = a.countedFamily ?? ca
    let fb = b.countedFamily ?? cb
    if fa == fb { return true }
    let ra = root(fa)
    let rb = root(fb)
    guard ra == rb else { return false }
    // One side is the generic family itself ("people" vs "alleged criminals").
    return fa == ra || fb == rb
  }

  /// A blocking key: unit and root family.
  public func blockKey(_ q: Quantity) -> String? {
    blockKey(unit: q.unit, counted: q.counted, countedFamily: q.countedFamily)
  }

  /// `blockKey` of a figure given by its unit, counted noun and counted family (read from it in
  /// place, without copying the figure).
  public func blockKey(unit: String?, counted: String?, countedFamily: String?) -> String? {
    if let u = unit { return "unit:" + u }
    guard let c = counted else { return nil }
    let family = countedFamily ?? c
    return countKeys[family] ?? "count:" + family
  }
}

/// The content words of a run's sentences (`AlignedClaims.words(_:)`), each worked out when first asked
/// for and kept: by sentence (a document and the index of its first claim) and by text, so that a
/// sentence repeated word for word in another document (copies and updates of one article) is not
/// hashed again. Rules of one run may ask from several threads at once: the tables are read and
/// changed under a lock (held while a sentence is hashed: rules ask about few sentences).
final class SentenceWords: @unchecked Sendable {
  private let lock = NSLock()
  /// Where each document's claims start in `textOfSentence` (the claim counts summed).
  private let start: [Int]
  /// The number of each sentence's text in `words`, at its first claim (`start[d] + first`); -1 while
  /// not known. Made when the first sentence is asked about.
  private var textOfSentence: [Int32] = []
  /// The numbers of the texts asked about, and their words by number.
  private var numbers = TextNumbers(capacity: 8)
  private var words: [[UInt64]] = []

  init(_ documents: [DocumentClaims]) {
    var start = [Int](repeating: 0, count: documents.count + 1)
    for d in documents.indices { start[d + 1] = start[d] + documents[d].claims.count }
    self.start = start
  }

  /// The words of the sentence whose first claim is `firstClaim` of document `document`, whose text
  /// is `text` (read only when the sentence is not known yet).
  func words(document: Int, firstClaim: Int, text: @autoclosure () -> String) -> [UInt64] {
    let slot = start[document] + firstClaim
    lock.lock()
    if textOfSentence.isEmpty {
      textOfSentence = [Int32](repeating: -1, count: start[start.count - 1])
    } else if textOfSentence[slot] >= 0 {
      let known = words[Int(textOfSentence[slot])]
      lock.unlock()
      return known
    }
    defer { lock.unlock() }
    let sentence = text()
    let n = numbers.number(sentence)
    if n == words.count { words.append(Salience.sortedWordHashes(sentence)) }
    textOfSentence[slot] = Int32(truncatingIfNeeded: n)
    return words[n]
  }
}

/// Numbers given to texts by their bytes (equal exactly when `ExactText`s are), each distinct text
/// the next number in order: an open-addressing table keyed by a digest of the bytes (a hit is
/// confirmed on the bytes), so a text is read once to be numbered, not hashed again by `Hasher`.
struct TextNumbers {
  /// The texts by number.
  private(set) var texts: [String] = []
  /// The number of each slot's text (-1 for an empty slot) and its digest.
  private var numbers: [Int32]
  private var digests: [UInt64]

  /// An empty table with room for `capacity` texts before it grows.
  init(capacity: Int) {
    var slots = 16
    // At most half the slots are used.
    while slots < 2 * capacity { slots <<= 1 }
    numbers = [Int32](repeating: -1, count: slots)
    digests = [UInt64](repeating: 0, count: slots)
    texts.reserveCapacity(capacity)
  }

  /// The number of `text`; a text not seen before is given the next number.
  mutating func number(_ text: String) -> Int {
    if 2 * (texts.count + 1) > numbers.count { grow() }
    return text.withUTF8Bytes { u -> Int in
      let d = Self.digest(u)
      let mask = numbers.count &- 1
      var k = Self.home(d, mask)
      while numbers[k] >= 0 {
        if digests[k] == d {
          let n = Int(numbers[k])
          let same = texts[n].withUTF8Bytes { v in
            guard u.count == v.count else { return false }
            guard let p = u.baseAddress, let q = v.baseAddress else { return true }
            return memcmp(p, q, u.count) == 0
          }
          if same { return n }
        }
        k = (k &+ 1) & mask
      }
      numbers[k] = Int32(truncatingIfNeeded: texts.count)
      digests[k] = d
      texts.append(text)
      return texts.count - 1
    }
  }

  @inline(__always)
  private static func home(_ d: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (d &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

  /// Doubles the slots and places every text again.
  private mutating func grow() {
    let oldNumbers = numbers
    let oldDigests = digests
    numbers = [Int32](repeating: -1, count: 2 * oldNumbers.count)
    digests = [UInt64](repeating: 0, count: 2 * oldNumbers.count)
    let mask = numbers.count - 1
    for j in oldNumbers.indices where oldNumbers[j] >= 0 {
      var k = Self.home(oldDigests[j], mask)
      while numbers[k] >= 0 { k = (k &+ 1) & mask }
      numbers[k] = oldNumbers[j]
      digests[k] = oldDigests[j]
    }
  }

  /// FNV-style mixing of the bytes, a word of eight at a time, then the rest one by one.
  private static func digest(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(u.count)
    guard let p = u.baseAddress else { return h }
    let raw = UnsafeRawPointer(p)
    var i = 0
    while i &+ 8 <= u.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
      h ^= h >> 29
      i &+= 8
    }
    while i < u.count {
      h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3
      i &+= 1
    }
    return h
  }
}

/// A byte for each ordered pair of `count` items, zeroed, behind a pointer (nil when `count` is 0):
/// filled while its owner is made, read only afterwards.
final class PairTable: @unchecked Sendable {
  let count: Int
  let bytes: UnsafeMutablePointer<UInt8>?

  init(count: Int) {
    self.count = count
    if count > 0 {
      let t = UnsafeMutablePointer<UInt8>.allocate(capacity: count * count)
      t.initialize(repeating: 0, count: count * count)
      bytes = t
    } else {
      bytes = nil
    }
  }

  deinit { bytes?.deallocate() }
}

/// Remembers which document pairs cover the same story (rules ask about the same pairs many times).
///
/// Runs of at most `tableLimit` documents (every story of a large run) keep the answers in a table of
/// every pair, one byte each, behind a pointer: no dictionary look-up, and no run-time exclusivity
/// check of a class's stored array. Larger runs keep them in a dictionary.
final class StoryCache: @unchecked Sendable {
  private static let tableLimit = 512
  private let count: Int
  /// `table[a * count + b]`: 0 when not known, 1 for false, 2 for true (nil above `tableLimit`).
  private let table: UnsafeMutablePointer<UInt8>?
  /// Owns `table`'s bytes.
  private let pairs: PairTable
  private var values: [Int: Bool] = [:]
  private let lock = NSLock()

  init(count: Int) {
    self.count = count
    pairs = PairTable(count: count <= Self.tableLimit ? count : 0)
    table = pairs.bytes
  }

  func get(_ key: (Int, Int)) -> Bool? {
    lock.lock()
    defer { lock.unlock() }
    if let t = table {
      let v = t[key.0 * count + key.1]
      return v == 0 ? nil : v == 2
    }
    return values[key.0 << 32 | key.1]
  }

  func set(_ key: (Int, Int), _ v: Bool) {
    lock.lock()
    if let t = table {
      t[key.0 * count + key.1] = v ? 2 : 1
    } else {
      values[key.0 << 32 | key.1] = v
    }
    lock.unlock()
  }
}

/// Tables computed once for all rules of a run (`AlignedClaims.memo`). The lock is held while a table
/// is made, so a rule that asks for a table being made waits for it instead of making it again; it
/// is recursive, so a table may be made from another.
final class SharedTables: @unchecked Sendable {
  private var values: [String: any Sendable] = [:]
  private let lock = NSRecursiveLock()

  func value<T: Sendable>(_ key: String, _ make: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    if let v = values[key] as? T { return v }
    let v = make()
    values[key] = v
    return v
  }
}
