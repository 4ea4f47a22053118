import ClaimLintCore

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
public struct AlignedClaims: Sendable {
  public let documents: [DocumentClaims]
  /// The draft in pre-publish mode (`check DRAFT --against SOURCE…`).
  public let draftIndex: Int?
  public let nouns: NounFamilies
  /// `syndicationGroup[d]` is the smallest document index whose text is a near copy of document `d`.
  public let syndicationGroup: [Int]
  /// Documents whose dates lie too far apart to be about the same events.
  private let maxDaysApart: Int
  /// The content words of each claim's sentence, computed once (`sentenceWords[d][i]`).
  public let sentenceWords: [[Set<String>]]

  public init(documents: [DocumentClaims], draftIndex: Int?, nouns: NounFamilies, maxDaysApart: Int = 120) {
    self.documents = documents
    self.draftIndex = draftIndex
    self.nouns = nouns
    self.maxDaysApart = maxDaysApart
    self.syndicationGroup = Syndication.groups(documents.map { $0.document })
    // Claims of one sentence share its words; compute them once per sentence.
    self.sentenceWords = documents.map { dc in
      var bySentence: [Int: Set<String>] = [:]
      return dc.claims.map { c in
        if let w = bySentence[c.sentenceIndex] { return w }
        let w = Salience.words(c.sentence)
        bySentence[c.sentenceIndex] = w
        return w
      }
    }
  }

  /// The content words of the sentence a claim was read from.
  public func words(_ r: ClaimRef) -> Set<String> { sentenceWords[r.document][r.index] }

  public func claim(_ r: ClaimRef) -> Claim { documents[r.document].claims[r.index] }

  public func document(_ r: ClaimRef) -> Document { documents[r.document].document }

  /// Every claim reference in document order.
  public func refs(where include: (Claim) -> Bool) -> [ClaimRef] {
    var out: [ClaimRef] = []
    for (d, dc) in documents.enumerated() {
      for (i, c) in dc.claims.enumerated() where include(c) {
        out.append(ClaimRef(document: d, index: i))
      }
    }
    return out
  }

  /// Whether two documents may be compared: different documents, not copies of each other, in
  /// pre-publish mode one of them the draft, and dated close enough to cover the same events.
  public func comparable(_ a: Int, _ b: Int) -> Bool {
    if a == b { return false }
    if syndicationGroup[a] == syndicationGroup[b] { return false }
    if let d = draftIndex, a != d && b != d { return false }
    if let da = documents[a].document.date, let db = documents[b].document.date,
      abs(da.dayNumber - db.dayNumber) > maxDaysApart
    {
      return false
    }
    return true
  }

  /// Groups reportage claims by a blocking key; claims with no key are left out. Keys are sorted.
  public func blocks(of kind: Claim.Kind, layer: ClaimLayer? = .reportage, key: (Claim) -> String?) -> [[ClaimRef]] {
    var map: [String: [ClaimRef]] = [:]
    for (d, dc) in documents.enumerated() {
      for (i, c) in dc.claims.enumerated() where c.kind == kind && (layer == nil || c.layer == layer) {
        if let k = key(c) { map[k, default: []].append(ClaimRef(document: d, index: i)) }
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

/// Families of counted nouns ("suspect" and "criminal" are offenders; offenders are people).
public struct NounFamilies: Sendable {
  /// family → parent family.
  private let parents: [String: String]

  public init(parents: [String: String]) {
    self.parents = parents
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
  public func root(_ family: String) -> String {
    var f = family
    var seen = 0
    while let p = parents[f], p != f, seen < 8 {
      f = p
      seen += 1
    }
    return f
  }

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
    if let u = q.unit { return "unit:" + u }
    guard let c = q.counted else { return nil }
    return "count:" + root(q.countedFamily ?? c)
  }
}
