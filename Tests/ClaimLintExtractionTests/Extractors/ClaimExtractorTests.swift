import ClaimLintCore
import ClaimLintTestSupport
import Testing

/// The claims of whole sentences as the pipeline reads them: attributions, titles, events and the
/// figures whose action comes from elsewhere in the sentence.
@Suite struct ClaimExtractorTests {
  func claims(_ text: String) -> [Claim] { TestSupport.claims("2025-03-04\n\n" + text + "\n") }

  @Test func coordinatedFigureSharesTheAction() {
    let c = claims("The court executed 9 members of the Lao gang and an additional 3 leaders of a rival ring last week.")
    let figures = c.compactMap(\.quantity)
    #expect(figures.map(\.action) == ["execute", "execute"])
    #expect(figures.map(\.counted) == ["member", "leader"])
  }

  /// Noun hedges bear on their own figure; sentence hedges on every figure.
  @Test(arguments: [
    ("Police detained 30 suspects and seized $2 million in cash.", [["suspects"], []]),
    ("Some 30 suspected traffickers were detained, while at least 12 victims were rescued.", [["suspected"], []]),
    ("Police arrested 12 men suspected of fraud and freed 40 workers.", [["suspected"], []]),
    ("Police suspect that 12 guards took $40,000 from the vault.", [["suspect"], ["suspect"]]),
    ("The gang reportedly held 40 workers and demanded $9,000 from each family.", [["reportedly"], ["reportedly"]]),
    ("More than 50,000 alleged criminals were returned, and 300 officers took part.", [["alleged"], []]),
  ])
  func hedgesBearOnTheirOwnFigure(_ sentence: String, _ expected: [[String]]) {
    let figures = claims(sentence).filter { $0.kind == .quantity }
    #expect(figures.map(\.hedges) == expected, "\(figures.map(\.span.text))")
    #expect(figures.map(\.hedged) == expected.map { !$0.isEmpty })
  }

  @Test func figureAfterButKeepsItsOwnAction() {
    let c = claims("Police arrested 40 suspects on Monday, but 12 workers were rescued from the site.")
    #expect(c.compactMap(\.quantity).map(\.action) == ["arrest", "rescue"])
  }

  @Test func acronymBeforeTheVerbDoesNotHideTheSpeaker() {
    let c = claims("The World Health Organization (WHO) estimates that 3,000 people fell ill in the outbreak.")
    let speakers = c.compactMap(\.attribution).map(\.speaker)
    #expect(speakers == ["World Health Organization"])
  }

  @Test func pronounRefersToTheSentenceSubject() {
    let text = """
      Health Minister Rosa Delgado met union leaders on Monday, according to the Daily Courier.

      Delgado later toured the clinic, which she said would reopen in May.
      """
    let speakers = claims(text).compactMap(\.attribution).map(\.speaker)
    #expect(speakers.last == "Rosa Delgado")
  }

  @Test func appositiveTitleRunsThroughTheBodyName() {
    let c = claims("Rafael Ortega, president of the pilots' union SEPLA, said the strike would go ahead.")
    #expect(c.compactMap(\.title).map(\.title) == ["president of the pilots' union SEPLA"])
    #expect(c.compactMap(\.title).map(\.person) == ["Rafael Ortega"])
  }

  @Test func aNameBeforeAndIsNotPartOfTheNextTitle() {
    let c = claims("Former leaders Bill Hartley and President Dana Moreau met on Friday.")
    #expect(c.compactMap(\.title).map(\.title) == ["President"])
    #expect(c.compactMap(\.title).map(\.person) == ["Dana Moreau"])
  }

  @Test func titleStartsAtATitleWord() {
    let c = claims("\"It was a grind,\" I think Coach Lynn Parker said afterwards.")
    #expect(c.compactMap(\.title).map(\.title) == ["Coach"])
  }

  @Test func fieldBetweenRoleWordsBelongsToTheTitle() {
    let c = claims("She was named Chief Strategy Officer Mary Lane's deputy in May.")
    #expect(c.compactMap(\.title).first?.title == "Chief Strategy Officer")
  }

  @Test func adverbAfterTheSpeakerIsNotPartOfIt() {
    let c = claims("Kurt Vollmer later said the account had changed.")
    #expect(c.compactMap(\.attribution).map(\.speaker) == ["Kurt Vollmer"])
  }

  @Test func aCountryNameIsNotAVerb() {
    let c = claims("The United States lost to Canada in the final on Sunday.")
    #expect(c.compactMap(\.attribution).isEmpty)
  }

  @Test func theWriterIsNotASource() {
    let c = claims("I said at the time that the plan would fail. I can't say more.")
    #expect(c.compactMap(\.attribution).isEmpty)
  }

  @Test func counterpartIsAParticipant() {
    let c = claims("Thai Prime Minister Anong Srisuk and her Cambodian counterpart Hun Sokha held talks in Kuala Lumpur on Monday.")
    #expect(c.compactMap(\.event).first?.participants == ["Anong Srisuk", "Hun Sokha"])
  }

  @Test func hyphenatedCountriesAreParticipants() {
    let c = claims("Officers kept up the Laos-Thailand-Cambodia joint operation against the scam centres.")
    #expect(c.compactMap(\.event).first?.participants == ["Cambodia", "Laos", "Thailand"])
  }

  @Test func peopleWhoMeetAreParticipants() {
    let text = """
      Foreign Minister Ana Ruiz met Interior Minister Tomas Vidal in Bangkok on Monday.

      Ruiz and Vidal met again on Tuesday to sign the border accord.
      """
    let events = claims(text).compactMap(\.event)
    #expect(events.count == 2)
    #expect(events.allSatisfy { $0.participants == ["Ana Ruiz", "Tomas Vidal"] })
  }

  @Test func titleSpansCoverTitleAndName() {
    let c = claims("Deputy Chief Justice Amara Nwosu wrote the judgment.")
    let t = c.first { $0.kind == .title }
    #expect(t?.span.text == "Deputy Chief Justice Amara Nwosu")
    #expect(t?.title?.roles == ["deputy chief justice"])
  }

  @Test func datelineDatesAreMarked() {
    let c = TestSupport.claims("LISBON, May 16 (Iberia Wire) - A court on Thursday sentenced the former port chief to six years.\n")
    let dates = c.compactMap(\.date)
    #expect(dates.map(\.isDateline) == [true, false])
  }
}
