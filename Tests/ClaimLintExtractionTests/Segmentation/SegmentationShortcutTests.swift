import Testing

@testable import ClaimLintExtraction

/// The shortcuts of marker matching and language-menu detection give what the plain readings give.
@Suite struct SegmentationShortcutTests {
  static let builtIn = SegmentationLexicons.builtIn

  /// Short blocks as the segmenter meets them: markers, near misses, prose, text beyond ASCII.
  static let texts: [String] = [
    "Advertisement", "advertisement.", "Advertisements", "Share this article", "Share this", "Related stories",
    "Related", "Readers’ comments", "Readers' comments", "Editor’s picks", "Editor's picks", "Most read",
    "Sign up for our newsletter", "Subscribe", "Subscribed", "Comments", "6 comments", "Comments (12)",
    "No comments", "By Jane Doe", "Photo: Reuters", "© 2024 The Daily", "Read more", "Read more:",
    "The council voted on Tuesday.", "Bridge handover delayed", "Wednesday, 12 February 2025", "news", "World",
    "Anzeige", "Publicité", "Реклама", "広告", "Kommentare (3)", "Café société", "e\u{301}ditor’s picks", "",
    " ", "a", "Menu", "Home | World | Business | Sport", "English Français Deutsch Español Русский 日本語",
  ]

  /// The built-in markers, and the same with one more exact phrase, beyond ASCII, that equals an
  /// ASCII text (U+212A KELVIN SIGN equals "K"): that turns the first-byte-and-length test off.
  static let withoutExactTest = SegmentationLexicons(
    markers: builtIn.markers + [.init(kind: .boilerplate, mode: .exact, phrase: "\u{212A}m")],
    languageNames: builtIn.languageNames)

  @Test func sameMarkersWithAndWithoutTheExactTest() {
    // The ASCII text equals the phrase with the Kelvin sign, so the test must not reject it.
    #expect(Self.withoutExactTest.match(normalized: "Km")?.marker.phrase == "\u{212A}m")
    #expect(!Self.builtIn.mayBeExact("km"))
    var texts = Self.texts
    for m in Self.builtIn.markers where m.mode == .exact {
      texts += [m.phrase, m.phrase + "s", String(m.phrase.dropLast()), "x" + m.phrase, m.phrase.uppercased()]
    }
    for text in texts {
      let normalized = SegmentationLexicons.normalize(text)
      let a = Self.builtIn.match(normalized: normalized)
      let b = Self.withoutExactTest.match(normalized: normalized)
      #expect(a?.marker == b?.marker && a?.count == b?.count, "\(text)")
    }
    for m in Self.builtIn.markers where m.mode == .exact {
      #expect(Self.builtIn.mayBeExact(m.phrase), "\(m.phrase)")
    }
  }

  @Test func countWordsSplitAsCharactersDo() {
    let texts = [
      "6 comments", "comments (12)", "kommentäre: 3", "3 kommentäre", "réponses [4]", "à (2)", "12 | réactions",
      "comments ́3", "comments\u{301} 3", "комментарии 5", "5 комментариев", "", "  ", "(", "é", "no comments",
    ]
    for text in texts {
      var copy = text
      if let words = copy.withUTF8({ SegmentationLexicons.countWords($0) }) {
        #expect(words == SegmentationLexicons.characterWords(text), "\(text)")
      } else {
        // Only a separator beside a byte beyond ASCII sends a text to the plain reading.
        #expect(text.utf8.contains { $0 >= 0x80 }, "\(text)")
      }
    }
    var combining = "comments \u{301}3"
    #expect(combining.withUTF8 { SegmentationLexicons.countWords($0) } == nil)
  }

