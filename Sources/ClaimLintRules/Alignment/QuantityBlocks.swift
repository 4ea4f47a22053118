import ClaimLintCore

/// Groups quantity claims into blocks that may speak of the same figure, for the quantity rules.
///
/// A claim can sit in several blocks (by action, by counted noun). Large blocks are split further by
/// the rarer content words of their sentences, so that two figures are only compared when their
/// sentences share a distinctive word; this keeps the cost near-linear on large archives.
public enum QuantityBlocks {
  public static func blocks(_ claims: AlignedClaims, keys: (Claim) -> [String]) -> [[ClaimRef]] {
    var map: [String: [ClaimRef]] = [:]
    for (d, dc) in claims.documents.enumerated() {
      for (i, c) in dc.claims.enumerated() where c.kind == .quantity {
        for k in keys(c) { map["s\(claims.story[d])|" + k, default: []].append(ClaimRef(document: d, index: i)) }
      }
    }
    var out: [[ClaimRef]] = []
    for k in map.keys.sorted() {
      let block = map[k]!
      if block.count <= 64 {
        out.append(block)
        continue
      }
      // Split by distinctive words: each word with a small posting list forms a sub-block.
      var byWord: [String: [ClaimRef]] = [:]
      for r in block {
        for w in claims.words(r) { byWord[w, default: []].append(r) }
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
