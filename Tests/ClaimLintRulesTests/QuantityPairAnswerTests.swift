import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// `QuantityMismatchRule.check` answers a pair of figures once for both orders (`PairAnswer`): the
/// answer must not depend on the order wherever `isOrderFree` says so.
struct QuantityPairAnswerTests {
  static let articles: [(name: String, text: String)] = [
    (
      "agency.txt",
      """
      The quake killed more than 300 people and injured 430, the interior ministry said on Saturday.
      Rescuers freed more than 300 workers from the compound on Friday. Police detained 12,000 migrants at the border last year.
      The cyclone has displaced more than 600,000 people in the delta, the disaster agency said.
      Buyers paid $129 for the controller bundle of the console.
      """
    ),
    (
      "daily.txt",
      """
      Officials said on Sunday that the quake had killed 312 people and injured 340.
      Rescuers freed 312 workers from the compound, police said. Police detained twelve thousand migrants at the border last year.
      The cyclone has displaced more than 60,000 people in the delta, officials said.
      The controller bundle of the console costs $129.99.
      """
    ),
    (
      "relief.txt",
      """
      The quake killed 312 people and injured 430, the relief agency said on Sunday.
      Rescuers freed 148 workers from the compound. Police detained 1,200 migrants at the border last year.
      The cyclone has displaced about 600,000 people in the delta.
      """
    ),
  ]

  @Test func answersDoNotDependOnOrder() throws {
    let documents = try TestSupport.checker().processTexts(Self.articles).map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let claims = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let cmp = QuantityComparison(claims)
    let rule = QuantityMismatchRule()
    var refs: [ClaimRef] = []
    for d in claims.documents.indices {
      for i in claims.documents[d].claims.indices where cmp.quantities[d][i] != nil { refs.append(ClaimRef(document: d, index: i)) }
    }
    var seen: [QuantityMismatchRule.PairAnswer: Int] = [:]
    for r in refs {
      for o in refs where o.document != r.document {
        let q = cmp.quantities[r.document][r.index]!.quantity
        let oq = cmp.quantities[o.document][o.index]!.quantity
        #expect(QuantityMismatchRule.isOrderFree(q, oq) == QuantityMismatchRule.isOrderFree(oq, q))
        guard QuantityMismatchRule.isOrderFree(q, oq) else { continue }
        for ask in [false, true] {
          let one = rule.answer(r, o, q, oq, cmp, askAgreement: ask)
          let other = rule.answer(o, r, oq, q, cmp, askAgreement: ask)
          #expect(one == other, "\(claims.claim(r).span.text) / \(claims.claim(o).span.text)")
          seen[one, default: 0] += 1
          // An answer of `.overlapping` completed later gives what asking at once gives.
          if one == .overlapping {
            #expect(rule.answer(o, r, oq, q, cmp, known: .overlapping, askAgreement: true) == rule.answer(r, o, q, oq, cmp, askAgreement: true))
          }
        }
      }
    }
    // The articles give figures of every kind of answer.
    for kind in [QuantityMismatchRule.PairAnswer.incompatible, .overlapping, .agreeing, .conflicting] {
      #expect(seen[kind, default: 0] > 0, "\(kind)")
    }
  }

