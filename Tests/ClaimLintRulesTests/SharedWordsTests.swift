import Testing

@testable import ClaimLintRules

/// `SharedWords` stops its merge passes early; it must answer what counting every shared word answers.
struct SharedWordsTests {
  /// Sentences of news copy: pairs that share most words, some, a few and none.
  static let texts = [
    "The foreign ministers of four countries met in Chiang Mai on Friday to discuss border crime.",
    "The foreign ministers of four countries met in Chiang Mai on August 16 to discuss border crime.",
    "Foreign ministers from four nations gathered in Chiang Mai to talk about crime on the border.",
    "We will not tolerate these criminal networks on our border, Foreign Minister Ana Ruiz said.",
    "We will not tolerate these criminal networks on our border, Tomas Vidal said.",
    "He is the player we have wanted for three years, coach Marco Bellini said.",
    "He is the player we have wanted for three years, said club president Luis Ortega.",
    "Eleven people died and 140 were hurt in the stampede at Harmon Arena on Saturday night.",
    "Eight people were killed and about 150 injured when fans pushed through a barrier at Harmon Arena.",
    "The government of Lusavia announced on Wednesday a $1.35 billion plan to add hospital beds.",
    "The government of Lusavia approved on Thursday a $1.35 billion plan to add 2,400 beds.",
    "Union negotiators said the dockworkers will return to work on Saturday after a four-day strike.",
    "Shares fell.",
    "",
  ]

  @Test func earlyStoppingMergeGivesTheFullCount() {
    let lists = Self.texts.map { Salience.sortedWordHashes($0) } + Self.texts.map { AttributionMismatchRule.asciiTokenHashes($0) ?? [] }
    for a in lists {
      for b in lists {
        let shared = Salience.sharedCount(a, b)
        for needed in -1...(max(a.count, b.count) + 2) {
          #expect(SharedWords.sharesAtLeast(a, b, needed) == (shared >= needed), "\(a.count) \(b.count) \(needed)")
        }
        for threshold in [0.0, 0.45, 0.5, 0.7, 0.8, 0.9, 1.0, 1.5] {
          #expect(SharedWords.contains(a, b, atLeast: threshold) == (Salience.containment(a, b) >= threshold), "\(a.count) \(b.count) \(threshold)")
        }
        for figures in 0...3 {
          #expect(DateMismatchRule.sameEventByMerge(a, b, sharedFigures: figures) == DateMismatchRule.sameEvent(a, b, sharedFigures: figures))
        }
      }
    }
  }

  @Test func neededIsTheLeastPassingCount() {
    for small in 1...300 {
      for threshold in [0.45, 0.7, 0.8, 0.9, 1.0] {
        let k = SharedWords.needed(small: small, threshold: threshold)
        #expect(k == (0...(small + 1)).first { Double($0) / Double(small) >= threshold || $0 == small + 1 }, "\(small) \(threshold)")
      }
    }
  }

  /// `AlignedClaims.storyOverlapNeeded` is the least shared count that passes `sameStory`'s Jaccard
  /// test, for every pair of list lengths and thresholds (odd ones included), so that the early-stopping
  /// merge answers what the full count answers.
  @Test func storyOverlapNeededIsTheLeastPassingCount() {
    for na in 0...60 {
      for nb in 0...60 where na + nb > 0 {
        let smaller = min(na, nb)
        for threshold in [-1.0, 0.0, 0.01, 0.06, 0.1, 1.0 / 3.0, 0.5, 0.99, 1.0, 1.5, .infinity, -.infinity, .nan, 1e300] {
          let k = AlignedClaims.storyOverlapNeeded(total: na + nb, smaller: smaller, threshold: threshold)
          let plain = (0...(smaller + 1)).first { $0 == smaller + 1 || Double($0) / Double(na + nb - $0) >= threshold }
          #expect(k == plain, "\(na) \(nb) \(threshold)")
        }
      }
    }
  }

  /// The early-stopping test of two lists' Jaccard overlap answers what the full count answers, on the
  /// word lists of news sentences and of lists that share most, some or none of their words.
  @Test func storyOverlapByMergeGivesTheFullCount() {
    var lists = Self.texts.map { Salience.sortedWordHashes($0) }
    lists.append(Array(1...400).map { UInt64($0) * 7 })
    lists.append(Array(1...300).map { UInt64($0) * 7 + (($0 % 3 == 0) ? 1 : 0) })
    lists.append(Array(1...50).map { UInt64($0) * 91 })
    for a in lists {
      for b in lists where a.count + b.count > 0 {
        let inter = Salience.sharedCount(a, b)
        for threshold in [0.0, 0.06, 0.2, 0.5, 0.8, 1.0] {
          let plain = Double(inter) / Double(a.count + b.count - inter) >= threshold
          let needed = AlignedClaims.storyOverlapNeeded(total: a.count + b.count, smaller: min(a.count, b.count), threshold: threshold)
          #expect(SharedWords.sharesAtLeast(a, b, needed) == plain, "\(a.count) \(b.count) \(threshold)")
        }
      }
    }
  }

  @Test func clauseBreakInitialsAreTheFirstLetters() {
    let initials = DateMismatchRule.clauseBreaks.reduce(UInt32(0)) { $0 | 1 << UInt32($1.utf8.first! &- 0x61) }
    #expect(DateMismatchRule.clauseBreakInitials == initials)
  }

  /// `isPackedSayingVerb` holds for exactly the saying verbs: each of them, and none of words that
  /// share their first eight letters, differ in their ninth or last letter, or are them with zero bytes
  /// in front or a letter more or less.
  @Test func packedSayingVerbsAreTheSayingVerbs() {
    func packed(_ w: String) -> Bool {
      let b = Array(w.utf8)
      let p = b.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      return DateMismatchRule.isPackedSayingVerb(p, count: b.count, ninth: b.count == 9 ? b[8] : 0)
    }
    var words = Array(DateMismatchRule.sayingVerbs)
    for v in DateMismatchRule.sayingVerbs {
      words += [v + "s", String(v.dropLast()), String(v.dropLast()) + "x", "\u{0}" + v, "\u{0}\u{0}" + v, String(v.dropFirst())]
    }
    words += ["announcer", "confirmer", "reporting", "reporter", "sai", "saidx", "toldd", "reports"]
    for w in words where (4...9).contains(w.utf8.count) {
      #expect(packed(w) == DateMismatchRule.sayingVerbs.contains(w), "\(w)")
    }
  }

  /// `isClauseBreakHead` holds for exactly the first two letters of the clause breaks.
  @Test func clauseBreakHeadsAreTheFirstTwoLetters() {
    let heads = Set(DateMismatchRule.clauseBreaks.map { w in w.utf8.prefix(2).reduce(UInt16(0)) { $0 << 8 | UInt16($1) } })
    var found: Set<UInt16> = []
    for a in UInt16(0x61)...0x7A {
      for b in UInt16(0x61)...0x7A where DateMismatchRule.isClauseBreakHead(a << 8 | b) { found.insert(a << 8 | b) }
    }
    #expect(found == heads)
  }
}
