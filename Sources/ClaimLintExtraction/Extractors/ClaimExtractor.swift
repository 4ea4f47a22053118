import ClaimLintCore

/// Reads every claim of a segmented document: figures, dates, attributions and quotes, people's
/// titles and events, sentence by sentence, in reading order.
///
/// Only segments that carry claims are read (reportage, lists and reader comments); claims from
/// comments carry `layer: .comment`.
public struct ClaimExtractor: Sendable {
  private let splitter: SentenceSplitter
  private let quantities: QuantityExtractor
  private let dates: DateExtractor
  private let hedges: HedgeDetector
  private let titles: PersonTitleExtractor
  private let attributions: AttributionExtractor
  private let events: EventExtractor
  private let extraction: ExtractionLexicons

  public init(lexicons: LexiconSet, extraction: ExtractionLexicons) {
    splitter = SentenceSplitter(lexicons: lexicons)
    quantities = QuantityExtractor(lexicons: extraction)
    dates = DateExtractor(lexicons: extraction)
    hedges = HedgeDetector(lexicons: extraction)
    titles = PersonTitleExtractor(lexicons: lexicons)
    attributions = AttributionExtractor(lexicons: lexicons)
    events = EventExtractor(lexicons: lexicons)
    self.extraction = extraction
  }

  /// The sentences of a segment as UTF-8 ranges of its text.
  public func sentences(of segment: Segment) -> [Range<Int>] { splitter.split(segment.text) }

  /// Whether a date sits in a dateline at the start of a sentence: a few words with a comma before it
  /// ("LISBON, May 16", "China News Service, Chiang Mai, August 16") and a dash or a bracket after it.
  static func isDateline(_ sentence: String, _ r: Range<Int>) -> Bool {
    isDateline(sentence, bytes: Array(sentence.utf8), r)
  }