  @Test func countDigitsReadAsCharactersDo() {
    func plain(_ w: String) -> Int? {
      let digits = w.filter { $0 != "," }
      if !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(digits) }
      return nil
    }
    let words = [
      "6", "12", "1,204", "123456", "1234567", "999,999", ",", ",,5", "007", "5a", "a5", "", "٣", "５", "5\u{301}",
      ",\u{301}5", "12,345,6", "one", "-3", "+3", "3.5",
    ]
    for w in words {
      #expect(SegmentationLexicons.countDigits(w) == plain(w), "\(w)")
    }
  }

  @Test func menuEvidenceSameReadInPlace() {
    let detector = LanguageMenuDetector(lexicons: Self.builtIn)
    let texts = Self.texts + [
      "English Français Deutsch Español", "EnglishFrançaisDeutsch", "English | Deutsch | Español | Italiano",
      "English Deutsch Español Italiano Nederlands", "ENGLISH DEUTSCH ESPANOL ITALIANO", "English, Deutsch, Dansk",
      "The English and Deutsch editions", "한국어РусскийEnglishFrançais日本語", "English Deutsch", "english deutsch italiano",
    ]
    for text in texts {
      let a = detector.evaluate(text)
      let b = detector.evaluate(scalars: LanguageNameIndex.folded(text), utf8Count: text.utf8.count)
      #expect(a?.names == b?.names && a?.scripts == b?.scripts && a?.coverage == b?.coverage, "\(text)")
    }
    #expect(detector.evaluate("English Deutsch Español Italiano Nederlands") != nil)
    #expect(detector.evaluate("ENGLISH DEUTSCH ITALIANO NEDERLANDS") != nil)
  }
}

/// `LanguageMenuDetector.evaluateASCII` reads an ASCII block's bytes where `evaluate(scalars:)` reads
/// folded scalars: both must give the same evidence, menus and prose alike.
@Suite struct LanguageMenuASCIITests {
  @Test func asciiBytesGiveTheSameEvidenceAsScalars() {
    let lexicons = SegmentationLexicons.builtIn
    let detector = LanguageMenuDetector(lexicons: lexicons)
    let asciiNames = lexicons.languageNames.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    #expect(asciiNames.count >= 10)
    var texts = [
      "", "World", "2024-09-21", "By Linh Pham", "China, Myanmar, Thailand step up joint action against border crime",
      "Kunming, September 20 -- Ministers of China, Myanmar, Thailand gathered in Kunming on Thursday",
      "English Deutsch Espanol Italiano Nederlands", "ENGLISH|DEUTSCH|ITALIANO|NEDERLANDS|POLSKI", "English / Dansk / Norsk",
      "EnglishDeutschItalianoNederlands", "English, Deutsch, Dansk", "The English and Deutsch editions", "Thai Lao news",
      "Read in: English - Deutsch - Italiano - Svenska - Suomi - Magyar", "english deutsch italiano", "E", "En", "-|-,/",
      "Englis", "Englishman Deutschland Italianos Nederlandse Polskie", "Latina Latin Latinas", "1 English 2 Deutsch 3 Polski 4 Dansk",
    ]
    // Menus of the built-in ASCII names, glued or separated, in three cases, with words of prose mixed in.
    var generator = SystemRandomNumberGenerator()
    let prose = ["the", "police", "said", "on", "Thursday", "and", "in", "Kunming", "9,800", "(AP)"]
    for round in 0..<300 {
      var words: [String] = []
      for _ in 0..<Int.random(in: 1...12, using: &generator) {
        let fromNames = Int.random(in: 0..<100, using: &generator) < [90, 60, 30][round % 3]
        var w = fromNames ? asciiNames.randomElement(using: &generator)! : prose.randomElement(using: &generator)!
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: w = w.uppercased()
        case 1: w = w.lowercased()
        default: break
        }
        words.append(w)
      }
      let separator = [" ", "", " | ", ", ", "/", "\t", " - "][Int.random(in: 0..<7, using: &generator)]
      texts.append(words.joined(separator: separator))
    }
    var menus = 0
    for text in texts {
      let bytes = Array(text.utf8)
      let a = bytes.withUnsafeBufferPointer { detector.evaluateASCII($0) }
      let b = bytes.withUnsafeBufferPointer {
        detector.evaluate(scalars: LanguageMenuDetector.FoldedASCII(bytes: $0), utf8Count: $0.count)
      }
      #expect(a?.names == b?.names && a?.scripts == b?.scripts && a?.coverage == b?.coverage, "\(text)")
      if a != nil { menus += 1 }
    }
    // Both kinds of block were met.
    #expect(menus >= 20)
    #expect(menus < texts.count - 20)
  }
}
