import Testing

@testable import ClaimLintRules

/// The signs by which two figures of one article are told apart as different facts.
@Suite struct SameArticleFiguresTests {
  @Test func transposedDigitsAreALikelyTypo() {
    #expect(SameArticleFigures.sameDigits(148, 184))
    #expect(SameArticleFigures.sameDigits(4812, 4218))
    #expect(!SameArticleFigures.sameDigits(20, 30))
    #expect(!SameArticleFigures.sameDigits(46, 46))
    #expect(!SameArticleFigures.sameDigits(39, 300))
  }

  @Test func significantDigitsIgnoreTheMagnitude() {
    #expect(SameArticleFigures.mantissa(4_200_000_000) == SameArticleFigures.mantissa(4_200_000))
    #expect(SameArticleFigures.mantissa(17_300_000) != SameArticleFigures.mantissa(303_417))
  }

  @Test func identifiersAreNamesAndYearsButNotSpeakersOrWeekdays() {
    let a = SameArticleFigures.identifiers(
      "Kentucky Democrats beat incumbent Gov. Matt Bevin in a state the president won by 30 points in 2016.", figure: "30")
    #expect(a.isSuperset(of: ["democrats", "bevin", "2016"]))
    #expect(!a.contains("kentucky"))  // the first word of a sentence is capitalised anyway
    let b = SameArticleFigures.identifiers(
      "Thai officials received 148 victims on Friday, Colonel Anan Phrom said.", figure: "148")
    #expect(b.isEmpty)
    let c = SameArticleFigures.identifiers("The minister said: “Forty families lost everything.”", figure: "Forty")
    #expect(c.isEmpty)
  }

  @Test func ratesAndIncrementsAreRecognisedNextToTheFigure() {
    let t = SameArticleFigures.tokens("He is averaging 11 assists per game this season.")
    #expect(t.contains("per"))
    #expect(SameArticleFigures.distributiveWords.contains("per"))
    #expect(SameArticleFigures.incrementWords.contains("adding"))
  }
}
