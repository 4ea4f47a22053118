import ClaimLintExtraction
import Testing

/// claimlint reads English only; pages in other languages get a note instead of claims.
@Suite struct LanguageGuessTests {
  static let english = """
    Police in the northern province said on Monday that 42 people had been detained after a week of raids on \
    gambling dens, and that the operation would continue until the end of the month. The governor, who visited \
    the area with the interior minister, said the arrests were the largest in a decade and thanked residents for \
    their help. Officials have not said how many of those held were foreign nationals.
    """
  static let german = """
    Die Polizei hat am Montag in der Innenstadt 42 Personen festgenommen, wie ein Sprecher mitteilte. Die \
    Ermittlungen gegen die mutmaßlichen Betrüger dauern an, und die Staatsanwaltschaft prüft, ob weitere \
    Verfahren eröffnet werden. Nach Angaben der Behörden ist der Schaden höher als bisher angenommen, und auch \
    die Zahl der Opfer wird in den kommenden Tagen steigen.
    """
  static let french = """
    La police a interpellé lundi 42 personnes dans le centre de la ville, selon un porte-parole. Les enquêteurs \
    estiment que le réseau opérait depuis plus de deux ans et que les victimes sont nombreuses dans la région. \
    Le préfet a salué le travail des agents et a promis que les contrôles seront renforcés dans les semaines à venir.
    """
  static let spanish = """
    La policía detuvo el lunes a 42 personas en el centro de la ciudad, según informó un portavoz. Los \
    investigadores creen que la red operaba desde hace más de dos años y que las víctimas son numerosas en la \
    región. El gobernador agradeció el trabajo de los agentes y dijo que los controles se reforzarán.
    """
  static let russian = String(repeating: "Полиция задержала в понедельник сорок два человека в центре города, сообщил представитель ведомства. ", count: 4)

  @Test func englishReportageIsRead() {
    #expect(LanguageGuess.guess([Self.english]) == .init(isEnglish: true, language: nil))
  }

  @Test(arguments: [(german, "German"), (french, "French"), (spanish, "Spanish"), (russian, "a non-Latin script")])
  func otherLanguagesAreNamed(_ text: String, _ language: String) {
    #expect(LanguageGuess.guess([text]) == .init(isEnglish: false, language: language))
  }

  /// A short English brief, or an English article quoting a German headline, is still English.
  @Test func shortTextsAndQuotedPhrasesStayEnglish() {
    #expect(LanguageGuess.guess(["Die Welt reported 40 arrests."]).isEnglish)
    #expect(LanguageGuess.guess([Self.english + " The German daily wrote: \"Die Polizei hat 42 Personen festgenommen.\""]).isEnglish)
  }
}
