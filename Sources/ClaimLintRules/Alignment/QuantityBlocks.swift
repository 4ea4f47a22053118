import ClaimLintCore

/// Groups quantity claims into blocks that may speak of the same figure, for the quantity rules.
///
/// A claim can sit in several blocks (by action, by counted noun). Large blocks are split further by
/// the rarer content words of their sentences, so that two figures are only compared when their
/// sentences share a distinctive word; this keeps the cost near-linear on large archives.
public enum QuantityBlocks {
  /// A block's name: the story and the key ("s<story>|<key>" in the order of blocks).
  private struct Name: Hashable {
    var story: Int
    var key: String
  }

  public static func blocks(_ claims: AlignedClaims, keys: (Claim) -> [String]) -> [[ClaimRef]] {
    blocks(claims, refKeys: { keys(claims.documents[$0.document].claims[$0.index]) })
  }

  /// A key of `QuantityComparison.valueKeys` in parts, as numbers of the run: `block + "|action:" +
  /// word` or `block + "|noun:" + word`, with `block` numbered in `QuantityComparison.blockNames` and
  /// `word` in `QuantityComparison.words`; hashed and compared without being joined.
  struct KeyParts: Hashable {
    var block: Int32
    var isAction: Bool
    var word: Int32

    /// The key as one string.
    func text(blockNames: [String], words: [String]) -> String {
      blockNames[Int(block)] + (isAction ? "|action:" : "|noun:") + words[Int(word)]
    }
  }

  /// A block's name in parts.
  private struct PartsName: Hashable {
    var story: Int
    var key: KeyParts
  }

