import ClaimLintCore
import ClaimLintExtraction
import Foundation
import Testing

/// `SentenceSplitter` on news prose: what must stay one sentence and what must be split.
@Suite struct SentenceSplitterTests {
  /// The abbreviations of the repository's own `rules/lexicons/abbreviations.tsv`, found from this file.
  static func repositoryAbbreviations() throws -> Set<String> {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    let file = url.appendingPathComponent("rules/lexicons/abbreviations.tsv")
    let text = try String(contentsOf: file, encoding: .utf8)
    let table = try LexiconTable(path: "rules/lexicons/abbreviations.tsv", text: text)
    return Set(table.rows.map { $0[0].lowercased() })
  }

  /// Splits `text` and maps each range back to its text.
  static func sentences(_ text: String, with splitter: SentenceSplitter) -> [String] {
    splitter.split(text).map { Segment.slice(text, $0.lowerBound, $0.upperBound) }
  }

  struct SplitCase: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var sentences: [String]
    var testDescription: String { id }
  }

  static let cases: [SplitCase] = [
    // Abbreviations.
    SplitCase(
      id: "military ranks", text: "Lt. Gen. Tun Aung led the delegation. He flew in from the capital.",
      sentences: ["Lt. Gen. Tun Aung led the delegation.", "He flew in from the capital."]),
    SplitCase(
      id: "No. before a figure and Feb. before a day",
      text: "The talks resume on Feb. 5 at the No. 2 ministry building. Both sides confirmed the date.",
      sentences: ["The talks resume on Feb. 5 at the No. 2 ministry building.", "Both sides confirmed the date."]),
    SplitCase(
      id: "U.S. before a lower-case word", text: "U.S. officials said the aid would arrive within days. Aid groups were doubtful.",
      sentences: ["U.S. officials said the aid would arrive within days.", "Aid groups were doubtful."]),
    SplitCase(
      id: "U.S. before a title", text: "U.S. Secretary of State Ana Ruiz arrived on Monday.",
      sentences: ["U.S. Secretary of State Ana Ruiz arrived on Monday."]),
    SplitCase(
      id: "U.S. ending a sentence", text: "The money came from the U.S. The government did not say how much.",
      sentences: ["The money came from the U.S.", "The government did not say how much."]),
    SplitCase(
      id: "p.m. ending a sentence", text: "The shelter opened at 9 p.m. Police said 85 people arrived.",
      sentences: ["The shelter opened at 9 p.m.", "Police said 85 people arrived."]),
    SplitCase(
      id: "Mr. and Mrs.", text: "Mr. and Mrs. Okafor were among the 40 guests. Dr. Lee treated them.",
      sentences: ["Mr. and Mrs. Okafor were among the 40 guests.", "Dr. Lee treated them."]),
    SplitCase(
      id: "etc. inside a sentence", text: "Sandbags, pumps, generators etc. were handed out in St. Mary's parish.",
      sentences: ["Sandbags, pumps, generators etc. were handed out in St. Mary's parish."]),
    SplitCase(
      id: "abbreviation after an opening curly quote",
      text: "The notice read “Gen. Tun will speak at noon.” Reporters waited outside.",
      sentences: ["The notice read “Gen. Tun will speak at noon.”", "Reporters waited outside."]),
    SplitCase(
      id: "abbreviation after a non-breaking space", text: "The brigade of Lt.\u{A0}Col. Mora withdrew. Shelling stopped.",
      sentences: ["The brigade of Lt.\u{A0}Col. Mora withdrew.", "Shelling stopped."]),
    // Numbers and initials.
    SplitCase(
      id: "decimals and thousands", text: "Inflation rose 3.5 percent in March. The agency counted 12,400 new claims.",
      sentences: ["Inflation rose 3.5 percent in March.", "The agency counted 12,400 new claims."]),
    SplitCase(
      id: "sentence ending in a figure", text: "The river crested at 4.2. Forecasters expect it to fall.",
      sentences: ["The river crested at 4.2.", "Forecasters expect it to fall."]),
    SplitCase(
      id: "next sentence starts with a digit", text: "The count closed on Friday. 1,200 ballots were rejected.",
      sentences: ["The count closed on Friday.", "1,200 ballots were rejected."]),
    SplitCase(
      id: "initials", text: "The prize went to J. K. Rowling. Her agent declined to comment.",
      sentences: ["The prize went to J. K. Rowling.", "Her agent declined to comment."]),
    SplitCase(
      id: "dotted initials", text: "The novel by J.K. Rowling sold 400,000 copies.",
      sentences: ["The novel by J.K. Rowling sold 400,000 copies."]),
    // Quotes, questions and exclamations.
    SplitCase(
      id: "quote then attribution",
      text: "\"We will rebuild the bridge,\" the mayor said. \"It will take two years.\" Work starts in May.",
      sentences: ["\"We will rebuild the bridge,\" the mayor said.", "\"It will take two years.\"", "Work starts in May."]),
    SplitCase(
      id: "curly quotes", text: "“The water came at night,” said Ana Ruiz. “Nobody was ready.” Crews arrived at dawn.",
      sentences: ["“The water came at night,” said Ana Ruiz.", "“Nobody was ready.”", "Crews arrived at dawn."]),
    SplitCase(
      id: "question and exclamation", text: "Was the levee inspected? Engineers say it was not! The report is due Friday.",
      sentences: ["Was the levee inspected?", "Engineers say it was not!", "The report is due Friday."]),
    SplitCase(
      id: "quoted question inside a sentence", text: "\"Who signed the order?\" she asked. Nobody answered.",
      sentences: ["\"Who signed the order?\" she asked.", "Nobody answered."]),
    SplitCase(
      id: "question and exclamation marks together", text: "Evacuate now?! The order came at midnight.",
      sentences: ["Evacuate now?!", "The order came at midnight."]),
    SplitCase(
      id: "closing parenthesis", text: "The toll rose to 14 (up from nine.) Rescuers kept digging.",
      sentences: ["The toll rose to 14 (up from nine.)", "Rescuers kept digging."]),
    // Ellipses.
    SplitCase(
      id: "ellipsis before a lower-case word", text: "The count kept rising... and then it stopped. Officials gave no reason.",
      sentences: ["The count kept rising... and then it stopped.", "Officials gave no reason."]),
    SplitCase(
      id: "ellipsis before a capital", text: "He paused... Then he resigned.",
      sentences: ["He paused...", "Then he resigned."]),
    SplitCase(
      id: "ellipsis character before a lower-case word", text: "The count kept rising… and then it stopped.",
      sentences: ["The count kept rising… and then it stopped."]),
    SplitCase(
      id: "ellipsis character before a capital", text: "He paused… Then he resigned.",
      sentences: ["He paused…", "Then he resigned."]),
    // Line structure.
    SplitCase(
      id: "headings and list items in blocks",
      text: "FLOOD UPDATE\n\nRiver level at 4.2 metres\n- 300 homes evacuated\n* 2 bridges closed\n• 1 school shut\n\nThe next update is at 6 p.m.",
      sentences: [
        "FLOOD UPDATE", "River level at 4.2 metres", "- 300 homes evacuated", "* 2 bridges closed", "• 1 school shut",
        "The next update is at 6 p.m.",
      ]),
    SplitCase(
      id: "a wrapped line continues the sentence", text: "Roads closed in\nthe lower valley on Sunday.\nPower is out.",
      sentences: ["Roads closed in\nthe lower valley on Sunday.", "Power is out."]),
    SplitCase(
      id: "abbreviation before a blank line", text: "Shares fell at Acme Inc.\n\nThe company declined to comment.",
      sentences: ["Shares fell at Acme Inc.", "The company declined to comment."]),
    SplitCase(
      id: "blank line holding spaces", text: "Water rose overnight\n  \t\nRoads closed",
      sentences: ["Water rose overnight", "Roads closed"]),
    SplitCase(
      id: "CRLF", text: "Power is out.\r\nSchools are closed\r\n",
      sentences: ["Power is out.", "Schools are closed"]),
    SplitCase(
      id: "CRLF blank line", text: "Power is out\r\n\r\nSchools are closed",
      sentences: ["Power is out", "Schools are closed"]),
    SplitCase(
      id: "lone CR blank line", text: "Power is out\r\rSchools are closed",
      sentences: ["Power is out", "Schools are closed"]),
    SplitCase(
      id: "lone CR wrap", text: "Roads closed in\rthe lower valley",
      sentences: ["Roads closed in\rthe lower valley"]),
    SplitCase(
      id: "blank lines", text: "\n\nPower is out.\n\n\nSchools are closed.\n\n",
      sentences: ["Power is out.", "Schools are closed."]),
    SplitCase(
      id: "no final full stop", text: "Rescue teams reached the village. Power is still out in 1,200 homes",
      sentences: ["Rescue teams reached the village.", "Power is still out in 1,200 homes"]),
    SplitCase(
      id: "lower-case after a full stop continues", text: "The vote was 52 to 48 in favour. however, turnout was low.",
      sentences: ["The vote was 52 to 48 in favour. however, turnout was low."]),
    // White space.
    SplitCase(
      id: "leading and trailing white space", text: "  \tWater rose overnight.   Roads closed.  \n",
      sentences: ["Water rose overnight.", "Roads closed."]),
    SplitCase(
      id: "non-breaking spaces at the edges", text: "\u{A0} \u{A0}Water rose overnight.\u{A0} Roads closed.\u{A0} \u{A0}",
      sentences: ["Water rose overnight.", "Roads closed."]),
    SplitCase(
      id: "non-breaking space between sentences", text: "Water rose overnight.\u{A0}Roads closed.",
      sentences: ["Water rose overnight.", "Roads closed."]),
    SplitCase(id: "empty", text: "", sentences: []),
    SplitCase(id: "only white space", text: " \n\t\u{A0}\r\n ", sentences: []),
    // Other scripts.
    SplitCase(
      id: "Cyrillic", text: "Мэр заявил о 300 эвакуированных. Спасатели работают всю ночь.",
      sentences: ["Мэр заявил о 300 эвакуированных.", "Спасатели работают всю ночь."]),
    SplitCase(
      id: "Polish capital with a diacritic", text: "Powódź dotarła do Krakowa. Łódź czeka na wodę.",
      sentences: ["Powódź dotarła do Krakowa.", "Łódź czeka na wodę."]),
    SplitCase(
      id: "Latin-1 capital", text: "The mayor resigned. Élodie Marchand takes over.",
      sentences: ["The mayor resigned.", "Élodie Marchand takes over."]),
    SplitCase(
      id: "Greek", text: "Η βροχή σταμάτησε. Οι δρόμοι άνοιξαν.",
      sentences: ["Η βροχή σταμάτησε.", "Οι δρόμοι άνοιξαν."]),
    SplitCase(
      id: "Hangul", text: "서울시는 1,200명을 대피시켰다. 경찰이 현장에 있다.",
      sentences: ["서울시는 1,200명을 대피시켰다.", "경찰이 현장에 있다."]),
    SplitCase(
      id: "Cyrillic lower-case after a full stop continues", text: "Уровень воды 4.2 м. около моста.",
      sentences: ["Уровень воды 4.2 м. около моста."]),
  ]

  @Test(arguments: cases)
  func splitsNewsProse(_ c: SplitCase) throws {
    let splitter = SentenceSplitter(abbreviations: try Self.repositoryAbbreviations())
    #expect(Self.sentences(c.text, with: splitter) == c.sentences)
    // Ranges are in order, do not overlap and stay inside the text.
    let ranges = splitter.split(c.text)
    for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound <= b.lowerBound) }
    #expect(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= c.text.utf8.count && !$0.isEmpty })
  }

  @Test func theLexiconIsWhatKeepsAbbreviationsTogether() {
    let text = "Lt. Gen. Tun Aung led the delegation."
    #expect(Self.sentences(text, with: SentenceSplitter(abbreviations: [])) == ["Lt.", "Gen.", "Tun Aung led the delegation."])
    #expect(Self.sentences(text, with: SentenceSplitter(abbreviations: ["lt"])) == ["Lt. Gen.", "Tun Aung led the delegation."])
    #expect(Self.sentences(text, with: SentenceSplitter(abbreviations: ["lt", "gen"])) == [text])
  }

  @Test func lexiconSetBuildsTheSameSplitter() throws {
    let rows = try Self.repositoryAbbreviations().sorted().joined(separator: "\n")
    var lexicons = LexiconSet()
    lexicons.merge(try LexiconTable(path: "rules/lexicons/abbreviations.tsv", text: "# test copy\n" + rows), as: "abbreviations")
    let fromLexicons = SentenceSplitter(lexicons: lexicons)
    let direct = SentenceSplitter(abbreviations: try Self.repositoryAbbreviations())
    for c in Self.cases {
      #expect(fromLexicons.split(c.text) == direct.split(c.text), "\(c.id)")
    }
  }

  @Test func repositoryListHasTheAbbreviationsNewsNeeds() throws {
    let list = try Self.repositoryAbbreviations()
    for word in ["lt", "gen", "no", "feb", "mr", "mrs", "dr", "st", "u.s", "p.m"] {
      #expect(list.contains(word), "\(word)")
    }
    #expect(list.allSatisfy { $0 == $0.lowercased() && !$0.hasSuffix(".") && !$0.isEmpty })
  }

  /// Abbreviations read in place (ASCII, up to eight bytes) and as strings (longer or outside ASCII)
  /// both keep a sentence going; a word that only starts like one, or has leading punctuation, does not.
  @Test func abbreviationsOfEveryLengthAndScript() {
    let splitter = SentenceSplitter(abbreviations: ["approxim", "abbreviation", "éd", "bzw", "a1"])
    let text = "See approxim. Ten more. An abbreviation. Then the éd. Second one. Or bzw. The end. "
      + "Also (bzw. Then \"A1. Done. Approximately. The last. Bzwx. Next. Edge (X. Y. Z. Police came."
    #expect(Self.sentences(text, with: splitter) == [
      "See approxim. Ten more.", "An abbreviation. Then the éd. Second one.", "Or bzw. The end.",
      "Also (bzw. Then \"A1. Done.", "Approximately.", "The last.", "Bzwx.", "Next.", "Edge (X. Y. Z. Police came.",
    ])
  }

  /// The eight-byte skip stops at line breaks, terminators and 0xE2 (curly quotes, dashes, `…`); bytes
  /// that look alike (`/`, `>`, tab and other controls) next to terminators or not, give the same
  /// sentences at every alignment of the text.
  @Test func bytesThatShareTheSkipTestsAreReadAsPlainBytes() {
    let splitter = SentenceSplitter(abbreviations: [])
    let text = "Prices rose 3/4 of a point in Q1/Q2.\tOfficials said a > b was \u{201C}likely\u{201D}. "
      + "See https://example.org/a>b for details.\u{0B}Rain fell./ It stopped? Yes, at 10\u{0C}pm! "
      + "Water\u{2019}s edge rose/fell >2 m\u{2026} The end."
    let expected = [
      "Prices rose 3/4 of a point in Q1/Q2.", "Officials said a > b was \u{201C}likely\u{201D}.",
      "See https://example.org/a>b for details.\u{0B}Rain fell./ It stopped?", "Yes, at 10\u{0C}pm!",
      "Water\u{2019}s edge rose/fell >2 m\u{2026}", "The end.",
    ]
    for pad in 0..<9 {
      let padded = "Go" + String(repeating: "o", count: pad) + ". " + text
      var got = Self.sentences(padded, with: splitter)
      if !got.isEmpty { got.removeFirst() }
      #expect(got == expected, "padding \(pad)")
    }
  }

  /// The skip finds LF and CR among all bytes below 0x10: wraps (LF, CRLF, lone CR), blank lines and
  /// bullets next to tabs and other control bytes give the same sentences at every alignment.
  @Test func lineBreaksAmongControlBytesAtEveryAlignment() {
    let splitter = SentenceSplitter(abbreviations: [])
    let text = "A wrapped\nline\tgoes on.\u{01}\u{0E} Next one\r\nwraps too\rand\u{0F}again.\n\nA new "
      + "paragraph\u{08}starts\n- a bullet\n\t* another\r\n\r\nEnd\u{0B}here."
    let expected = [
      "A wrapped\nline\tgoes on.\u{01}\u{0E} Next one\r\nwraps too\rand\u{0F}again.", "A new paragraph\u{08}starts",
      "- a bullet", "* another", "End\u{0B}here.",
    ]
    for pad in 0..<17 {
      let padded = "Go" + String(repeating: "o", count: pad) + ".\n\n" + text
      var got = Self.sentences(padded, with: splitter)
      if !got.isEmpty { got.removeFirst() }
      #expect(got == expected, "padding \(pad)")
    }
  }

  /// Dotted single letters ("U.S", "p.m") end a sentence only before a common opener, in any case mix;
  /// other dotted words ("ph.d", "4.2", "a..b") are looked up as abbreviations.
  @Test func dottedWordsBeforeAPeriod() {
    let splitter = SentenceSplitter(abbreviations: ["ph.d"])
    let text = "In the U.S. The talks. At 9 p.M. Police said. The U.S. Senate voted. A ph.d. Student came. "
      + "It rose 4.2. Then fell. See a..b. Then more."
    #expect(Self.sentences(text, with: splitter) == [
      "In the U.S.", "The talks.", "At 9 p.M.", "Police said.", "The U.S. Senate voted.", "A ph.d. Student came.",
      "It rose 4.2.", "Then fell.", "See a..b.", "Then more.",
    ])
  }
}
