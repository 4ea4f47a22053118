import ClaimLintCore

/// Counts, for each claim, how many independent other sources support it (syndicated copies count once).
public enum Corroboration {
  /// `counts[d][i]` for claim `i` of document `d`.
  ///
  /// Claims are only counted within a story (see `AlignedClaims.story`): the same date or speaker in an
  /// unrelated article supports nothing.
  public static func counts(_ claims: AlignedClaims) -> [[Int]] {
    // Each distinct (story, key) gets a number; claims keep the number of their key (-1 for none), and
    // the syndication groups that state a key in reportage are collected by number.
    var ids: [Name: Int] = [:]
    // The syndication groups of each key, without repeats (few per key: a small array, not a set).
    var groups: [[Int]] = []
    let rows = claims.documents.indices.map { d -> [Int] in
      let story = claims.story[d]
      let group = claims.syndicationGroup[d]
      let cs = claims.documents[d].claims
      return cs.indices.map { i -> Int in
        guard let k = key(cs[i], claims) else { return -1 }
        let name = Name(story: story, key: k)
        let id: Int
        if let known = ids[name] {
          id = known
        } else {
          id = groups.count
          ids[name] = id
          groups.append([])
        }
        if cs[i].layer == .reportage, !groups[id].contains(group) { groups[id].append(group) }
        return id
      }
    }
    return rows.indices.map { d in
      let own = claims.syndicationGroup[d]
      return rows[d].map { id in
        guard id >= 0 else { return 0 }
        return groups[id].count - (groups[id].contains(own) ? 1 : 0)
      }
    }
  }

  /// A key within a story.
  private struct Name: Hashable {
    var story: Int
    var key: String
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