  /// `blocks(_:refKeys:)` with each key given in parts (the same blocks in the same order), without
  /// the blocks of a single claim (nothing in them can be compared). Blocks are ordered as their names
  /// "s<story>|<key>" sort as strings, by ranks of their parts: no name is joined.
  ///
  /// `figures` is the number of quantity claims, when the caller knows it (room is made for a block
  /// per claim; it changes no block); nil to count them here.
  static func blocks(
    _ claims: AlignedClaims, blockNames: [String], words: [String], figures known: Int? = nil,
    parts keys: (ClaimRef, UnsafeBufferPointer<Claim>, inout [KeyParts]) -> Void
  ) -> [[ClaimRef]] {
    // Room for a block per quantity claim: the table is not grown step by step.
    var figures = 0
    if let known {
      figures = known
    } else {
      for d in claims.documents.indices {
        let cs = claims.documents[d].claims
        for i in cs.indices where cs[i].kind == .quantity { figures += 1 }
      }
    }
    // Each block by number, and each (block, claim) in the order met, in one list: the claims of a
    // block are copied into an array of its own only once it is known to hold two or more.
    // A name's number is looked up by its fields as integers (`KeyNumbers`), not hashed by `Hasher`.
    var numbers = KeyNumbers(capacity: figures)
    var names: [PartsName] = []
    var counts: [Int] = []
    var entries: [(block: Int, ref: ClaimRef)] = []
    entries.reserveCapacity(2 * figures)
    // A block per figure at most for most runs (each figure has up to two keys, most share them):
    // the lists are not grown step by step.
    names.reserveCapacity(figures)
    counts.reserveCapacity(figures)
    // One buffer for every claim's keys.
    var buffer: [KeyParts] = []
    buffer.reserveCapacity(2)
    for d in claims.documents.indices {
      let story = claims.story[d]
      // `keys` is lent the document's claims (the claims of `r.document`), read in place.
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices where cs[i].kind == .quantity {
          let r = ClaimRef(document: d, index: i)
          buffer.removeAll(keepingCapacity: true)
          keys(r, cs, &buffer)
          for k in buffer {
            let n = numbers.number(
              UInt64(bitPattern: Int64(story)), UInt64(UInt32(bitPattern: k.block)) << 32 | UInt64(UInt32(bitPattern: k.word)),
              k.isAction ? 1 : 0, orAdd: names.count)
            if n < names.count {
              counts[n] += 1
            } else {
              names.append(PartsName(story: story, key: k))
              counts.append(1)
            }
            entries.append((n, r))
          }
        }
      }
    }
    // The blocks of two or more claims, each filled in the order its claims were met.
    var slot = [Int](repeating: -1, count: names.count)
    var kept: [Int] = []
    var out: [[ClaimRef]] = []
    var keptCount = 0
    for n in counts.indices where counts[n] > 1 { keptCount += 1 }
    kept.reserveCapacity(keptCount)
    out.reserveCapacity(keptCount)
    for n in names.indices where counts[n] > 1 {
      slot[n] = out.count
      kept.append(n)
      var block: [ClaimRef] = []
      block.reserveCapacity(counts[n])
      out.append(block)
    }
    for e in entries where slot[e.block] >= 0 { out[slot[e.block]].append(e.ref) }
    // One block (or none) is in order as it is: no name is ranked.
    if out.count <= 1 { return split(out, claims) }
    let order = Self.order(kept.map { names[$0] }, blockNames: blockNames, words: words)
    // Each block moved into its place (swapped out), not copied.
    var ordered: [[ClaimRef]] = []
    ordered.reserveCapacity(order.count)
    for k in order {
      var block: [ClaimRef] = []
      swap(&block, &out[k])
      ordered.append(block)
    }
    return split(ordered, claims)
  }

  /// The positions of `names` in the order of their texts "s<story>|<block><separator><word>" as
  /// strings.
  ///
  /// The texts are compared by parts: the story prefix (no prefix "s<digits>|" starts another), then
  /// the block key followed by "|" (the first difference lies within that, unless a block key holds a
  /// "|"), then "|action:" before "|noun:", then the word after the same ASCII prefix. Parts are
  /// ranked once each; with a "|" in a block key the texts are joined and sorted instead.
  private static func order(_ names: [PartsName], blockNames: [String], words: [String]) -> [Int] {
    // The distinct values among `values` (all in `0..<count`), in the order met: marked in an array
    // by value, not gathered in a `Set`.
    func distinct(_ values: [Int], count: Int) -> [Int] {
      var seen = [Bool](repeating: false, count: count)
      var out: [Int] = []
      out.reserveCapacity(min(values.count, count))
      for v in values where !seen[v] {
        seen[v] = true
        out.append(v)
      }
      return out
    }
    // Each part's rank among the distinct parts of the names, by its text. Distinct parts have
    // distinct texts, so the order of `parts` does not matter.
    func ranks(_ parts: [Int], count: Int, text: (Int) -> String) -> [Int] {
      var out = [Int](repeating: 0, count: count)
      let sorted = parts.map { ($0, text($0)) }.sorted { $0.1 < $1.1 }
      for (k, v) in sorted.enumerated() { out[v.0] = k }
      return out
    }
    let blocks = names.map { Int($0.key.block) }
    let distinctBlocks = distinct(blocks, count: blockNames.count)
    // Whether any block key holds a "|", tested once per distinct key on its bytes (not through
    // Foundation's `contains`): by `asciiRanks` when the keys are ASCII (one pass gives their ranks
    // too), else on its own.
    let bar = UInt8(ascii: "|")
    let asciiBlockRank = asciiRanks(distinctBlocks, of: blockNames, suffix: bar, rejecting: bar)
    if asciiBlockRank == nil, distinctBlocks.contains(where: { blockNames[$0].utf8.contains(bar) }) {
      let texts = names.map { "s\($0.story)|" + $0.key.text(blockNames: blockNames, words: words) }
      return texts.indices.sorted { texts[$0] < texts[$1] }
    }
    // Stories by their place among the distinct stories of the names (most runs hold one story:
    // then every name's place is 0).
    var storyPlaces = [Int](repeating: 0, count: names.count)
    var stories: [Int] = []
    if let first = names.first?.story, names.contains(where: { $0.story != first }) {
      stories = Array(Set(names.map(\.story))).sorted()
      var storyIndex: [Int: Int] = [:]
      for (k, s) in stories.enumerated() { storyIndex[s] = k }
      storyPlaces = names.map { storyIndex[$0.story] ?? 0 }
    } else if let first = names.first?.story {
      stories = [first]
    }
    let storyRank = ranks(Array(stories.indices), count: stories.count) { "s\(stories[$0])|" }
    let distinctWords = distinct(names.map { Int($0.key.word) }, count: words.count)
    let blockRank = asciiBlockRank ?? ranks(distinctBlocks, count: blockNames.count) { blockNames[$0] + "|" }
    let wordRank =
      asciiRanks(distinctWords, of: words, suffix: nil) ?? ranks(distinctWords, count: words.count) { words[$0] }
    let keys = names.indices.map { k in
      let n = names[k]
      return (storyRank[storyPlaces[k]], blockRank[Int(n.key.block)], n.key.isAction ? 0 : 1, wordRank[Int(n.key.word)])
    }
    return keys.indices.sorted { keys[$0] < keys[$1] }
  }

  /// Each of `parts`' rank among them by the text `strings[part]` followed by `suffix` (the ranks
  /// `order` gives by sorting the texts as strings), indexed by part (0 for the others); nil when
  /// some text is not ASCII or holds the byte `rejecting`.
  ///
  /// Why this is the same order: an ASCII string is in NFC and its scalars are its bytes, so `<` on two
  /// ASCII strings is the byte-wise lexicographic order (a proper prefix first). Texts are compared by
  /// their first eight bytes as one integer; only texts that share them are joined and compared as
  /// strings. Distinct parts have distinct texts, so the sort has no ties.
  static func asciiRanks(_ parts: [Int], of strings: [String], suffix: UInt8?, rejecting: UInt8? = nil) -> [Int]? {
    // Each text's first eight bytes, big-endian and padded with zeros: a smaller prefix means a smaller
    // text (a pad is below any byte, and a text that ends there is a prefix of the other); equal
    // prefixes are compared as the strings themselves.
    var prefixes: [UInt64] = []
    prefixes.reserveCapacity(parts.count)
    // The key of `bytes`, nil when one is not ASCII or is `rejecting`.
    func prefix<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
      var key: UInt64 = 0
      var n = 0
      for b in bytes {
        if b >= 0x80 || b == rejecting { return nil }
        if n < 8 { key |= UInt64(b) << (56 - 8 * n) }
        n += 1
      }
      if let suffix, n < 8 { key |= UInt64(suffix) << (56 - 8 * n) }
      return key
    }
    for p in parts {
      let utf8 = strings[p].utf8
      // The bytes read in place where the string keeps them contiguous (not through the view's index).
      guard let key = utf8.withContiguousStorageIfAvailable({ prefix($0) }) ?? prefix(utf8) else { return nil }
      prefixes.append(key)
    }
    let tail = suffix.map { String(UnicodeScalar($0)) } ?? ""
    let sorted = prefixes.withUnsafeBufferPointer { keys in
      Array(parts.indices).sorted { x, y in
        keys[x] != keys[y] ? keys[x] < keys[y] : strings[parts[x]] + tail < strings[parts[y]] + tail
      }
    }
    var out = [Int](repeating: 0, count: strings.count)
    for (k, position) in sorted.enumerated() { out[parts[position]] = k }
    return out
  }

  /// `blocks(_:keys:)` with the keys of a claim asked by its reference.
  public static func blocks(_ claims: AlignedClaims, refKeys keys: (ClaimRef) -> [String]) -> [[ClaimRef]] {
    var map: [Name: [ClaimRef]] = [:]
    for d in claims.documents.indices {
      let story = claims.story[d]
      let cs = claims.documents[d].claims
      for i in cs.indices where cs[i].kind == .quantity {
        let r = ClaimRef(document: d, index: i)
        for k in keys(r) { map[Name(story: story, key: k), default: []].append(r) }
      }
    }
    // Blocks in the order of their names as strings ("s12|…" before "s3|…").
    let names = map.keys.map { ("s\($0.story)|" + $0.key, $0) }.sorted { $0.0 < $1.0 }
    return split(names.map { map[$1]! }, claims)
  }

  /// The blocks, in order, with each large one split by the distinctive words of its sentences.
  private static func split(_ blocks: consuming [[ClaimRef]], _ claims: AlignedClaims) -> [[ClaimRef]] {
    // Most runs have no block to split: the blocks are returned as they are.
    var large = 0
    for k in blocks.indices where blocks[k].count > 64 { large += 1 }
    if large == 0 { return blocks }
    var out: [[ClaimRef]] = []
    // The words of a sentence, by document and sentence index, for the few blocks that are split.
    var sentenceWords: [Int: Set<String>] = [:]
    func words(_ r: ClaimRef) -> Set<String> {
      let sentence = claims.documents[r.document].claims[r.index].sentenceIndex
      let key = r.document << 32 | sentence
      if let w = sentenceWords[key] { return w }
      // The words of the sentence as the document's first claim of that sentence gives it.
      let first = claims.documents[r.document].claims.firstIndex { $0.sentenceIndex == sentence } ?? r.index
      let w = Salience.words(claims.documents[r.document].claims[first].sentence)
      sentenceWords[key] = w
      return w
    }
    for block in blocks {
      if block.count <= 64 {
        out.append(block)
        continue
      }
      // Split by distinctive words: each word with a small posting list forms a sub-block.
      var byWord: [String: [ClaimRef]] = [:]
      for r in block {
        for w in words(r) { byWord[w, default: []].append(r) }
      }
      var seen = Set<[ClaimRef]>()
      for w in byWord.keys.sorted() {
        let sub = byWord[w]!
        guard sub.count > 1, sub.count <= 64, Set(sub.map(\.document)).count > 1 || sub.count > 1 else { continue }
        if seen.insert(sub).inserted { out.append(sub) }
      }
    }
    return out
  }
}
