import ClaimLintCore
import Testing

@testable import ClaimLintRules

/// `QuantityComparison.tables` numbers the strings of figures by their words first (`KnownBits`);
/// the keys it gives must be the keys made from the strings themselves.
struct QuantityTablesTests {
  /// Articles with units, counted nouns with and without a family, actions and no action, generic
  /// nouns and figures of nothing counted.
  static let articles: [(name: String, text: String)] = [
    (
      "wire.txt",
      """
      The storm killed 14 people and injured 40 in the delta, officials said on Monday.
      Police arrested 5 suspects, and 7 suspects were later released on bail.
      The repairs will cost $2 million, and turnout was 50 percent, up from 40 percent.
      Rescuers evacuated more than 1,200 residents and 300 cattle from the flooded villages.
      The 3 officers were among 12 victims treated in hospital, the ministry said.
      """
    ),
    (
      "paper.txt",
      """
      Relief agencies said 12 people were killed and 300 homes destroyed in the storm.
      Officials detained 6 alleged criminals and repatriated 70 migrants across the border.
      The fund has raised €3 million so far, and the river rose 4 metres in 2 days.
      About 1,100 residents were evacuated, along with 250 cattle and 14 horses.
      """
    ),
    (
      "blog.txt",
      """
      Around 15 people died, the agency said, and 45 were hurt.
      Police arrested 5 suspects on Tuesday; 2 suspects were freed within 3 hours.
      Prices rose 4.5 percent in March, and the repairs will cost $2.5 million.
      """
    ),
  ]