  /// `QuantityComparison.surelyOverlap` on the shapes of two figures says yes only where `answer`
  /// (not asked for agreement) finds them compatible and overlapping, in that order, and says so for
  /// most such pairs of real-looking figures.
  @Test func shapesTellOverlappingFiguresAsAnswerDoes() throws {
    let documents = try TestSupport.checker().processTexts(Self.articles).map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let claims = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let cmp = QuantityComparison(claims)
    let rule = QuantityMismatchRule()
    var refs: [ClaimRef] = []
    for d in claims.documents.indices {
      for i in claims.documents[d].claims.indices where cmp.quantities[d][i] != nil { refs.append(ClaimRef(document: d, index: i)) }
    }
    var told = 0
    var overlapping = 0
    var notTold = 0
    for r in refs {
      for o in refs where o.document != r.document {
        let q = cmp.quantities[r.document][r.index]!.quantity
        let oq = cmp.quantities[o.document][o.index]!.quantity
        let expected = rule.answer(r, o, q, oq, cmp, askAgreement: false) == .overlapping
        let fast = QuantityComparison.surelyOverlap(cmp.shape(r), cmp.shape(o))
        if fast { #expect(expected, "\(claims.claim(r).span.text) / \(claims.claim(o).span.text)") }
        if expected { overlapping += 1 }
        if fast { told += 1 } else { notTold += 1 }
      }
    }
    #expect(told > 0 && told * 2 >= overlapping)
    #expect(notTold > 0)
  }

  /// `surelyOverlap` against `compatible` and `plausiblyOverlap` on a grid of intervals (bounds
  /// missing, equal, meeting end to end, with and without inclusive ends, lower bounds, figures with
  /// cents) and of units and counted nouns (equal, different, missing).
  @Test func shapesCompareIntervalsAsFiguresDo() {
    let nouns = NounFamilies(parents: [:])
    let bounds: [Double?] = [nil, 0, 5, 5.5, 10, 129, 129.99]
    let directions: [QualifierDirection] = [.exact, .above, .atLeast, .below]
    let labels: [(unit: String?, counted: String?)] = [
      (nil, "people"), (nil, "victims"), (nil, nil), ("$", nil), ("$", "bundle"), ("percent", nil),
      // A string too long to be kept inside its words: equal text in another buffer is not told.
      (nil, String(repeating: "workers", count: 3)),
    ]
    var quantities: [Quantity] = []
    for (k, value) in bounds.enumerated() {
      for low in [bounds[k], bounds[(k + 1) % bounds.count]] {
        for high in [bounds[k], bounds[(k + 3) % bounds.count], nil] {
          for inclusive in [(true, true), (false, true), (true, false)] {
            let direction = directions[(k + quantities.count) % directions.count]
            let label = labels[quantities.count % labels.count]
            quantities.append(
              Quantity(
                value: value, low: low, high: high, lowInclusive: inclusive.0, highInclusive: inclusive.1,
                direction: direction, unit: label.unit, counted: label.counted))
          }
        }
      }
    }
    // A copy of the long noun in a buffer of its own.
    var copy = quantities[6]
    copy.counted = String(decoding: Array(String(repeating: "workers", count: 3).utf8), as: UTF8.self)
    quantities.append(copy)
    var yes = 0
    var no = 0
    for a in quantities {
      for b in quantities {
        let expected = nouns.compatible(a, b) && QuantityComparison.plausiblyOverlap(a, b)
        let fast = withUnsafePointer(to: a) { pa in
          withUnsafePointer(to: b) { pb in
            QuantityComparison.surelyOverlap(QuantityComparison.shape(at: pa), QuantityComparison.shape(at: pb))
          }
        }
        // Equal strings in different buffers are not told equal by their words: then the figures are
        // compared instead (a no where the answer is yes).
        let sameWords = a.unit == b.unit && a.counted == b.counted && (a.counted?.utf8.count ?? 0) <= 15
        if sameWords || fast { #expect(fast == expected, "\(a) / \(b)") }
        if fast { yes += 1 } else if expected == false { no += 1 }
      }
    }
    #expect(yes > 100 && no > 100)
  }

  @Test func intervalsMeetingEndToEndDependOnOrder() {
    func figure(_ low: Double, _ high: Double, lowInclusive: Bool, highInclusive: Bool) -> Quantity {
      var q = Quantity(value: low, low: low, high: high)
      q.lowInclusive = lowInclusive
      q.highInclusive = highInclusive
      return q
    }
    let a = figure(5, 5, lowInclusive: true, highInclusive: false)
    let b = figure(5, 5, lowInclusive: true, highInclusive: true)
    // `overlaps` reads a's high end and b's low end first: false one way, true the other.
    #expect(a.overlaps(b) != b.overlaps(a))
    #expect(!QuantityMismatchRule.isOrderFree(a, b))
    #expect(QuantityMismatchRule.isOrderFree(b, b))
    #expect(QuantityMismatchRule.isOrderFree(figure(3, 4, lowInclusive: true, highInclusive: true), b))
  }
}
