import ClaimLintCore
import ClaimLintExtraction
import Testing

/// The shortcuts of `QuantityExtractor` (suffixes read from a word's last bytes, blocked tokens flagged
/// only when a sentence has some, token fields read in place) give the answers of the plain reading.
@Suite struct QuantityShortcutTests {
  /// The figures of `sentence` as comparable text: range, value, counted noun, modifiers, action.
  static func read(_ sentence: String) throws -> [String] {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    return extractor.extract(from: sentence).map { m in
      let q = m.quantity
      return
        "\(ExtractionFixture.text(sentence, m.range))|\(q.value.map { "\($0)" } ?? "-")|\(q.counted ?? "-")|\(q.modifiers.joined(separator: " "))|\(q.action ?? "-")"
    }
  }

  /// A typographic apostrophe and an ASCII one read the same possessive.
  @Test func possessiveWithEitherApostrophe() throws {
    let ascii = try Self.read("Floods hit 12 of the country's 77 districts last week.")
    let curly = try Self.read("Floods hit 12 of the country\u{2019}s 77 districts last week.")
    #expect(ascii == curly)
    #expect(ascii.contains { $0.hasPrefix("77|77.0|district|") })
  }

  /// Plural heads and verb-like endings, in ASCII words and in words with other letters.
  @Test func suffixesOfASCIIAndOtherWords() throws {
    let plain = try Self.read("Police arrested 40 suspected traffickers on Monday.")
    #expect(plain.contains { $0.hasPrefix("40|40.0|trafficker|suspected") })
    let accented = try Self.read("The city closed 30 caf\u{E9}s and 12 bistros.")
    #expect(accented.contains { $0.hasPrefix("30|30.0|") })
    #expect(accented.contains { $0.hasPrefix("12|12.0|bistro|") })
  }

  /// Dates, links and phone numbers still keep their digits out of figures, with or without other
  /// figures in the sentence.
  @Test func blockedTokens() throws {
    #expect(try Self.read("Call 555-0199 for details.").isEmpty)
    #expect(try Self.read("See https://example.com/2024/10/report for 300 pages.").map { $0.split(separator: "|")[0] } == ["300"])
    let withDate = try Self.read("On 12 March 2024, 45 people were evacuated.")
    #expect(withDate.map { $0.split(separator: "|")[0] } == ["45"])
    #expect(try Self.read("About 300 people and 20 cars.").count == 2)
    // Chunks of attached tokens: a link at the start, in the middle and at the end of the sentence,
    // and chunks of three tokens or more that are no link (a comma group, a decimal, an abbreviation).
    #expect(try Self.read("www.example.com/40 lists 12 names.").map { $0.split(separator: "|")[0] } == ["12"])
    #expect(try Self.read("Write to a@b.c 7 times, then 8,600 people.").map { $0.split(separator: "|")[0] } == ["7", "8,600"])
    #expect(try Self.read("Rates of 4.5 percent, see http://x.org/9").map { $0.split(separator: "|")[0] } == ["4.5 percent"])
    #expect(try Self.read("The U.S. sent 8,600 troops and 2.5 tonnes.").map { $0.split(separator: "|")[0] } == ["8,600", "2.5 tonnes"])
    #expect(try Self.read("See x%20y for 30 more.").map { $0.split(separator: "|")[0] } == ["30"])
    // "%20" alone is a chunk of two tokens, looked into by no one: its digits are a figure.
    #expect(try Self.read("Growth was %20 lower.").map { $0.split(separator: "|")[0] } == ["20"])
  }

  /// Links and phone numbers are found in one pass: a phone number right after a link, a link right
  /// after a phone number, a phone number in brackets, and figures around them.
  @Test func linksAndPhoneNumbersInOnePass() throws {
    func figures(_ s: String) throws -> [String] { try Self.read(s).map { String($0.split(separator: "|")[0]) } }
    #expect(try figures("See www.example.com/12 202-555-0147 for 45 people.") == ["45"])
    #expect(try figures("Call 202-555-0147 www.example.com/12 for 45 people.") == ["45"])
    #expect(try figures("Call (555) 123-4567 about the 300 workers.") == ["300"])
    #expect(try figures("Call +44 20 7946 0958 or mail a@b.c about 7 cases.") == ["about 7"])
    #expect(try figures("They counted 8,600 people and 2,500 cars in 2024-2025.").prefix(2) == ["8,600", "2,500"])
    #expect(try figures("Some 500-1000 people came; 555-0199 was the number.") == ["Some 500-1000"])
  }