  /// `valueKeys`, `blockKey` and the numbered action and noun of every figure of the tables are the
  /// ones its own strings give (`NounFamilies.blockKey`, `Quantity.action`, `Quantity.counted`).
  @Test func tableKeysAreTheStringKeys() throws {
    let claims = try QuantityBlocksOrderTests.aligned(Self.articles)
    let cmp = QuantityComparison(claims)
    var figures = 0
    var withAction = 0
    var withUnit = 0
    for d in claims.documents.indices {
      for i in claims.documents[d].claims.indices {
        let r = ClaimRef(document: d, index: i)
        let c = claims.claim(r)
        guard let q = c.quantity else { continue }
        figures += 1
        #expect(cmp.blockKey(r) == claims.nouns.blockKey(q), "\(c.span.text)")
        #expect(cmp.valueKeys(r) == cmp.valueKeys(c), "\(c.span.text)")
        let keys = cmp.figureKeys(r)
        guard keys.block >= 0 else { continue }
        #expect((keys.action >= 0 ? cmp.words[Int(keys.action)] : nil) == q.action)
        if keys.noun >= 0 { #expect(cmp.words[Int(keys.noun)] == q.counted ?? "-") }
        if q.action != nil { withAction += 1 }
        if q.unit != nil { withUnit += 1 }
      }
    }
    #expect(figures >= 20)
    #expect(withAction >= 5)
    #expect(withUnit >= 4)
  }

  /// The run's table of family block keys (`NounFamilies.familyBlockKeys`) gives `blockKey`'s key and
  /// its hash, for families with parents and without, asked again, from several threads at once, and
  /// by the tables of two runs sharing one `NounFamilies` (the second finds the first's keys).
  @Test func familyBlockKeysAreTheBlockKeys() async throws {
    let nouns = NounFamilies(parents: [
      "suspect": "offender", "criminal": "offender", "offender": "person", "victim": "person", "resident": "person",
      "cattle": "animal", "horse": "animal",
    ])
    let families = ["suspect", "criminal", "offender", "person", "people", "victim", "resident", "cattle", "horse", "home", "migrant", "day"]
    await withTaskGroup(of: Void.self) { group in
      for t in 0..<4 {
        group.addTask {
          for k in 0..<(3 * families.count) {
            let family = families[(k + 5 * t) % families.count]
            let key = nouns.familyBlockKeys.key(family: family, nouns)
            let plain = nouns.blockKey(unit: nil, counted: family, countedFamily: nil)
            #expect(key.text == plain)
            #expect(key.hash == Interner.asciiHash(plain ?? ""))
          }
        }
      }
    }
    for run in [Array(Self.articles.prefix(2)), Array(Self.articles.suffix(2))] {
      let base = try QuantityBlocksOrderTests.aligned(run)
      let claims = AlignedClaims(documents: base.documents, draftIndex: nil, nouns: nouns)
      let cmp = QuantityComparison(claims)
      var counted = 0
      for d in claims.documents.indices {
        for i in claims.documents[d].claims.indices {
          let r = ClaimRef(document: d, index: i)
          guard let q = claims.claim(r).quantity else { continue }
          #expect(cmp.blockKey(r) == nouns.blockKey(q), "\(claims.claim(r).span.text)")
          if q.unit == nil, q.counted != nil { counted += 1 }
        }
      }
      #expect(counted >= 5)
    }
  }

  /// The words of an optional string as `QuantityComparison.Figure.bits(at:)` reads them.
  static func bits(_ s: String?) -> StringBits {
    var s = s
    return withUnsafeBytes(of: &s) { raw in
      StringBits(low: raw.load(fromByteOffset: 0, as: UInt64.self), high: raw.load(fromByteOffset: 8, as: UInt64.self))
    }
  }

  /// `KnownBits` in front of an `Interner` gives the interner's numbers: short and long strings, one
  /// text in several buffers, copies of one buffer, nil, and enough strings to grow the table.
  @Test func knownBitsGivesTheInternersNumbers() {
    var strings: [String?] = ["people", nil, "unit:percent", "a much longer counted noun", "people", nil]
    // The same long text in buffers of its own, and copies of one of them.
    let long = (0..<3).map { _ in String(repeating: "repatriate", count: 3) + "d" }
    strings += long + long + [long[0], long[0]]
    for k in 0..<200 { strings.append("word number \(k * 7919 % 97) of a long list") }
    for k in 0..<40 { strings.append("w\(k % 13)") }
    strings += [nil, "K", "\u{212A}", "caf\u{E9}", "cafe\u{301}", "people"]
    var plain = Interner()
    let expected = strings.map { $0.map { plain.number($0).number } ?? -1 }
    var interner = Interner()
    var known = KnownBits()
    var asked = 0
    let got = strings.map { s in
      known.number(Self.bits(s)) {
        asked += 1
        return s.map { interner.number($0).number } ?? -1
      }
    }
    #expect(got == expected)
    #expect(interner.values == plain.values)
    // Repeats of one buffer, of a short string and of nil are answered by the words.
    #expect(asked < strings.count - 20)
  }

  /// `isTotalOfPart` as a search of each marker followed by the figure, first occurrence, in order.
  static func plainTotalOfPart(sentence: String, figure: String) -> Bool {
    let s = Array(sentence.utf8)
    for marker in [" of the ", " of ", " out of "] {
      let needle = Array((marker + figure).utf8)
      guard needle.count <= s.count,
        let at = (0...(s.count - needle.count)).first(where: { Array(s[$0..<($0 + needle.count)]) == needle })
      else { continue }
      let before = String(decoding: s[0..<at], as: UTF8.self)
      if let last = before.split(separator: " ").last, last.first?.isNumber == true || ClaimTextNumbers.words.contains(last.lowercased()) {
        return true
      }
    }
    return false
  }

  /// `isTotalOfPart` (which skips occurrences of the figure not preceded by " of " or "the ") is the
  /// plain search, on totals, near misses and figures that occur more than once.
  @Test func totalOfPartIsThePlainSearch() {
    let cases: [(String, String)] = [
      ("They won 23 of the 51 seats.", "51 seats"),
      ("Nine out of 10 voters agreed.", "10 voters"),
      ("They won 51 seats.", "51 seats"),
      ("Most of the 51 seats went to them.", "51 seats"),
      ("In the 51 seats, and then 23 of the 51 seats were lost.", "51 seats"),
      ("Of 10 voters, nine of 10 voters agreed.", "10 voters"),
      ("of 10 voters agreed", "10 voters"),
      ("At 10 voters, the 10 voters and seven of 10 voters agreed.", "10 voters"),
      ("Twelve of the 40 people, or 40 people in all, were hurt; 3 of 40 people died.", "40 people"),
      ("The others of the 40 people were hurt.", "40 people"),
      ("He read 300 of the 1,200 pages and then 1,200 pages more.", "1,200 pages"),
      ("Only two out of 10 said so, three of the 10 did not.", "10"),
      ("Some of the 10 said so, and ten of 10 agreed.", "10"),
      ("The 10 of the 10 agreed.", "10"),
      ("$4 million of the $5 million was spent.", "$5 million"),
      ("caf\u{E9} 5 of the 9 caf\u{E9}s", "9 caf\u{E9}s"),
      ("the", "the"),
      ("7 of the", ""),
    ]
    for (sentence, figure) in cases {
      #expect(
        QuantityComparison.isTotalOfPart(sentence: sentence, figure: figure) == Self.plainTotalOfPart(sentence: sentence, figure: figure),
        "\(sentence) | \(figure)")
    }
    #expect(cases.filter { Self.plainTotalOfPart(sentence: $0.0, figure: $0.1) }.count >= 6)
  }
}
