import ClaimLintCore
import Testing

/// `Quantity.overlaps`: the intervals that qualifiers give a figure, with open and closed bounds.
@Suite struct QuantityTests {
  /// A figure as an article states it, with the interval its qualifier allows.
  struct Figure: Sendable, CustomStringConvertible {
    var description: String
    var quantity: Quantity

    static func exact(_ v: Double) -> Figure {
      Figure(description: "\(Int(v))", quantity: Quantity(value: v, low: v, high: v))
    }
    /// "more than": strictly above.
    static func moreThan(_ v: Double) -> Figure {
      Figure(
        description: "more than \(Int(v))",
        quantity: Quantity(value: v, low: v, high: nil, lowInclusive: false, qualifier: "more than", direction: .above))
    }
    /// "at least": at or above.
    static func atLeast(_ v: Double) -> Figure {
      Figure(
        description: "at least \(Int(v))",
        quantity: Quantity(value: v, low: v, high: nil, qualifier: "at least", direction: .atLeast))
    }
    /// "fewer than": strictly below.
    static func fewerThan(_ v: Double) -> Figure {
      Figure(
        description: "fewer than \(Int(v))",
        quantity: Quantity(value: v, low: nil, high: v, highInclusive: false, qualifier: "fewer than", direction: .below))
    }
    /// "up to": at or below.
    static func upTo(_ v: Double) -> Figure {
      Figure(
        description: "up to \(Int(v))",
        quantity: Quantity(value: v, low: nil, high: v, qualifier: "up to", direction: .atMost))
    }
    /// "about": a 10% band either side.
    static func about(_ v: Double) -> Figure {
      Figure(
        description: "about \(Int(v))",
        quantity: Quantity(value: v, low: v - v / 10, high: v + v / 10, qualifier: "about", direction: .approximate))
    }
    /// "between … and …".
    static func between(_ a: Double, _ b: Double) -> Figure {
      Figure(
        description: "between \(Int(a)) and \(Int(b))",
        quantity: Quantity(value: a, low: a, high: b, isRange: true))
    }
  }

  struct OverlapCase: Sendable, CustomTestStringConvertible {
    var a: Figure
    var b: Figure
    var overlaps: Bool
    var testDescription: String { "'\(a)' vs '\(b)'" }
  }

  static let cases: [OverlapCase] = [
    // above
    OverlapCase(a: .moreThan(300), b: .exact(312), overlaps: true),
    OverlapCase(a: .moreThan(300), b: .exact(300), overlaps: false),
    OverlapCase(a: .moreThan(300), b: .exact(290), overlaps: false),
    OverlapCase(a: .moreThan(600), b: .about(500), overlaps: false),
    OverlapCase(a: .moreThan(500), b: .about(500), overlaps: true),
    OverlapCase(a: .moreThan(550), b: .about(500), overlaps: false),
    OverlapCase(a: .moreThan(300), b: .moreThan(900), overlaps: true),
    OverlapCase(a: .moreThan(300), b: .atLeast(300), overlaps: true),
    OverlapCase(a: .moreThan(300), b: .fewerThan(300), overlaps: false),
    OverlapCase(a: .moreThan(300), b: .fewerThan(310), overlaps: true),
    OverlapCase(a: .moreThan(300), b: .upTo(300), overlaps: false),
    OverlapCase(a: .moreThan(300), b: .upTo(301), overlaps: true),
    OverlapCase(a: .moreThan(400), b: .between(300, 400), overlaps: false),
    // at least
    OverlapCase(a: .atLeast(300), b: .exact(300), overlaps: true),
    OverlapCase(a: .atLeast(550), b: .about(500), overlaps: true),
    OverlapCase(a: .atLeast(1200), b: .about(900), overlaps: false),
    OverlapCase(a: .atLeast(300), b: .upTo(300), overlaps: true),
    OverlapCase(a: .atLeast(300), b: .fewerThan(300), overlaps: false),
    OverlapCase(a: .atLeast(40), b: .atLeast(4000), overlaps: true),
    // below
    OverlapCase(a: .fewerThan(450), b: .about(500), overlaps: false),
    OverlapCase(a: .fewerThan(50), b: .fewerThan(10), overlaps: true),
    OverlapCase(a: .fewerThan(50), b: .exact(50), overlaps: false),
    OverlapCase(a: .fewerThan(50), b: .exact(49), overlaps: true),
    OverlapCase(a: .fewerThan(50), b: .upTo(50), overlaps: true),
    // at most
    OverlapCase(a: .upTo(450), b: .about(500), overlaps: true),
    OverlapCase(a: .upTo(400), b: .about(500), overlaps: false),
    OverlapCase(a: .upTo(900), b: .about(900), overlaps: true),
    OverlapCase(a: .upTo(300), b: .between(300, 400), overlaps: true),
    OverlapCase(a: .upTo(20), b: .upTo(2000), overlaps: true),
    // approximate and exact
    OverlapCase(a: .about(900), b: .exact(950), overlaps: true),
    OverlapCase(a: .about(900), b: .exact(1200), overlaps: false),
    OverlapCase(a: .about(900), b: .about(1100), overlaps: true),
    OverlapCase(a: .about(100), b: .about(200), overlaps: false),
    OverlapCase(a: .exact(40), b: .exact(40), overlaps: true),
    OverlapCase(a: .exact(40), b: .exact(41), overlaps: false),
    OverlapCase(a: .between(300, 400), b: .exact(400), overlaps: true),
    OverlapCase(a: .between(300, 400), b: .between(401, 500), overlaps: false),
  ]

  @Test(arguments: cases)
  func overlapIsSymmetric(_ c: OverlapCase) {
    #expect(c.a.quantity.overlaps(c.b.quantity) == c.overlaps)
    #expect(c.b.quantity.overlaps(c.a.quantity) == c.overlaps)
  }

  @Test func unboundedFigureOverlapsEverything() {
    let open = Quantity(value: nil, low: nil, high: nil, isVague: true)
    #expect(open.overlaps(Figure.moreThan(600).quantity))
    #expect(open.overlaps(Figure.fewerThan(3).quantity))
    #expect(open.overlaps(open))
  }
}
