import ClaimLintCore

/// Counts, for each claim, how many independent other sources support it (syndicated copies count once).
public enum Corroboration {
  /// `counts[d][i]` for claim `i` of document `d`.
  ///
  /// Claims are only counted within a story (see `AlignedClaims.story`): the same date or speaker in an
  /// unrelated article supports nothing.
  public static func counts(_ claims: AlignedClaims) -> [[Int]] {
    var keyed: [String: Set<Int>] = [:]
    var keys: [[String?]] = []
    for (d, dc) in claims.documents.enumerated() {
      var row: [String?] = []
      for c in dc.claims {
        let k = key(c, claims).map { "s\(claims.story[d])|" + $0 }
        if let k, c.layer == .reportage { keyed[k, default: []].insert(claims.syndicationGroup[d]) }
        row.append(k)
      }
      keys.append(row)
    }
    return keys.enumerated().map { d, row in
      row.map { k in
        guard let k, let groups = keyed[k] else { return 0 }
        return groups.count - (groups.contains(claims.syndicationGroup[d]) ? 1 : 0)
      }
    }
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
