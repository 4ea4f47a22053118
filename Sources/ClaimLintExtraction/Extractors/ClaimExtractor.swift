import ClaimLintCore

/// Reads every claim of a segmented document: figures, dates, attributions and quotes, people's
/// titles and events, sentence by sentence, in reading order.
///
/// Only segments that carry claims are read (reportage, lists and reader comments); claims from
/// comments carry `layer: .comment`.
public struct ClaimExtractor: Sendable {
  private let splitter: SentenceSplitter
  private let quantities: QuantityExtractor
  private let titles: PersonTitleExtractor
  private let attributions: AttributionExtractor
  private let events: EventExtractor
  /// The extraction lexicons, and the extractors that hold them, behind one reference: the lexicons
  /// are close to a kilobyte, and a struct that holds them by value is copied whole before a call of
  /// one of its methods that is not inlined (`mark`, `spans`).
  private let shared: Shared

  /// The one reference to the extraction lexicons and the extractors that hold them.
  private final class Shared: Sendable {
    let extraction: ExtractionLexicons
    let dates: DateExtractor
    let hedges: HedgeDetector
    init(_ extraction: ExtractionLexicons) {
      self.extraction = extraction
      dates = DateExtractor(lexicons: extraction)
      hedges = HedgeDetector(lexicons: extraction)
    }
  }

  /// Buffers that `claims(in:scratch:)` reuses, sentence after sentence and document after document:
  /// a caller that reads many documents on one thread keeps one and passes it to every call, so that
  /// the buffers for a sentence's bytes, tokens, words and matches are not allocated and grown anew
  /// for each document. Not `Sendable`: one scratch serves one thread at a time.
  public final class Scratch {
    fileprivate var sentences: [Range<Int>] = []
    fileprivate var segmentEnds: [Int] = []
    fileprivate var bytes: [UInt8] = []
    fileprivate var tokens: [Token] = []
    fileprivate var words: [Word] = []
    fileprivate var quantities: [QuantityMatch] = []
    fileprivate var dateMatches: [DateMatch] = []
    fileprivate var datelines: [Bool] = []
    fileprivate var dateTokens: [Range<Int>] = []

    /// Empty buffers.
    public init() {}
  }

