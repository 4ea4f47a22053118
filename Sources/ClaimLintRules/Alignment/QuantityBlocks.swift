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

  /// A key of `QuantityComparison.valueKeys` in parts: `block + "|action:" + word` or
  /// `block + "|noun:" + word`, hashed without being joined.
  struct KeyParts: Hashable {
    var block: String
    var isAction: Bool
    var word: String

    /// The key as one string.
    var text: String { block + (isAction ? "|action:" : "|noun:") + word }
  }

  /// A block's name in parts.
  private struct PartsName: Hashable {
    var story: Int
    var key: KeyParts
  }

  /// `blocks(_:refKeys:)` with each key given in parts (the same blocks in the same order), without
  /// the blocks of a single claim (nothing in them can be compared): a key is joined into one string
  /// only once per block of two or more claims, to order the blocks.
  static func blocks(_ claims: AlignedClaims, parts keys: (ClaimRef, inout [KeyParts]) -> Void) -> [[ClaimRef]] {
    // Room for a block per quantity claim: the table is not grown step by step.
    var figures = 0
    for d in claims.documents.indices {
      let cs = claims.documents[d].claims
      for i in cs.indices where cs[i].kind == .quantity { figures += 1 }
    }
    // Each block by number: its first claim, and the claims after it (most blocks hold one claim,
    // which then costs no array of its own).
    var numbers: [PartsName: Int] = [:]
    numbers.reserveCapacity(figures)
    var firsts: [ClaimRef] = []
    var rests: [[ClaimRef]] = []
    var blockNames: [PartsName] = []
    // One buffer for every claim's keys.
    var buffer: [KeyParts] = []
    buffer.reserveCapacity(2)
    for d in claims.documents.indices {
      let story = claims.story[d]
      let cs = claims.documents[d].claims
      for i in cs.indices where cs[i].kind == .quantity {
        let r = ClaimRef(document: d, index: i)
        buffer.removeAll(keepingCapacity: true)
        keys(r, &buffer)
        for k in buffer {
          let name = PartsName(story: story, key: k)
          if let n = numbers[name] {
            rests[n].append(r)
          } else {
            numbers[name] = firsts.count
            firsts.append(r)
            rests.append([])
            blockNames.append(name)
          }
        }
      }
    }
    var names: [(String, [ClaimRef])] = []
    for n in blockNames.indices where !rests[n].isEmpty {
      let name = blockNames[n]
      // "s<story>|" + `name.key.text`, made in one buffer.
      let story = String(name.story)
      let separator = name.key.isAction ? "|action:" : "|noun:"
      var text = "s"
      text.reserveCapacity(2 + story.utf8.count + name.key.block.utf8.count + separator.utf8.count + name.key.word.utf8.count)
      text += story
      text += "|"
      text += name.key.block
      text += separator
      text += name.key.word
      var block: [ClaimRef] = []
      block.reserveCapacity(1 + rests[n].count)
      block.append(firsts[n])
      block.append(contentsOf: rests[n])
      names.append((text, block))
    }
    names.sort { $0.0 < $1.0 }
    return split(names.map { $0.1 }, claims)
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
  private static func split(_ blocks: [[ClaimRef]], _ claims: AlignedClaims) -> [[ClaimRef]] {
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