  /// `isDateline(_:_:)` on the sentence's UTF-8 bytes, already at hand.
  static func isDateline(_ sentence: String, bytes u: [UInt8], _ r: Range<Int>) -> Bool {
    let n = u.count
    let lo = max(0, min(r.lowerBound, n))
    let hi = max(lo, min(r.upperBound, n))
    // Before the date: a comma, at most eight words, and no period unless it is short.
    var comma = false
    var period = false
    var words = 0
    var inWord = false
    var simple = true  // ASCII without carriage returns: one character a byte
    var scalars = 0
    for b in u[0..<lo] {
      if b == 0x2C { comma = true } else if b == 0x2E { period = true }
      if b == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
        // More than eight words before the date: no dateline, whatever follows.
        if words > 8 { return false }
      }
      if b >= 0x80 || b == 0x0D { simple = false }
      if b & 0xC0 != 0x80 { scalars += 1 }
    }
    guard comma, words <= 8 else { return false }
    if period {
      let characters = simple ? scalars : Segment.slice(sentence, 0, lo).count
      guard characters < 30 else { return false }
    }
    // After it, within four bytes: a bracket, a dash or a colon (after spaces and commas), or the end.
    let window = u[hi..<min(n, hi + 4)]
    var k = window.startIndex
    while k < window.endIndex, window[k] == 0x20 || window[k] == 0x2C { k += 1 }
    if k < window.endIndex {
      let b = window[k]
      if b == 0x28 || b == 0x2D || b == 0x3A { return true }
      if b == 0xE2, k + 2 < window.endIndex, window[k + 1] == 0x80, window[k + 2] == 0x94 || window[k + 2] == 0x93 { return true }
    }
    return window.first == 0x20 && hi + 1 >= n
  }

  public func claims(in document: Document) -> [Claim] {
    var out: [Claim] = []
    var people: [String] = []
    var titled: [(title: String, person: String)] = []
    var previousSpeaker: String? = nil
    var sentenceIndex = 0
    var currentPlace: String? = nil
    // One buffer each for the bytes, tokens and words of a sentence, reused sentence after sentence.
    var bytes: [UInt8] = []
    var tokens: [Token] = []
    var words: [Word] = []
    // Headlines carry claims too: a headline that disagrees with its own story is a classic slip.
    for segment in document.segments
    where segment.kind == .reportage || segment.kind == .list || segment.kind == .comment || segment.kind == .headline {
      let layer = segment.kind.layer
      if layer == .comment { previousSpeaker = nil }
      for range in splitter.split(segment.text) {
        defer { sentenceIndex += 1 }
        let sentence = Segment.slice(segment.text, range.lowerBound, range.upperBound)
        let base = range.lowerBound
        func span(_ r: Range<Int>) -> SourceSpan {
          document.span(segment: segment, textStart: base + r.lowerBound, textEnd: base + r.upperBound)
        }
        func claim(_ kind: Claim.Kind, _ r: Range<Int>, hedgeWords: [String]) -> Claim {
          var c = Claim(
            kind: kind, layer: layer, span: span(r), sentence: sentence, sentenceIndex: sentenceIndex,
            hedged: !hedgeWords.isEmpty, hedges: hedgeWords, commentAuthor: layer == .comment ? segment.author : nil)
          c.isHeadline = segment.kind == .headline
          return c
        }
        // One tokenisation of the sentence serves hedges, dates and figures.
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: sentence.utf8)
        var plain = false
        Tokenizer.tokenize(bytes, into: &tokens, plain: &plain)
        extraction.mark(&tokens)
        let hedgeMatches = hedges.hedges(tokens: tokens, bytes: bytes)
        let hedgeWords = hedgeMatches.map(\.text)
        // The words share the strings of the tokens that cover the same bytes.
        tokens.withUnsafeBufferPointer { t in
          bytes.withUnsafeBufferPointer { WordScanner.words(bytes: $0, tokens: t, plain: plain, into: &words) }
        }

        let dateSpans = dates.spans(tokens, documentDate: document.date)
        var dateMatches = dateSpans.map { s in
          DateMatch(range: tokens[s.tokens.lowerBound].start..<tokens[s.tokens.upperBound - 1].end, mention: s.mention)
        }
        // "today" inside a quote is the day the words were spoken, which the article need not say.
        let quote = attributions.quoteRange(bytes: bytes, sentence: sentence)
        if let q = quote {
          for k in dateMatches.indices where dateMatches[k].mention.isRelative && q.contains(dateMatches[k].range.lowerBound) {
            dateMatches[k].mention.isTentative = true
          }
        }
        let datelines = dateMatches.map { Self.isDateline(sentence, bytes: bytes, $0.range) }
        // Each claim is appended first and its boxed value set on the stored claim, in place: a claim
        // finished in a variable and then appended is copied (every string and box retained) and destroyed.
        for (m, dateline) in zip(dateMatches, datelines) {
          // The mention is finished before it is stored: each write to `c.date` boxes it anew.
          var mention = m.mention
          mention.isDateline = dateline
          out.append(claim(.date, m.range, hedgeWords: hedgeWords))
          out[out.count - 1].date = mention
        }
        for m in quantities.extract(tokens: tokens, bytes: bytes, dateTokens: dateSpans.map(\.tokens))
        where !dateMatches.contains(where: { $0.range.overlaps(m.range) }) {
          out.append(claim(.quantity, m.range, hedgeWords: HedgeDetector.scoped(hedgeMatches, to: m, in: bytes)))
          out[out.count - 1].quantity = m.quantity
          if let ar = m.quantity.actionRange { out[out.count - 1].actionSpan = span(ar) }
        }
        let titleMatches = titles.extract(from: sentence, words: words)
        for m in titleMatches {
          if m.title.person.fastContains(" "), !people.contains(m.title.person) { people.append(m.title.person) }
          titled.append((m.title.title.lowercased(), m.title.person))
          // The span covers title and name together ("Deputy Chief Justice Amara Nwosu").
          let whole = min(m.personRange.lowerBound, m.titleRange.lowerBound)..<max(m.personRange.upperBound, m.titleRange.upperBound)
          out.append(claim(.title, whole, hedgeWords: hedgeWords))
          out[out.count - 1].title = m.title
        }
        for m in attributions.extract(
          from: sentence, words: words, quote: quote, people: people, previousSpeaker: previousSpeaker, titled: titled)
        {
          out.append(claim(m.attribution.isQuote ? .quote : .attribution, m.speakerRange, hedgeWords: hedgeWords))
          out[out.count - 1].attribution = m.attribution
          previousSpeaker = m.attribution.speaker
          if m.attribution.speaker.fastContains(" "), m.attribution.speaker.first?.isUppercase == true,
            !people.contains(m.attribution.speaker), m.attribution.speaker.split(separator: " ").count <= 4
          {
            people.append(m.attribution.speaker)
          }
        }
        let eventDates = zip(dateMatches, datelines).compactMap { m, dateline -> EventExtractor.DatedSpan? in
          guard let d = m.mention.resolved, m.mention.granularity == "day", !m.mention.isTentative, !dateline else { return nil }
          return EventExtractor.DatedSpan(range: m.range, date: d)
        }
        if layer == .reportage, let p = events.place(in: words) ?? events.anyCity(in: words) { currentPlace = p }
        for m in events.extract(from: sentence, words: words, dates: eventDates, people: people) {
          // The event is finished before it is stored: each write to `c.event` boxes it anew.
          var event = m.event
          // An event without a place in its sentence takes the place the article last named.
          if event.place == nil {
            event.place = currentPlace
            event.placeIsStated = false
          }
          out.append(claim(.event, m.range, hedgeWords: hedgeWords))
          out[out.count - 1].event = event
        }
      }
    }
    // Sorted in place: `sorted` would copy every claim first.
    out.sort { a, b in
      a.span.startOffset != b.span.startOffset ? a.span.startOffset < b.span.startOffset
        : (a.kind.rawValue, a.span.endOffset) < (b.kind.rawValue, b.span.endOffset)
    }
    return out
  }
}