  public init(lexicons: LexiconSet, extraction: ExtractionLexicons) {
    splitter = SentenceSplitter(lexicons: lexicons)
    quantities = QuantityExtractor(lexicons: extraction)
    titles = PersonTitleExtractor(lexicons: lexicons)
    attributions = AttributionExtractor(lexicons: lexicons)
    events = EventExtractor(lexicons: lexicons)
    shared = Shared(extraction)
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

  /// The claims of `document`, in reading order.
  public func claims(in document: Document) -> [Claim] { claims(in: document, scratch: Scratch()) }

  /// `claims(in:)` with the buffers of `scratch`, which a caller reading many documents keeps and
  /// passes to every call (on one thread at a time): the same claims, without the buffers allocated
  /// and grown anew for each document.
  public func claims(in document: Document, scratch: Scratch) -> [Claim] {
    // The buffers are moved out of the scratch for the call, and back at its end: a property of a
    // class would be checked for exclusive access at every use.
    var sentences: [Range<Int>] = []
    var segmentEnds: [Int] = []
    var bytes: [UInt8] = []
    var tokens: [Token] = []
    var words: [Word] = []
    var quantityMatches: [QuantityMatch] = []
    var dateMatches: [DateMatch] = []
    var datelines: [Bool] = []
    var dateTokens: [Range<Int>] = []
    swap(&sentences, &scratch.sentences)
    swap(&segmentEnds, &scratch.segmentEnds)
    swap(&bytes, &scratch.bytes)
    swap(&tokens, &scratch.tokens)
    swap(&words, &scratch.words)
    swap(&quantityMatches, &scratch.quantities)
    swap(&dateMatches, &scratch.dateMatches)
    swap(&datelines, &scratch.datelines)
    swap(&dateTokens, &scratch.dateTokens)
    defer {
      swap(&sentences, &scratch.sentences)
      swap(&segmentEnds, &scratch.segmentEnds)
      swap(&bytes, &scratch.bytes)
      swap(&tokens, &scratch.tokens)
      swap(&words, &scratch.words)
      swap(&quantityMatches, &scratch.quantities)
      swap(&dateMatches, &scratch.dateMatches)
      swap(&datelines, &scratch.datelines)
      swap(&dateTokens, &scratch.dateTokens)
    }
    /// Whether claims are read from a segment. Headlines carry claims too: a headline that disagrees
    /// with its own story is a classic slip.
    func readsClaims(_ kind: SegmentKind) -> Bool {
      kind == .reportage || kind == .list || kind == .comment || kind == .headline
    }
    // First the sentences of every segment read, into one buffer (`segmentEnds` marks where each
    // segment's end), so that the sentence buffers are sized once for the longest sentence.
    sentences.removeAll(keepingCapacity: true)
    segmentEnds.removeAll(keepingCapacity: true)
    for segment in document.segments where readsClaims(segment.kind) {
      splitter.split(segment.text, into: &sentences)
      segmentEnds.append(sentences.count)
    }
    var longest = 0
    for r in sentences where r.count > longest { longest = r.count }
    if bytes.capacity < longest {
      bytes = []
      bytes.reserveCapacity(longest)
    }
    // A sentence has about one token for every five bytes; half as many as bytes leaves room to spare.
    let wantedTokens = longest / 2 + 8
    if tokens.capacity < wantedTokens {
      tokens = []
      tokens.reserveCapacity(wantedTokens)
    }
    if words.capacity < wantedTokens {
      words = []
      words.reserveCapacity(wantedTokens)
    }

    // About two claims a sentence: room for them at once rather than a doubling after every few.
    var out: [Claim] = []
    out.reserveCapacity(2 * sentences.count + 8)
    var people: [String] = []
    var titled: [(title: String, person: String)] = []
    var previousSpeaker: String? = nil
    var sentenceIndex = 0
    var currentPlace: String? = nil
    var segmentNumber = 0
    var firstSentence = 0
    for segment in document.segments where readsClaims(segment.kind) {
      let layer = segment.kind.layer
      if layer == .comment { previousSpeaker = nil }
      let lastSentence = segmentEnds[segmentNumber]
      defer {
        segmentNumber += 1
        firstSentence = lastSentence
      }
      for sentenceNumber in firstSentence..<lastSentence {
        let range = sentences[sentenceNumber]
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
        shared.extraction.mark(&tokens)
        let hedgeMatches = shared.hedges.hedges(tokens: tokens, bytes: bytes)
        let hedgeWords = hedgeMatches.map(\.text)
        // The words share the strings of the tokens that cover the same bytes.
        tokens.withUnsafeBufferPointer { t in
          bytes.withUnsafeBufferPointer { WordScanner.words(bytes: $0, tokens: t, plain: plain, into: &words) }
        }

        let dateSpans = shared.dates.spans(tokens, documentDate: document.date)
        dateMatches.removeAll(keepingCapacity: true)
        dateTokens.removeAll(keepingCapacity: true)
        for s in dateSpans {
          dateMatches.append(
            DateMatch(range: tokens[s.tokens.lowerBound].start..<tokens[s.tokens.upperBound - 1].end, mention: s.mention))
          dateTokens.append(s.tokens)
        }
        // "today" inside a quote is the day the words were spoken, which the article need not say.
        let quote = attributions.quoteRange(bytes: bytes, sentence: sentence)
        if let q = quote {
          for k in dateMatches.indices where dateMatches[k].mention.isRelative && q.contains(dateMatches[k].range.lowerBound) {
            dateMatches[k].mention.isTentative = true
          }
        }
        datelines.removeAll(keepingCapacity: true)
        for k in dateMatches.indices { datelines.append(Self.isDateline(sentence, bytes: bytes, dateMatches[k].range)) }
        // Each claim is appended first and its boxed value set on the stored claim, in place: a claim
        // finished in a variable and then appended is copied (every string and box retained) and destroyed.
        for k in dateMatches.indices {
          // The mention is finished before it is stored: each write to `c.date` boxes it anew.
          var mention = dateMatches[k].mention
          mention.isDateline = datelines[k]
          out.append(claim(.date, dateMatches[k].range, hedgeWords: hedgeWords))
          out[out.count - 1].date = mention
        }
        quantities.extract(tokens: tokens, bytes: bytes, dateTokens: dateTokens, into: &quantityMatches)
        // Each match is read in place: a `QuantityMatch` copied is every string of its quantity retained.
        for k in quantityMatches.indices {
          let r = quantityMatches[k].range
          if dateMatches.contains(where: { $0.range.overlaps(r) }) { continue }
          out.append(claim(.quantity, r, hedgeWords: HedgeDetector.scoped(hedgeMatches, all: hedgeWords, to: quantityMatches[k], in: bytes)))
          out[out.count - 1].quantity = quantityMatches[k].quantity
          if let ar = quantityMatches[k].quantity.actionRange { out[out.count - 1].actionSpan = span(ar) }
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
