import Testing

@testable import ClaimLintRules

/// The small signs by which the cross-source rules tell unrelated pages apart.
@Suite struct CrossPageSignsTests {
  @Test func aDateWritesItsYearOnlyWithFourDigits() {
    #expect(DateMismatchRule.statesYear("June 9, 2020"))
    #expect(DateMismatchRule.statesYear("2020-06-09"))
    #expect(!DateMismatchRule.statesYear("Sept. 12"))
    #expect(!DateMismatchRule.statesYear("October 10th"))
  }

  @Test func announcingAThingIsNotAStatementVerbForTheDate() {
    #expect(DateMismatchRule.announcingVerbs.contains("announced"))
    #expect(DateMismatchRule.objectStarts.contains("a"))
    #expect(!DateMismatchRule.objectStarts.contains("that"))
  }

  @Test func ownDayWordsAreTodayAndItsParts() {
    #expect(DateMismatchRule.ownDayWords.contains("today"))
    #expect(DateMismatchRule.ownDayWords.contains("this morning"))
    #expect(!DateMismatchRule.ownDayWords.contains("yesterday"))
  }

  @Test func tokensKeepCurrencySignsAndDropPunctuation() {
    #expect(QuantityComparison.tokens("(prices start at just $2,199 with code).") == ["prices", "start", "at", "just", "$2,199", "with", "code"])
    #expect(QuantityComparison.tokens("“Nearly $600 off,” she said") == ["nearly", "$600", "off", "she", "said"])
  }

  @Test func rolesInFullAndAbbreviatedAreOneRole() {
    let rule = TitleMismatchRule()
    #expect(rule.compatible(["ceo"], ["chief executive"]))
    #expect(rule.compatible(["chief executive officer"], ["ceo"]))
    #expect(!rule.compatible(["chief financial officer"], ["chief operating officer"]))
  }
}
