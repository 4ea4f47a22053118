import ClaimLintCore
import Foundation

/// Flags a figure that cannot agree with the same figure in another source: same counted thing, same
/// action, intervals that do not overlap even after qualifiers ("148 victims" vs "184 victims";
/// "more than 600" vs "about 500").
///
/// "More than 300" and "312" are compatible, as are "12,000", "12 000" and "twelve thousand". A part of
/// an enumeration ("90 men and 12 women") is not compared with a total that it sums to ("102 people"),
/// and a figure the article marks as superseded ("initially 40") is not compared at all. The finding
/// goes on the version fewer sources give, with one note per source that says otherwise. A figure that
/// names nothing it counts ("$700", "4.5 percent", "124 mph") is compared only when the two sentences
/// do not name different subjects, the words right around the figures share one, and neither is a
/// reduction ("$600 off") or a projection ("could rise to") where the other is not; a drifted figure
/// ("64.1" for "61.4", "$21 million" for "$2.1 million") needs less. Known false alarms: tolls that
/// changed between the publication times of two articles; prices of different products on shopping
/// pages that share a retailer and a product line.
public struct QuantityMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "quantity-mismatch",
    name: "Quantity Mismatch",
    summary: "A figure differs from the same figure in another source",
    rationale: """
      Editors need to know when a figure was changed, rounded up or taken from elsewhere. Figures are \
      compared as intervals: a qualifier such as 'more than' or 'about' widens what counts as agreement, \
      so only figures that cannot both be true are flagged. Two exact figures that differ are errors; a \
      disagreement that involves a qualifier is a warning.
      """,
    defaultSeverity: .error,
    tags: ["quantity", "cross-source"],
    nonTriggeringExamples: [
      // A price without its cents, and a lower bound that does not reach ten times its value.
      RuleExample([
        "a.txt": "Buyers of the founder's edition of the console paid $129 for the controller bundle.\n",
        "b.txt": "The founder's edition of the console costs $129.99 with the controller bundle.\n",
      ]),
      RuleExample([
        "wire.txt": "Rescuers freed more than 300 workers from the compound on Friday.\n",
        "paper.txt": "Rescuers freed 312 workers from the compound, police said.\n",
      ]),
      RuleExample([
        "wire.txt": "Police detained 12,000 migrants at the border last year.\n",
        "paper.txt": "Police detained twelve thousand migrants at the border last year.\n",
      ]),
      RuleExample([
        "wire.txt": "Officials evacuated 1,200 residents on Monday.\n",
        "paper.txt": "Officials evacuated 900 cattle on Monday.\n",
      ]),
      // Measures with no counted noun, of two differently named subjects.
      RuleExample([
        "a.txt": "Titan, with a diameter of about 5,150 km, is the second-largest moon in the Solar System after Ganymede, the probe team said.\n",
        "b.txt": "Astronomers used the Keck telescope in Hawaii to study Europa, a moon about 3,100 km across, the probe team said.\n",
      ]),
      // A reduction is not a price, and a projection is not a reported figure.
      RuleExample([
        "a.txt": "Retailers are knocking up to $250 off the new 16-inch laptop this week.\n",
        "b.txt": "Retailers sell the new 16-inch laptop for $2,199 this week.\n",
      ]),
      RuleExample([
        "a.txt": "Analysts say farm exports to China could rise to more than $30 billion a year under the trade deal.\n",
        "b.txt": "Farm exports to China fell to $9.1 billion last year before the trade deal, the farm bureau said.\n",
      ]),
      RuleExample([
        "a.txt": "The bid is a 32 percent premium to Harbor Air's last price. Harbor Air shares jumped 28 percent in early trading on Monday.\n",
        "b.txt": "Harbor Air shares closed up 26 percent on Monday after the bid, just below the offer price.\n",
      ]),
    ],
    triggeringExamples: [
      // "More than" a tenth of the figure is not the same count.
      RuleExample([
        "wire.txt": "The cyclone has displaced †more than 600,000 people in the delta, the disaster agency said.\n",
        "paper.txt": "The cyclone has displaced ↓more than 60,000 people in the delta, officials said.\n",
      ]),
      RuleExample([
        "a.txt": "Thai authorities received ↓148 victims rescued from the compound.\n",
        "b.txt": "Thai authorities received †184 victims rescued from the compound.\n",
      ]),
      // The finding goes on the odd one out, whatever the order of the articles.
      RuleExample([
        "agency.txt": "The quake killed more than 300 people and injured †430, the interior ministry said on Saturday.\n",
        "daily.txt": "Officials said on Sunday that the quake had killed 312 people and injured ↓340.\n",
        "relief.txt": "The quake killed 312 people and injured †430, the relief agency said on Sunday.\n",
      ]),
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    let cmp = QuantityComparison(claims)
    let quantities = cmp.quantities
    let blocks = cmp.valueBlocks().filter { block in block.contains { $0.document != block[0].document } }
    // Only a claim of a block that spans two documents can be reported (or be a note): without one
    // (every run of one document) there is nothing to compare, and no table below is made.
    guard !blocks.isEmpty else { return [] }
    // Each claim of a block with more than one document gets a position, in document order, so that
    // positions compare as the references do; per-claim tables are then arrays, not dictionaries.
    var positionOf = claims.documents.indices.map { [Int](repeating: -1, count: claims.documents[$0].claims.count) }
    for block in blocks {
      for r in block { positionOf[r.document][r.index] = 0 }
    }
    var positioned: [ClaimRef] = []
    for d in positionOf.indices {
      for i in positionOf[d].indices where positionOf[d][i] == 0 {
        positionOf[d][i] = positioned.count
        positioned.append(ClaimRef(document: d, index: i))
      }
    }
    // Constants from here on (the closures below read them without an exclusivity check).
    let refs = positioned
    // The claims each claim may be compared with: its fellows of other documents in every block it
    // sits in, sorted and without repeats, as one run of a shared list each (`mates[mateRuns[p]]`):
    // no array is made, grown or freed per claim. The blocks are appended into each run's room (the
    // sizes of the blocks it sits in), then each run is sorted in place and its repeats dropped.
    // A fellow of the same document (and the claim itself) is left out: a figure is compared only
    // with figures of other documents, and every reader of `mates` skips them.
    var mateStart = [Int](repeating: 0, count: refs.count + 1)
    for block in blocks {
      for r in block { mateStart[positionOf[r.document][r.index] + 1] += block.count }
    }
    for p in refs.indices { mateStart[p + 1] += mateStart[p] }
    var allMates = [Int](repeating: 0, count: mateStart[refs.count])
    var mateRuns: [Range<Int>] = []
    mateRuns.reserveCapacity(refs.count)
    allMates.withUnsafeMutableBufferPointer { all in
      var next = mateStart
      var positions: [(position: Int, document: Int)] = []
      for block in blocks {
        positions.removeAll(keepingCapacity: true)
        for r in block { positions.append((positionOf[r.document][r.index], r.document)) }
        for p in positions {
          for q in positions where q.document != p.document {
            all[next[p.position]] = q.position
            next[p.position] += 1
          }
        }
      }
      for p in refs.indices {
        let start = mateStart[p]
        var run = UnsafeMutableBufferPointer(rebasing: all[start..<next[p]])
        run.sort()
        var end = start
        for k in start..<next[p] where k == start || all[k] != all[end - 1] {
          all[end] = all[k]
          end += 1
        }
        mateRuns.append(start..<end)
      }
    }
    let mates = allMates
    let runs = mateRuns
    // The answer for each (claim, mate) pair, by the pair's place in `mates`: a pair compared for one
    // claim is answered for the other claim too (`PairAnswer`), so that most pairs are compared once,
    // not once from each side. Reached through a pointer (the closure below writes it), freed when
    // `check` returns, after the last use of `sides`.
    let answers = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(mates.count, 1))
    answers.initialize(repeating: PairAnswer.unknown.rawValue)
    defer { answers.deallocate() }
    /// The place of `p` among the mates of `op` (every pair of mates is in both runs).
    func place(of p: Int, amongMatesOf op: Int) -> Int {
      var lo = runs[op].lowerBound
      var hi = runs[op].upperBound
      while lo < hi {
        let mid = (lo + hi) / 2
        if mates[mid] < p { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    // Every claim of a block has a figure (`QuantityComparison.valueKeys`).
    // Held by the claim's own box (`Claim.quantityBox`), so that the pair loop below lends it in place.
    // Unretained: `claims` holds every box until `check` returns (`QuantityFigure`).
    let figures = refs.map { QuantityFigure(claims.documents[$0.document].claims[$0.index].quantityBox!) }
    // What `QuantityComparison.surelyOverlap` reads of each figure, read once per figure: most pairs
    // are compatible and overlap, and are told so without the two figures being lent (copied whole).
    let shapes = refs.map { cmp.shape($0) }
    // Made when first asked for: only a conflict is explained, and most runs have none.
    let updates = Lazy { Self.updates(claims, quantities, cmp.sentenceOrder) }
    func explained(_ r: ClaimRef, _ o: ClaimRef) -> Bool {
      guard let x = quantities[r.document][r.index]?.quantity.value, let y = quantities[o.document][o.index]?.quantity.value else { return false }
      let known = updates.value
      guard !known.isEmpty else { return false }
      return known.contains(Update(story: claims.story[r.document], x, y))
    }
    // Whether two documents may be compared, asked once per pair of a small run.
    let documentCount = claims.documents.count
    let comparable = ComparableDocuments(claims, cache: documentCount <= 2048)
    // The reportage figures with a value of each document, for `states`: made when first asked for
    // (only for a conflict), as one run of a shared list per document (no array is made, or grown
    // step by step, per document).
    let stated = Lazy { () -> (runs: [Range<Int>], claims: [Int]) in
      var runs: [Range<Int>] = []
      runs.reserveCapacity(claims.documents.count)
      var list: [Int] = []
      for d in claims.documents.indices {
        let start = list.count
        let qs = quantities[d]
        claims.documents[d].claims.withUnsafeBufferPointer { cs in
          for i in cs.indices where cs[i].kind == .quantity && cs[i].layer == .reportage && qs[i]?.quantity.value != nil {
            list.append(i)
          }
        }
        runs.append(start..<list.count)
      }
      return (runs, list)
    }
    // Whether document `d` states the value of `q` for a compatible counted thing anywhere.
    // `q` is lent in place (`QuantityFigure.withQuantity`): a `Quantity` passed by value is copied whole.
    func states(_ q: borrowing Quantity, in d: Int) -> Bool {
      guard let w = q.value else { return false }
      let known = stated.value
      for k in known.runs[d] {
        let i = known.claims[k]
        guard let o = quantities[d][i], o.quantity.value == w, o.quantity.unit == q.unit else { continue }
        if o.quantity.counted == nil || q.counted == nil || claims.nouns.compatible(o.quantity, q) { return true }
      }
      return false
    }
    // Conflicting claims in other documents, and the documents that state the same figure: the
    // finding goes on the version fewer documents give (the odd one out), the others become notes.
    // Recorded straight into the shared storage of `MinoritySide` (no arrays per figure), in two
    // steps: the conflicts of every figure, and the agreeing documents only of the figures
    // `MinoritySide` asks them of (a figure with a conflict, and the figures it conflicts with; most
    // figures have none). Each step walks the mates in the same order as one walk that records both
    // did, and a pair's answer is the same whenever it is asked, so the relations are the same.
    var sides = MinoritySide<Int>(
      claims, count: refs.count, document: { refs[$0].document },
      conflicts: { (p: Int, recorder: inout MinoritySide<Int>.Recorder) in
        let r = refs[p]
        // The figures are read in place through their boxes (a `Quantity` bound to a local is copied
        // whole: eight strings and arrays retained and released per pair).
        let f = figures[p]
        // By index: a slice `mates[runs[p]]` retains and releases the list once per claim.
        for k in runs[p] {
          let op = mates[k]
          let o = refs[op]
          guard o.document != r.document, comparable.test(r.document, o.document) else { continue }
          // `cmp.conflict(r, o)` (whether overlapping figures agree is left to the second step),
          // unless `o` answered it already for this pair; then kept for the second step, and
          // recorded for `o` when the order of the pair does not matter.
          var answer = PairAnswer(rawValue: answers[k]) ?? .unknown
          if answer == .unknown {
            if QuantityComparison.surelyOverlap(shapes[p], shapes[op]) {
              // `answer` without asking for agreement: compatible and overlapping (not recorded for
              // `o`, which tells it as cheaply).
              answer = .overlapping
            } else {
              answer = f.withQuantities(figures[op]) { q, oq -> PairAnswer in
                let found = self.answer(r, o, q, oq, cmp, known: .unknown, askAgreement: false)
                if Self.isOrderFree(q, oq) { answers[place(of: p, amongMatesOf: op)] = found.rawValue }
                return found
              }
            }
            answers[k] = answer.rawValue
          }
          if answer == .conflicting, !explained(r, o) { recorder.conflict(op) }
        }
      },
      agreeing: { (p: Int, recorder: inout MinoritySide<Int>.Recorder) in
        let r = refs[p]
        let f = figures[p]
        recorder.agree(r.document)
        var lastAgreeing = r.document
        for k in runs[p] {
          let op = mates[k]
          let o = refs[op]
          guard o.document != r.document, comparable.test(r.document, o.document) else { continue }
          // Mates come in document order: a document already counted is not inserted again, and
          // whether `o` agrees is not asked.
          guard lastAgreeing != o.document else { continue }
          // Every pair was answered in the first step: overlapping figures are asked whether they
          // agree, unless `o` answered that already.
          var answer = PairAnswer(rawValue: answers[k]) ?? .unknown
          if answer == .unknown || answer == .overlapping {
            let known = answer
            answer = f.withQuantities(figures[op]) { q, oq -> PairAnswer in
              let found = self.answer(r, o, q, oq, cmp, known: known, askAgreement: true)
              if Self.isOrderFree(q, oq) { answers[place(of: p, amongMatesOf: op)] = found.rawValue }
              return found
            }
          }
          if answer == .agreeing {
            recorder.agree(o.document)
            lastAgreeing = o.document
          }
        }
        // A document that also states this figure (in any block: "23 of the 51 seats" agrees with
        // "23 seats") is not a conflicting source. The conflicts come in document order (mates are
        // sorted by position): each of their documents is asked once, in order.
        var lastDocument = -1
        // By index, as `mates`; the figure lent from its box, not copied per document.
        for k in recorder.currentConflictIndices {
          let op = recorder.conflict(at: k)
          guard refs[op].document != lastDocument else { continue }
          lastDocument = refs[op].document
          if f.withQuantity({ states($0, in: lastDocument) }) { recorder.agree(lastDocument) }
        }
      })
    var findings: [Finding] = []
    for p in refs.indices where claims.isDraftSide(refs[p]) {
      let r = refs[p]
      guard let picked = sides.notes(for: p) else { continue }
      // One note per document: the conflicting claim whose sentence is closest to this one.
      let mineWords = claims.words(r)
      func closeness(_ o: ClaimRef) -> Double { Salience.containment(mineWords, claims.words(o)) }
      let noteRefs = picked.map { pp in
        let pr = refs[pp]
        return mates[runs[p]].map { refs[$0] }.filter { $0.document == pr.document && cmp.conflict(r, $0) && !explained(r, $0) }
          .reduce(pr) { best, o in closeness(o) > closeness(best) ? o : best }
      }
      let natural = noteRefs.map { cmp.naturalSeverity(r, $0) }.max() ?? .warning
      let mine = claims.claim(r)
      let q = figures[p].box.value!
      findings.append(
        Finding(
          ruleID: Self.description.identifier,
          severity: context.severity(of: Self.description, natural: natural),
          message: .figureDiffers(mine, count: noteRefs.count),
          span: mine.span,
          notes: noteRefs.map { Note(span: claims.claim($0).span, message: .sourceReports(claims.claim($0))) }.sorted(),
          help: "use the sourced figure, or attribute this one to whoever gave it",
          label: "this article: \(mine.span.text)",
          fingerprint: Fingerprint.fnv1a(
            [Self.description.identifier, q.unit ?? "", q.counted ?? "", q.action ?? "", ClaimText.number(q.value)]
              + noteRefs.map { ClaimText.number(claims.claim($0).quantity!.value) }.sorted()
              + ([mine.span.path] + noteRefs.map { claims.claim($0).span.path }).sorted()),
          properties: [
            "value": ClaimText.number(q.value), "low": ClaimText.number(q.low), "high": ClaimText.number(q.high),
            "counted": q.counted ?? "", "action": q.action ?? "",
          ]))
    }
    return findings
  }

  /// A value made the first time it is read (by `check`'s closures, which cannot hold a `lazy var`),
  /// then kept.
  private final class Lazy<Value> {
    private var made: Value?
    private let make: () -> Value

    init(_ make: @escaping () -> Value) { self.make = make }

    var value: Value {
      if let made { return made }
      let v = make()
      made = v
      return v
    }
  }

  /// What a figure of another document is to a figure (`check`), as `answer` finds it: incompatible
  /// (another thing counted), overlapping (whether the sentences tie them not asked yet), agreeing or
  /// only overlapping, conflicting or only disjoint. Only an agreeing figure agrees, and only a
  /// conflicting one conflicts.
  enum PairAnswer: UInt8 {
    case unknown
    case incompatible
    case overlapping
    case agreeing
    case overlappingOnly
    case conflicting
    case disjoint
  }

  /// `cmp.conflict(r, o)`, else whether `o` agrees, with the figures `q` (of `r`) and `oq` (of `o`)
  /// read once: incompatible figures do neither; overlapping ones never conflict; disjoint ones never
  /// agree. Whether overlapping figures agree is asked only with `askAgreement`; `known` is
  /// `.overlapping` when that much is known already (else `.unknown`).
  ///
  /// Nothing here depends on which of the two figures comes first, for figures of two documents
  /// (`sameArticle` false), except the overlap of two intervals that meet end to end at both ends
  /// (`isOrderFree`): `compatible`, the overlap tests, `agreesOverlapping` (`isOnlyFigure` of both,
  /// `sameContext`, which leaves out both counted nouns and counts shared words) and
  /// `conflictOfDisjoint` (each test made of both figures alike, the figure without an action picked
  /// by that, not by its place) give one answer for either order.
  func answer(
    _ r: ClaimRef, _ o: ClaimRef, _ q: borrowing Quantity, _ oq: borrowing Quantity, _ cmp: QuantityComparison,
    known: PairAnswer = .unknown, askAgreement: Bool
  ) -> PairAnswer {
    if known != .overlapping {
      guard cmp.claims.nouns.compatible(q, oq) else { return .incompatible }
      if !QuantityComparison.plausiblyOverlap(q, oq) {
        return cmp.conflictOfDisjoint(r, o, q, oq) ? .conflicting : .disjoint
      }
    }
    guard askAgreement else { return .overlapping }
    return agreesOverlapping(r, o, q, oq, cmp) ? .agreeing : .overlappingOnly
  }

  /// Whether `answer` gives the same for `a` and `b` in either order: unless their intervals (as
  /// `Quantity.overlaps` reads them, or with a lower bound capped as `plausiblyOverlap` reads them)
  /// meet end to end at both ends with inclusive ends that say otherwise read one way than the other
  /// (those tests read the first's high end and the second's low end first).
  static func isOrderFree(_ a: borrowing Quantity, _ b: borrowing Quantity) -> Bool {
    typealias Interval = (low: Double, high: Double, lowInclusive: Bool, highInclusive: Bool)
    func plain(_ q: borrowing Quantity) -> Interval {
      (q.low ?? -Double.infinity, q.high ?? Double.infinity, q.lowInclusive, q.highInclusive)
    }
    func capped(_ q: borrowing Quantity) -> Interval {
      if q.direction == .above || q.direction == .atLeast, q.high == nil, let low = q.low, low > 0 {
        return (low, 2 * low, q.lowInclusive, true)
      }
      return plain(q)
    }
    func meetsBothWays(_ x: Interval, _ y: Interval) -> Bool {
      x.high == y.low && y.high == x.low && (x.highInclusive && y.lowInclusive) != (y.highInclusive && x.lowInclusive)
    }
    return !meetsBothWays(plain(a), plain(b)) && !meetsBothWays(capped(a), capped(b))
  }

  /// Two figures of a story that an article reports as an update of one another (`updates`): the
  /// story and the lower and higher value, compared as their bits (as the text "story|lower|higher"
  /// they stood for compared them: one value, one text).
  struct Update: Hashable {
    var story: Int
    var lower: UInt64
    var higher: UInt64

    init(story: Int, _ x: Double, _ y: Double) {
      self.story = story
      lower = min(x, y).bitPattern
      higher = max(x, y).bitPattern
    }
  }

  /// Whether two documents may be compared (`AlignedClaims.comparable`), remembered for every pair
  /// of a run of at most a few thousand documents.
  final class ComparableDocuments {
    private let claims: AlignedClaims
    private let count: Int
    /// `known[a * count + b]`: -1 not asked yet, else 0 or 1 (a buffer of its own: no exclusivity
    /// check per look-up).
    private let known: UnsafeMutableBufferPointer<Int8>

    init(_ claims: AlignedClaims, cache: Bool) {
      self.claims = claims
      count = cache ? claims.documents.count : 0
      known = .allocate(capacity: count * count)
      known.initialize(repeating: -1)
    }

    deinit { known.deallocate() }

    func test(_ a: Int, _ b: Int) -> Bool {
      guard count > 0 else { return claims.comparable(a, b) }
      let k = a * count + b
      let v = known[k]
      if v >= 0 { return v == 1 }
      let c = claims.comparable(a, b)
      known[k] = c ? 1 : 0
      return c
    }
  }

  /// Figures that an article of the story reports as an update of one another ("the toll rose to 12
  /// on Sunday, up from nine"; "the margin narrowed to 298 votes from the 312 first reported"), as
  /// the story and the two values: an older article that still gives the earlier figure is not contradicted.
  ///
  /// `sentenceOrder` is `QuantityComparison.sentenceOrder`: each document's quantity claims with a
  /// figure, already sorted by (sentence, index). The reportage figures with a value are taken from it
  /// in that order, so they come sorted as well (a subsequence of a sorted list): no pass over every
  /// claim, and no sort.
  static func updates(
    _ claims: AlignedClaims, _ quantities: [[QuantityComparison.Figure?]], _ sentenceOrder: [[(sentence: Int, index: Int)]]
  ) -> Set<Update> {
    var out = Set<Update>()
    // The figures of a document as (sentence, claim index), in sentence order: the figures of one
    // sentence form a run (claims are not copied, and no array is made per sentence). One buffer
    // serves every document.
    var figuresBySentence: [(sentence: Int, index: Int)] = []
    var earlier: [Bool] = []
    for d in claims.documents.indices {
      // A sentence needs two figures for one to update the other.
      let order = sentenceOrder[d]
      guard order.count > 1 else { continue }
      let cs = claims.documents[d].claims
      let qs = quantities[d]
      figuresBySentence.removeAll(keepingCapacity: true)
      // Room for every figure of the document at once (the buffer grows once, not step by step).
      figuresBySentence.reserveCapacity(order.count)
      for e in order where cs[e.index].layer == .reportage && qs[e.index]?.quantity.value != nil {
        figuresBySentence.append(e)
      }
      var start = 0
      while start < figuresBySentence.count {
        var end = start + 1
        while end < figuresBySentence.count, figuresBySentence[end].sentence == figuresBySentence[start].sentence { end += 1 }
        defer { start = end }
        guard end - start > 1 else { continue }
        // Whether each figure of the sentence is an earlier one: superseded, or introduced by "from"
        // (into one buffer for every sentence).
        earlier.removeAll(keepingCapacity: true)
        earlier.reserveCapacity(end - start)
        // The figures of a sentence share its text: a sentence without "from " introduces none of
        // them so (`followsFrom` looks for "from " before the figure), and is searched once, not
        // once per figure.
        let hasFrom = Self.containsFrom(sentence: cs[figuresBySentence[start].index].sentence)
        for k in start..<end {
          let i = figuresBySentence[k].index
          earlier.append(
            qs[i]!.quantity.superseded || (hasFrom && Self.introducedByFrom(sentence: cs[i].sentence, figure: cs[i].span.text)))
        }
        for o in start..<end where earlier[o - start] {
          for n in start..<end where !earlier[n - start] {
            let x = qs[figuresBySentence[o].index]!.quantity.value!
            let y = qs[figuresBySentence[n].index]!.quantity.value!
            guard x != y else { continue }
            out.insert(Update(story: claims.story[d], x, y))
          }
        }
      }
    }
    return out
  }

  /// Whether `sentence` contains "from " anywhere: `followsFrom` with an empty tail (every figure it
  /// introduces follows such an occurrence).
  static func containsFrom(sentence: String) -> Bool {
    sentence.withUTF8Bytes { s in followsFrom(UnsafeBufferPointer(start: nil, count: 0), in: s) }
  }

  /// Whether the figure follows "from" ("up from nine", "from the 312 first reported").
  private static func introducedByFrom(sentence: String, figure: String) -> Bool {
    sentence.withUTF8Bytes { s in figure.withUTF8Bytes { f in followsFrom(f, in: s) } }
  }

  /// Whether `hay` contains "from " or "from the " followed by the bytes of `tail`: each "f" of `hay`
  /// is tried, no needle is joined.
  static func followsFrom(_ tail: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = hay.baseAddress else { return false }
    func has(_ bytes: StaticString, at p: Int) -> Bool {
      let k = bytes.utf8CodeUnitCount
      guard p + k <= hay.count else { return false }
      let b = bytes.utf8Start
      for j in 0..<k where hay[p + j] != b[j] { return false }
      return true
    }
    func hasTail(at p: Int) -> Bool {
      guard p + tail.count <= hay.count else { return false }
      for j in 0..<tail.count where hay[p + j] != tail[j] { return false }
      return true
    }
    var p = 0
    while p + 5 <= hay.count {
      guard let hit = memchr(base + p, 0x66, hay.count - p) else { return false }
      let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      p = at + 1
      guard has("from ", at: at) else { continue }
      if hasTail(at: at + 5) || (has("the ", at: at + 5) && hasTail(at: at + 9)) { return true }
    }
    return false
  }

  /// Whether `o` states the same figure as `r`, once their figures `a` and `b` are known to be
  /// compatible and to overlap: no other action, and sentences that speak of the same thing.
  private func agreesOverlapping(_ r: ClaimRef, _ o: ClaimRef, _ a: Quantity, _ b: Quantity, _ cmp: QuantityComparison) -> Bool {
    if let x = a.action, let y = b.action, x != y { return false }
    return cmp.isOnlyFigure(r) && cmp.isOnlyFigure(o) || cmp.sameContext(r, o, threshold: 0.25)
  }
}

/// A claim's quantity box (`Claim.quantityBox`), held unretained: for the figures of `check`, whose
/// claims `check`'s `AlignedClaims` holds (and with them their boxes) until it returns. A strong
/// reference read from an array was retained and released around every comparison of the pair loop
/// (57,605 retains on 1,000 articles); this one is lent as is.
private struct QuantityFigure {
  let unmanaged: Unmanaged<Claim.QuantityBox>

  init(_ box: Claim.QuantityBox) { unmanaged = .passUnretained(box) }

  /// The box, retained (for the few reads outside the pair loop).
  var box: Claim.QuantityBox { unmanaged.takeUnretainedValue() }

  /// `body` applied to this figure and `other`'s, both lent in place: a box's figure is a class's
  /// `let`, which the compiler knows no call changes (`Claim.quantityBox`). A figure read through
  /// `QuantityComparison.Figure` (a pointer into the box) is copied whole at every comparison instead
  /// (25M instructions on 1,000 articles). The boxes are lent without a retain: both are alive for
  /// the call (see the type's comment).
  @inline(__always)
  func withQuantity<R>(_ body: (borrowing Quantity) -> R) -> R {
    unmanaged._withUnsafeGuaranteedRef { a in body(a.value!) }
  }

  /// `body` applied to this figure and `other`'s, both lent in place (as `withQuantity`).
  @inline(__always)
  func withQuantities<R>(_ other: QuantityFigure, _ body: (borrowing Quantity, borrowing Quantity) -> R) -> R {
    unmanaged._withUnsafeGuaranteedRef { a in
      other.unmanaged._withUnsafeGuaranteedRef { b in body(a.value!, b.value!) }
    }
  }
}

extension String {
  fileprivate static func subject(_ c: Claim) -> String {
    let q = c.quantity!
    var s = q.unit != nil ? "amount" : "count of \(ClaimText.countedPlural(q))"
    if let a = q.actionText { s += " \(a)" }
    return s
  }

  fileprivate static func figureDiffers(_ c: Claim, count: Int) -> String {
    "\(subject(c)) differs from \(ClaimText.sources(count)): \(ClaimText.quoted(c.span.text)) here"
  }

  fileprivate static func sourceReports(_ c: Claim) -> String {
    "source reports \(ClaimText.quoted(c.span.text))"
  }
}
