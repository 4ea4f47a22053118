import ClaimLintCore

/// Finds the claims of other documents that state the same figure as a claim: compatible counted
/// nouns (or the same currency), overlapping intervals, and no conflicting actions.
public struct FigureSupport: Sendable {
  public let claims: AlignedClaims

  public init(_ claims: AlignedClaims) {
    self.claims = claims
  }

  /// Index of quantity claims by unit/family block, built once.
  public func index() -> [String: [ClaimRef]] {
    var map: [String: [ClaimRef]] = [:]
    for r in claims.refs(where: { $0.kind == .quantity }) {
      guard let q = claims.claim(r).quantity else { continue }
      if let k = claims.nouns.blockKey(q) { map[k, default: []].append(r) }
      if let v = q.value { map["value:" + ClaimText.number(v), default: []].append(r) }
    }
    return map
  }

  /// Claims in other documents that state the same figure as `r`.
  public func supporting(_ r: ClaimRef, in index: [String: [ClaimRef]]) -> [ClaimRef] {
    let c = claims.claim(r)
    guard let q = c.quantity else { return [] }
    guard let k = claims.nouns.blockKey(q) else {
      // No counted noun ("at least 30 were hurt"): the same figure, the same unit, and a sentence
      // about the same thing; the same action ("seven remain missing", "seven still missing") is one
      // of the two shared words it takes.
      guard let v = q.value else { return [] }
      let mine = Salience.sortedWordHashes(c.sentence)
      return (index["value:" + ClaimText.number(v)] ?? []).filter { o in
        guard o.document != r.document, let oq = claims.claim(o).quantity, oq.unit == q.unit, oq.value == v else { return false }
        if claims.syndicationGroup[o.document] == claims.syndicationGroup[r.document] { return false }
        let theirs = claims.words(o)
        let sameAction = q.action != nil && q.action == oq.action
        return Salience.sharedCount(mine, theirs) >= (sameAction ? 1 : 2)
      }
    }
    return (index[k] ?? []).filter { o in
      guard o.document != r.document, let oq = claims.claim(o).quantity else { return false }
      if claims.syndicationGroup[o.document] == claims.syndicationGroup[r.document] { return false }
      guard claims.nouns.compatible(q, oq), q.overlaps(oq) else { return false }
      if let a = q.action, let b = oq.action, a != b { return false }
      // Equal stated values, or one exact value inside the other's qualified interval.
      if let v = q.value, let ov = oq.value, v == ov { return true }
      return q.direction != .exact || oq.direction != .exact
    }
  }
}

/// Runs `body` with a pointer to `value`, for state that an escaping closure (a `MinoritySide`'s
/// recorder) changes on every call: a captured `var` lives in a box whose every access is checked for
/// exclusivity at run time (swift_beginAccess), which the rules' per-candidate loops paid for on each
/// read. Accesses through the pointer are not checked. The pointer is valid during `body` only, and
/// `value` is destroyed when `body` returns.
///
/// `value` is taken (`consuming`) and moved into place: a borrowed value would be copied, and the
/// copy's arrays, shared with the caller's value until the call returns, copied again at their first
/// change (the attribution rule's table of comparable documents, a byte per pair of documents).
func withScratch<Value, Result>(_ value: consuming Value, _ body: (UnsafeMutablePointer<Value>) -> Result) -> Result {
  let pointer = UnsafeMutablePointer<Value>.allocate(capacity: 1)
  pointer.initialize(to: consume value)
  defer {
    pointer.deinitialize(count: 1)
    pointer.deallocate()
  }
  return body(pointer)
}