  /// The chunk scan (attached tokens after one with white space before it) finds chunks at the start,
  /// right after another chunk, after a chunk of two tokens, and at the end of the sentence.
  @Test func linkChunksNextToOtherChunks() throws {
    func figures(_ s: String) throws -> [String] { try Self.read(s).map { String($0.split(separator: "|")[0]) } }
    #expect(try figures("a@b.c 12 names were listed.") == ["12"])
    #expect(try figures("The U.S. www.x.org/40 page lists 12 names.") == ["12"])
    #expect(try figures("Rates of %20 a@b.c/9 and 12 names.") == ["20", "12"])
    #expect(try figures("They listed 12 names at www.x.org/40") == ["12"])
    #expect(try figures("They listed 12 names at x.org/40") == ["12", "40"])
  }

  /// Two-word nouns are looked up only after a word that starts one ("police", "gang"): such a word
  /// followed by another word that makes no noun with it, a pair in capitals, and a word that starts
  /// no pair read as the plain lookup reads them.
  @Test func twoWordNounsAfterTheirFirstWord() throws {
    #expect(try Self.read("They saw 12 police vans there.") == ["12|12.0|van|police|-"])
    #expect(try Self.read("They saw 12 Police Officers there.") == ["12|12.0|police officer||-"])
    #expect(try Self.read("They saw 12 gang members there.") == ["12|12.0|gang member||-"])
    #expect(try Self.read("They saw 12 armed officers there.") == ["12|12.0|officer|armed|-"])
    #expect(try Self.read("They saw 12 police-gang members there.").first?.hasPrefix("12|12.0|member|police-gang") == true)
  }

  /// Ranges after "between", "from" and a dash.
  @Test func ranges() throws {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    for s in ["between 300 and 400 people", "from 300 to 400 people", "300-400 people", "300 through 400 people"] {
      let q = extractor.extract(from: "Officials said \(s) were moved.").first?.quantity
      #expect(q?.isRange == true, "\(s)")
      #expect(q?.low == 300 && q?.high == 400, "\(s)")
    }
    #expect(extractor.extract(from: "Shares rose from $63.45 on Friday.").allSatisfy { $0.quantity.isRange == false })
  }

  /// The words of a counted noun phrase are kept as token indexes and their text built only for the
  /// head and its modifiers: hyphenated compounds, two-word nouns and plain words read as the text
  /// joined word by word.
  @Test func nounPhraseWordsFromTokenIndexes() throws {
    #expect(try Self.read("Police freed 40 scam-centre workers on Monday.") == ["40|40.0|worker|scam-centre|rescue"])
    #expect(try Self.read("Police freed 40 well-paid scam-centre workers.") == ["40|40.0|worker|well-paid scam-centre|rescue"])
    #expect(try Self.read("The raid found 12 armed gang members inside.") == ["12|12.0|gang member|armed|-"])
    #expect(try Self.read("They met 30 off-duty police officers there.") == ["30|30.0|police officer|off-duty|-"])
    #expect(try Self.read("Inspectors found 64 foreign workers on the site.") == ["64|64.0|worker|foreign|-"])
    // A regular plural with no entry: its singular is made from the text built for the head.
    #expect(try Self.read("The shop sold 25 hand-made ceramic teapots.") == ["25|25.0|teapot|hand-made ceramic|-"])
    #expect(try Self.read("The shop sold 25 ceramic tea-pots.") == ["25|25.0|tea-pot|ceramic|-"])
    // A possessive is passed over, and a word with letters outside ASCII is read as written.
    #expect(try Self.read("Floods hit 12 of the country's 77 rural districts.").last == "77|77.0|district|rural|-")
    #expect(try Self.read("The city closed 30 caf\u{E9}-bars.") == ["30|30.0|caf\u{E9}-bar||-"])
  }

  /// The endings of a word of one token are read on the token's text in place: a curly possessive, a
  /// word outside ASCII, "-ous" and "-ss" (not plurals) and "-ed" (a participle, not the counted noun) read as from the text.
  @Test func oneTokenEndingsReadInPlace() throws {
    #expect(try Self.read("Floods hit 12 of the country\u{2019}s 77 rural districts.").last == "77|77.0|district|rural|-")
    #expect(try Self.read("Officials counted 40 dangerous animals in the park.") == ["40|40.0|animal|dangerous|-"])
    #expect(try Self.read("The team found 15 na\u{EF}ve recruits at the camp.") == ["15|15.0|recruit|na\u{EF}ve|-"])
    #expect(try Self.read("The agency hired 20 glass workers last year.") == ["20|20.0|worker|glass|employ"])
    #expect(try Self.read("The hospital treated 35 injured villagers overnight.") == ["35|35.0|-||injure"])
  }
}
