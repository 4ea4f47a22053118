import ClaimLintCore

/// Decides whether two quantity claims speak of the same figure closely enough to be compared.
public struct QuantityComparison: Sendable {
  public let claims: AlignedClaims

  public init(_ claims: AlignedClaims) {
    self.claims = claims
  }

  /// A blocking key for "same counted thing and same action", or nil when the claim cannot be
  /// compared on its value.
  public func valueKey(_ c: Claim) -> String? {
    guard c.layer == .reportage, let q = c.quantity, q.value != nil || q.low != nil || q.high != nil, !q.superseded
    else { return nil }
    guard let block = claims.nouns.blockKey(q) else { return nil }
    if let a = q.action { return block + "|" + a }
    // Without an action, only specific kinds of people (victims, suspects) or named amounts compare.
    if q.unit != nil { return q.counted.map { block + "|amount:" + $0 } }
    guard let counted = q.counted else { return nil }
    let family = q.countedFamily ?? counted
    let root = claims.nouns.root(family)
    guard root == "person", family != "person" else { return nil }
    return block + "|noun:" + counted
  }

  /// Quantities of the same sentence and block (the parts of an enumeration such as "90 men and 12 women").
  public func siblings(of r: ClaimRef) -> [ClaimRef] {
    let c = claims.claim(r)
    guard let q = c.quantity else { return [] }
    let key = claims.nouns.blockKey(q)
    var out: [ClaimRef] = []
    for (i, o) in claims.documents[r.document].claims.enumerated()
    where i != r.index && o.kind == .quantity && o.sentenceIndex == c.sentenceIndex {
      if let oq = o.quantity, claims.nouns.blockKey(oq) == key, !oq.isRange { out.append(ClaimRef(document: r.document, index: i)) }
    }
    return out
  }

  /// Whether `a` and `b` conflict: compatible subjects, intervals that cannot both hold, and neither
  /// explained as a part of the other.
  public func conflict(_ a: ClaimRef, _ b: ClaimRef) -> Bool {
    let ca = claims.claim(a)
    let cb = claims.claim(b)
    guard let qa = ca.quantity, let qb = cb.quantity else { return false }
    guard claims.nouns.compatible(qa, qb) else { return false }
    guard qa.action == qb.action else { return false }
    if qa.overlaps(qb) { return false }
    // A part of an enumeration is compared only with the same noun, and a total that equals the sum
    // of the parts is consistent.
    let sa = siblings(of: a)
    let sb = siblings(of: b)
    if !sa.isEmpty || !sb.isEmpty {
      if qa.counted != qb.counted { return false }
      let sumA = ([a] + sa).compactMap { claims.claim($0).quantity?.value }.reduce(0, +)
      let sumB = ([b] + sb).compactMap { claims.claim($0).quantity?.value }.reduce(0, +)
      if let vb = qb.value, sumA == vb { return false }
      if let va = qa.value, sumB == va { return false }
    }
    // A vague figure ("dozens") conflicts only with a far-off one, which the intervals already say.
    return true
  }

  /// Error when both figures are exact and differ; warning when a qualifier is involved.
  public func naturalSeverity(_ a: ClaimRef, _ b: ClaimRef) -> Severity {
    let qa = claims.claim(a).quantity!
    let qb = claims.claim(b).quantity!
    if qa.direction == .exact && qb.direction == .exact && !qa.isVague && !qb.isVague { return .error }
    return .warning
  }
}
