import ClaimLintCore
import ClaimLintExtraction
import Testing

@Suite struct HedgeDetectorTests {
  @Test(arguments: [
    ("The alleged ringleader was detained.", ["alleged"]),
    ("The firm allegedly laundered the money.", ["allegedly"]),
    ("The boat reportedly carried 60 people.", ["reportedly"]),
    ("Two suspected smugglers fled.", ["suspected"]),
    ("An estimated 3,000 workers are stranded.", ["estimated"]),
    ("According to the embassy, 40 citizens were freed.", ["According to"]),
    ("The man is believed to be abroad.", ["is believed"]),
    ("The group is said to be behind the attack.", ["said to be"]),
    ("The militia purportedly controls the road.", ["purportedly"]),
    ("The rebels claimed the town on Friday.", ["claimed"]),
    ("Unconfirmed accounts put the toll at 12.", ["Unconfirmed"]),
    ("Police arrested 600 suspects.", ["suspects"]),
    ("Police arrested 600 criminals.", []),
  ])
  func hedgeWords(_ sentence: String, _ expected: [String]) throws {
    let detector = HedgeDetector(lexicons: try ExtractionFixture.lexicons())
    let found = detector.hedges(in: sentence)
    #expect(found.map(\.text) == expected)
    for h in found { #expect(ExtractionFixture.text(sentence, h.range) == h.text) }
  }
}
