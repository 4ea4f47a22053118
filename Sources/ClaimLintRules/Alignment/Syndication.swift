import ClaimLintCore

/// Finds syndicated copies: documents whose reportage is nearly the same text.
///
/// Copies count once for corroboration and are not compared with each other. Texts are compared by
/// their sets of word 5-grams (hashed); two documents are copies when the smaller set shares at least
/// 80% of its shingles with the larger. Documents are bucketed by a few minimum hashes first, so the
/// cost stays near-linear.
public enum Syndication {
  public static func groups(_ documents: [Document]) -> [Int] {
    let n = documents.count
    var group = Array(0..<n)
    guard n > 1 else { return group }
    let shingles = documents.map { shingleSet($0) }
    // Bucket by the smallest hash of each set.
    var buckets: [UInt64: [Int]] = [:]
    for (i, s) in shingles.enumerated() where s.count >= 8 {
      let mins = s.sorted().prefix(3)
      for m in mins { buckets[m, default: []].append(i) }
    }
    for key in buckets.keys.sorted() {
      let members = buckets[key]!
      guard members.count > 1, members.count < 64 else { continue }
      for x in 0..<members.count {
        for y in (x + 1)..<members.count {
          let a = members[x]
          let b = members[y]
          let sa = shingles[a]
          let sb = shingles[b]
          let small = sa.count <= sb.count ? sa : sb
          let large = sa.count <= sb.count ? sb : sa
          let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
          if Double(shared) >= 0.8 * Double(small.count) {
            let g = min(group[a], group[b])
            let old = max(group[a], group[b])
            for i in 0..<n where group[i] == old { group[i] = g }
          }
        }
      }
    }
    return group
  }

  private static func shingleSet(_ doc: Document) -> Set<UInt64> {
    var words: [UInt64] = []
    for seg in doc.segments where seg.kind == .reportage || seg.kind == .list {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      var inWord = false
      for b in seg.text.utf8 {
        let isAlnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
        if isAlnum {
          let lower = (b >= 0x41 && b <= 0x5A) ? b + 32 : b
          h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
          inWord = true
        } else if inWord {
          words.append(h)
          h = 0xcbf2_9ce4_8422_2325
          inWord = false
        }
      }
      if inWord { words.append(h) }
    }
    var set = Set<UInt64>()
    if words.count < 5 { return set }
    for i in 0...(words.count - 5) {
      var h: UInt64 = 1469598103934665603
      for j in i..<(i + 5) { h = (h ^ words[j]) &* 1099511628211 }
      set.insert(h)
    }
    return set
  }
}
