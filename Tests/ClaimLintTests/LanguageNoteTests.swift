import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

/// A page that is not in English gets a note and no claims: the extractors read English grammar, and a
/// German "die" read as the verb made death tolls out of every figure.
@Suite struct LanguageNoteTests {
  let pipeline = DocumentPipeline(configuration: TestSupport.configuration)

  @Test func germanPageIsANoteWithoutClaims() throws {
    let page = """
      # Razzia in der Innenstadt

      Die Polizei hat am Montag in der Innenstadt 42 Personen festgenommen, wie ein Sprecher mitteilte. Die \
      Ermittlungen gegen die mutmaßlichen Betrüger dauern an, und die Staatsanwaltschaft prüft, ob weitere \
      Verfahren eröffnet werden. Nach Angaben der Behörden ist der Schaden höher als bisher angenommen, und \
      auch die Zahl der Opfer wird in den kommenden Tagen steigen, sagte die Sprecherin.
      """
    let out = pipeline.process(bytes: Array(page.utf8), displayPath: "razzia.md")
    let report = try #require(out.report)
    #expect(report.claims.isEmpty)
    #expect(out.problems.map(\.message) == ["the article looks like German, not English; no claims were read from it"])
    #expect(out.problems.map(\.severity) == [.note])
  }

  @Test func englishPageHasClaimsAndNoNote() throws {
    let page = """
      # Raids in the city centre

      Police detained 42 people in the city centre on Monday, a spokesman said. Investigators believe the \
      ring had operated for more than two years, and prosecutors are examining whether further cases will be \
      opened. According to the authorities the damage is higher than first thought, and the number of victims \
      is expected to rise in the coming days.
      """
    let out = pipeline.process(bytes: Array(page.utf8), displayPath: "raids.md")
    let report = try #require(out.report)
    #expect(report.claims.contains { $0.quantity?.value == 42 })
    #expect(out.problems.isEmpty)
  }
}
