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
    fileprivate var buffers = Buffers()

    /// Empty buffers.
    public init() {}

    deinit { buffers.claims.free() }
  }

  /// The claims of the document being read, in storage that outlives the call: claims are appended
  /// here, and moved at the end into an array of exactly their number. An array grown claim by claim
  /// was reallocated about twice a document (a large block each time, its claims moved), after a
  /// reservation that most documents outgrow. A struct of a pointer, so that a write through it is
  /// not checked for exclusive access.
  struct ClaimStore {
    private var base: UnsafeMutablePointer<Claim>? = nil
    private var capacity = 0
    /// How many claims are stored (initialised) from `base`.
    private(set) var count = 0
    /// Room for the sort keys of `takeInSourceOrder`, kept from document to document (a key array
    /// allocated for each document cost about 5,000 instructions a document in `malloc`).
    private var keys: UnsafeMutablePointer<SourceOrderKey>? = nil
    private var keysCapacity = 0

    /// Appends a claim that carries none of the boxed kinds, built where it is stored (growing the
    /// storage first when it is full), and returns where it lies, to set a boxed kind on.
    mutating func append(
      _ kind: Claim.Kind, layer: ClaimLayer, span: SourceSpan, sentence: String, sentenceIndex: Int,
      hedges: [String], commentAuthor: String?, isHeadline: Bool
    ) -> UnsafeMutablePointer<Claim> {
      if count == capacity { grow() }
      // `grow` always leaves a base, with room for one more.
      let stored = base.unsafelyUnwrapped + count
      stored.initializeClaim(
        kind: kind, layer: layer, span: span, sentence: sentence, sentenceIndex: sentenceIndex,
        hedged: !hedges.isEmpty, hedges: hedges, commentAuthor: commentAuthor, isHeadline: isHeadline)
      count += 1
      return stored
    }

    private mutating func grow() {
      let newCapacity = Swift.max(64, capacity * 2)
      let newBase = UnsafeMutablePointer<Claim>.allocate(capacity: newCapacity)
      if let base {
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
      }
      base = newBase
      capacity = newCapacity
    }

    /// Moves the stored claims into a new array of exactly their number, in source order (by start
    /// offset, then kind name, then end offset, ties in the order stored: a stable sort by
    /// `Claim.precedesInSource`), and leaves the store empty (its storage kept).
    ///
    /// Only small keys are sorted and each claim is moved once: sorting the claims themselves moved
    /// each one (about 200 bytes) several times (17M instructions for 1,000 articles).
    mutating func takeInSourceOrder() -> [Claim] {
      guard let base, count > 0 else { return [] }
      let n = count
      if keysCapacity < n {
        keys?.deallocate()
        keysCapacity = Swift.max(64, n, keysCapacity * 2)
        keys = UnsafeMutablePointer<SourceOrderKey>.allocate(capacity: keysCapacity)
      }
      // The keys are plain integers (trivial): initialised in place and left as they are after use.
      let keys = self.keys.unsafelyUnwrapped
      for i in 0..<n { (keys + i).initialize(to: SourceOrderKey(base[i], index: i)) }
      // Every key differs (the index is the last part), so any sort gives the same order.
      var sorted = UnsafeMutableBufferPointer(start: keys, count: n)
      sorted.sort()
      count = 0
      return [Claim](unsafeUninitializedCapacity: n) { buffer, initialized in
        let out = buffer.baseAddress.unsafelyUnwrapped
        for k in 0..<n { (out + k).moveInitialize(from: base + keys[k].index, count: 1) }
        initialized = n
      }
    }

    /// Destroys the stored claims and frees the storage.
    mutating func free() {
      keys?.deallocate()
      keys = nil
      keysCapacity = 0
      guard let base else { return }
      base.deinitialize(count: count)
      base.deallocate()
      self.base = nil
      capacity = 0
      count = 0
    }
  }

  /// The buffers of a `Scratch`, moved out of it whole for a call of `claims(in:scratch:)` and back at
  /// its end (a property of a class would be checked for exclusive access at every use).
  fileprivate struct Buffers {
    var sentences: [Range<Int>] = []
    var segmentEnds: [Int] = []
    var bytes: [UInt8] = []
    var tokens: [Token] = []
    var words: [Word] = []
    var hedges: [(range: Range<Int>, text: String)] = []
    /// The hedge texts last made for a sentence with hedges (see `claims(in:scratch:)`).
    var lastHedgeWords: [String] = []
    var titleMatches: [PersonTitleExtractor.Match] = []
    var attributionMatches: [AttributionExtractor.Match] = []
    var quantities: [QuantityMatch] = []
    var dateSpans: [DateExtractor.Span] = []
    /// The UTF-8 ranges of the sentence's dates (`dateSpans`' mentions, by the same index).
    var dateRanges: [Range<Int>] = []
    var datelines: [Bool] = []
    var dateTokens: [Range<Int>] = []
    var eventDates: [EventExtractor.DatedSpan] = []
    /// A document's people, titled people and people index (emptied for each document, storage kept).
    var people: [String] = []
    var titled: [(title: String, person: String)] = []
    var peopleIndex = EventExtractor.PeopleIndex()
    var claims = ClaimStore()
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
    isDateline(bytes: Array(sentence.utf8), r)
  }

  /// `isDateline(_:_:)` on the sentence's UTF-8 bytes, already at hand.
  static func isDateline(bytes u: [UInt8], _ r: Range<Int>) -> Bool {
    let n = u.count
    let lo = max(0, min(r.lowerBound, n))
    let hi = max(lo, min(r.upperBound, n))
    // After it, within four bytes: a bracket, a dash or a colon (after spaces and commas), or the end.
    // Tested first: it takes a few bytes, and most dates fail it.
    guard Self.endsDateline(u, hi) else { return false }
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
      let characters = simple ? scalars : u.utf8Slice(0, lo).count
      guard characters < 30 else { return false }
    }
    return true
  }

  /// Whether the bytes from `hi` (within the sentence `u`) end a dateline: within four bytes, a
  /// bracket, a dash or a colon (after spaces and commas), or the end of the sentence.
  private static func endsDateline(_ u: [UInt8], _ hi: Int) -> Bool {
    let n = u.count
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

  /// Whether the hedges' texts are `words`, in order.
  static func sameTexts(_ hedges: [(range: Range<Int>, text: String)], _ words: [String]) -> Bool {
    guard hedges.count == words.count else { return false }
    for k in hedges.indices where hedges[k].text != words[k] { return false }
    return true
  }

  /// `s.first?.isUppercase == true`, told from the first two bytes when they are ASCII: an ASCII byte
  /// other than CR followed by an ASCII byte (or by nothing) is a character of its own (only CR LF,
  /// and non-ASCII marks, join an ASCII byte into a larger character), upper case exactly when it is
  /// A to Z. Making the first `Character` and asking its properties costs hundreds of instructions.
  static func startsUppercase(_ s: String) -> Bool {
    let u = s.utf8
    if let b0 = u.first, b0 < 0x80, b0 != 0x0D {
      let b1 = u.dropFirst().first
      if b1 == nil || b1.unsafelyUnwrapped < 0x80 { return b0 >= 0x41 && b0 <= 0x5A }
    }
    return s.first?.isUppercase == true
  }

  /// The claims of `document`, in reading order.
  public func claims(in document: Document) -> [Claim] { claims(in: document, scratch: Scratch()) }

  /// `claims(in:)` with the buffers of `scratch`, which a caller reading many documents keeps and
  /// passes to every call (on one thread at a time): the same claims, without the buffers allocated
  /// and grown anew for each document.
  public func claims(in document: Document, scratch: Scratch) -> [Claim] {
    // The buffers are moved out of the scratch for the call, and back at its end: a property of a
    // class would be checked for exclusive access at every use.
    var b = Buffers()
    swap(&b, &scratch.buffers)
    defer { swap(&b, &scratch.buffers) }
    // The claim store is held apart from `b` for the call (a pointer and two counts, no reference
    // counted): `addClaim` below captures it, and a nested function that captured `b` made every read
    // of `b`'s buffers as an argument (tokens, bytes, words, for each extractor and sentence) a retain
    // and a release.
    var claims = b.claims
    defer { b.claims = claims }
    /// Whether claims are read from a segment. Headlines carry claims too: a headline that disagrees
    /// with its own story is a classic slip.
    func readsClaims(_ kind: SegmentKind) -> Bool {
      kind == .reportage || kind == .list || kind == .comment || kind == .headline
    }
    // First the sentences of every segment read, into one buffer (`segmentEnds` marks where each
    // segment's end), so that the sentence buffers are sized once for the longest sentence.
    b.sentences.removeAll(keepingCapacity: true)
    b.segmentEnds.removeAll(keepingCapacity: true)
    // By index: a segment bound to a name is copied (its text, map, author and reason retained).
    for k in document.segments.indices where readsClaims(document.segments[k].kind) {
      splitter.split(document.segments[k].text, into: &b.sentences)
      b.segmentEnds.append(b.sentences.count)
    }
    var longest = 0
    for r in b.sentences where r.count > longest { longest = r.count }
    if b.bytes.capacity < longest {
      b.bytes = []
      b.bytes.reserveCapacity(longest)
    }
    // A sentence has about one token for every five bytes; half as many as bytes leaves room to spare.
    let wantedTokens = longest / 2 + 8
    if b.tokens.capacity < wantedTokens {
      b.tokens = []
      b.tokens.reserveCapacity(wantedTokens)
    }
    if b.words.capacity < wantedTokens {
      b.words = []
      b.words.reserveCapacity(wantedTokens)
    }

    // Claims are appended to the scratch's store (`b.claims`, empty), and moved into the result at the end.
    // The document's people, titled people and people index, in the scratch's storage (emptied here):
    // arrays made for each document were grown from nothing, a few allocations a document. Locals
    // for the call, moved out of `b` and back.
    var people: [String] = []
    swap(&people, &b.people)
    people.removeAll(keepingCapacity: true)
    defer { swap(&people, &b.people) }
    // What the event extractor reads of each person, grown with `people`.
    var peopleIndex = EventExtractor.PeopleIndex()
    swap(&peopleIndex, &b.peopleIndex)
    peopleIndex.removeAll()
    defer { swap(&peopleIndex, &b.peopleIndex) }
    var titled: [(title: String, person: String)] = []
    swap(&titled, &b.titled)
    titled.removeAll(keepingCapacity: true)
    defer { swap(&titled, &b.titled) }
    var previousSpeaker: String? = nil
    var sentenceIndex = 0
    var currentPlace: String? = nil
    var segmentNumber = 0
    var firstSentence = 0
    // By index, and only the fields read bound: `for segment in document.segments where …` copied
    // every segment before its kind was tested, and a whole segment bound to a name is a copy too
    // (its text, map, author and reason retained, then released). The author is read in place, for
    // comment claims only.
    for k in document.segments.indices where readsClaims(document.segments[k].kind) {
      let segmentKind = document.segments[k].kind
      let text = document.segments[k].text
      let map = document.segments[k].map
      let layer = segmentKind.layer
      if layer == .comment { previousSpeaker = nil }
      let lastSentence = b.segmentEnds[segmentNumber]
      defer {
        segmentNumber += 1
        firstSentence = lastSentence
      }
      for sentenceNumber in firstSentence..<lastSentence {
        let range = b.sentences[sentenceNumber]
        defer { sentenceIndex += 1 }
        // The sentence's text is made when its first claim is kept: the extractors read the sentence's
        // bytes (`b.bytes`), and a sentence without a claim (about one in six) needs no string.
        var sentence = Optional<String>.none
        let base = range.lowerBound
        func span(_ r: Range<Int>) -> SourceSpan {
          document.span(text: text, map: map, textStart: base + r.lowerBound, textEnd: base + r.upperBound)
        }
        /// Appends a claim of the sentence, and returns where it lies, to set its boxed kind on.
        func addClaim(_ kind: Claim.Kind, _ r: Range<Int>, hedgeWords: [String]) -> UnsafeMutablePointer<Claim> {
          if sentence == nil { sentence = Segment.slice(text, range.lowerBound, range.upperBound) }
          return claims.append(
            kind, layer: layer, span: span(r), sentence: sentence.unsafelyUnwrapped, sentenceIndex: sentenceIndex,
            hedges: hedgeWords,
            commentAuthor: layer == .comment ? document.segments[k].author : nil, isHeadline: segmentKind == .headline)
        }
        // One tokenisation of the sentence serves hedges, dates and figures. The bytes are copied from
        // the segment's text in place: the sentence's ends are boundaries of code points (the splitter
        // cuts only there), so they are the bytes of the sentence's string.
        b.bytes.removeAll(keepingCapacity: true)
        text.withUTF8Bytes { b.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        var plain = false
        Tokenizer.tokenize(b.bytes, into: &b.tokens, plain: &plain)
        shared.extraction.mark(&b.tokens)
        b.hedges.removeAllShort()
        shared.hedges.hedges(tokens: b.tokens, bytes: b.bytes, into: &b.hedges)
        // The sentence's hedge texts, shared by its claims. A sentence whose hedges read as those of
        // the last sentence with hedges (often "according to" or "reportedly" again) shares that
        // sentence's array: equal arrays are the same value, so only the allocation is saved.
        let hedgeWords: [String]
        if b.hedges.isEmpty {
          hedgeWords = []
        } else if Self.sameTexts(b.hedges, b.lastHedgeWords) {
          hedgeWords = b.lastHedgeWords
        } else {
          hedgeWords = b.hedges.map(\.text)
          b.lastHedgeWords = hedgeWords
        }
        // The words share the strings of the tokens that cover the same bytes.
        b.tokens.withUnsafeBufferPointer { t in
          b.bytes.withUnsafeBufferPointer { WordScanner.words(bytes: $0, tokens: t, plain: plain, into: &b.words) }
        }

        // The spans buffer is moved out of `b` for the call (and back after it): read and written in the
        // same call, `b.tokens` was retained and released once per sentence.
        // The tokens are moved out too: read from `b` (whose buffers closures above borrow), they were
        // retained for the call and released after the figures were read.
        var dateSpans: [DateExtractor.Span] = []
        swap(&dateSpans, &b.dateSpans)
        var dateTokens: [Token] = []
        swap(&dateTokens, &b.tokens)
        shared.dates.spans(dateTokens, documentDate: document.date, into: &dateSpans)
        swap(&dateTokens, &b.tokens)
        swap(&dateSpans, &b.dateSpans)
        b.dateRanges.removeAllShort()
        b.dateTokens.removeAllShort()
        for k in b.dateSpans.indices {
          let t = b.dateSpans[k].tokens
          b.dateRanges.append(b.tokens[t.lowerBound].start..<b.tokens[t.upperBound - 1].end)
          b.dateTokens.append(t)
        }
        // The mentions are read and changed in place in `dateSpans`, and moved from there into their
        // claims: a match holding a copy of each mention retained its strings twice more.
        // "today" inside a quote is the day the words were spoken, which the article need not say.
        let quote = attributions.quoteRange(bytes: b.bytes)
        if let q = quote {
          for k in b.dateSpans.indices where b.dateSpans[k].mention.isRelative && q.contains(b.dateRanges[k].lowerBound) {
            b.dateSpans[k].mention.isTentative = true
          }
        }
        b.datelines.removeAllShort()
        for k in b.dateRanges.indices { b.datelines.append(Self.isDateline(bytes: b.bytes, b.dateRanges[k])) }
        // The dates events are placed on, read before the mentions are moved into their claims.
        b.eventDates.removeAllShort()
        for k in b.dateSpans.indices {
          guard let d = b.dateSpans[k].mention.resolved, b.dateSpans[k].mention.granularity == "day",
            !b.dateSpans[k].mention.isTentative, !b.datelines[k]
          else { continue }
          b.eventDates.append(EventExtractor.DatedSpan(range: b.dateRanges[k], date: d))
        }
        // Each claim is built where it is stored, and its boxed value set there: a claim finished in a
        // variable and then stored is copied (every string and box retained) and destroyed. The mentions
        // are moved out of `dateSpans` in order (reversed by moving, then taken with `popLast`).
        b.dateSpans.reverseByMoving()
        var dateNumber = 0
        while var span = b.dateSpans.popLast() {
          // The mention is finished before it is stored: each write to `c.date` boxes it anew.
          span.mention.isDateline = b.datelines[dateNumber]
          addClaim(.date, b.dateRanges[dateNumber], hedgeWords: hedgeWords).pointee.date = (consume span).mention
          dateNumber += 1
        }
        // The matches buffer is moved out of `b` before the call (so that `b`'s tokens, bytes and date
        // tokens are lent to it without retains) and back after the loop, empty, its storage kept.
        var quantityMatches: [QuantityMatch] = []
        swap(&quantityMatches, &b.quantities)
        quantities.extract(tokens: b.tokens, bytes: b.bytes, dateTokens: b.dateTokens, into: &quantityMatches)
        // Each match is moved out of the buffer into its claim: copied, its quantity's strings and arrays
        // were retained here and released when the buffer was cleared for the next sentence. The buffer
        // is moved out of `b` for the loop (and back after it, empty, its storage kept), reversed so that
        // `popLast` takes the matches in order.
        quantityMatches.reverseByMoving()
        while let m = quantityMatches.popLast() {
          let r = m.range
          // By index: `contains(where:)` copied each date match (its mention's strings retained).
          var overlapsDate = false
          for d in b.dateRanges.indices where b.dateRanges[d].overlaps(r) {
            overlapsDate = true
            break
          }
          if overlapsDate { continue }
          // The sentence's hedges are passed on as they are unless some do not bear on this figure.
          let stored: UnsafeMutablePointer<Claim>
          if let narrowed = HedgeDetector.narrowed(
            b.hedges, all: hedgeWords, figureStart: r.lowerBound, nounEnd: m.nounEnd, in: b.bytes)
          {
            stored = addClaim(.quantity, r, hedgeWords: narrowed)
          } else {
            stored = addClaim(.quantity, r, hedgeWords: hedgeWords)
          }
          if let ar = m.quantity.actionRange { stored.pointee.actionSpan = span(ar) }
          stored.pointee.quantity = m.quantity
        }
        swap(&quantityMatches, &b.quantities)
        // The matches of titles, attributions and events are moved one by one out of their arrays (reversed
        // so that `popLast` takes them in order) into their claims: `for m in matches` copied each match
        // (every string of it retained), and the claim's value was copied from it again.
        // The matches are found into the scratch's buffers, and taken out of them (left empty, their
        // storage kept for the next sentence).
        titles.extract(bytes: b.bytes, words: b.words, into: &b.titleMatches)
        b.titleMatches.reverseByMoving()
        while let m = b.titleMatches.popLast() {
          // The span covers title and name together ("Deputy Chief Justice Amara Nwosu").
          let whole = min(m.personRange.lowerBound, m.titleRange.lowerBound)..<max(m.personRange.upperBound, m.titleRange.upperBound)
          // The title is moved out of the match before its fields are read: each read of
          // `m.title.person` copied the whole match (its strings and roles retained, then released),
          // five copies a match.
          let title = (consume m).title
          if title.person.fastContains(" "), !people.contains(title.person) { people.append(title.person) }
          titled.append((title.title.lowercased(), title.person))
          addClaim(.title, whole, hedgeWords: hedgeWords).pointee.title = consume title
        }
        attributions.extract(
          bytes: b.bytes, words: b.words, quote: quote, people: people, previousSpeaker: previousSpeaker, titled: titled,
          into: &b.attributionMatches)
        b.attributionMatches.reverseByMoving()
        while let m = b.attributionMatches.popLast() {
          let speaker = m.attribution.speaker
          if speaker.fastContains(" "), Self.startsUppercase(speaker), !people.contains(speaker),
            speaker.split(separator: " ").count <= 4
          {
            people.append(speaker)
          }
          previousSpeaker = consume speaker
          // The attribution is moved out of its match (consumed), not copied.
          let kind: Claim.Kind = m.attribution.isQuote ? .quote : .attribution
          let range = m.speakerRange
          addClaim(kind, range, hedgeWords: hedgeWords).pointee.attribution = (consume m).attribution
        }
        if layer == .reportage, let p = events.placeOrAnyCity(in: b.words) { currentPlace = p }
        var eventMatches = events.extract(
          bytes: b.bytes, words: b.words, dates: b.eventDates, people: people, index: &peopleIndex)
        eventMatches.reverseByMoving()
        while var m = eventMatches.popLast() {
          // The event is finished before it is stored: each write to `c.event` boxes it anew.
          // An event without a place in its sentence takes the place the article last named.
          if m.event.place == nil {
            m.event.place = currentPlace
            m.event.placeIsStated = false
          }
          addClaim(.event, m.range, hedgeWords: hedgeWords).pointee.event = m.event
        }
      }
    }
    return claims.takeInSourceOrder()
  }
}

extension Claim {
  /// The order of a document's claims: by start offset, then kind name, then end offset.
  static func precedesInSource(_ a: Claim, _ b: Claim) -> Bool {
    a.span.startOffset != b.span.startOffset ? a.span.startOffset < b.span.startOffset
      : (a.kind.rawValue, a.span.endOffset) < (b.kind.rawValue, b.span.endOffset)
  }
}

/// What `Claim.precedesInSource` compares, with the claim's place in the store as the last key (so
/// that sorting the keys gives the order of a stable sort of the claims).
struct SourceOrderKey: Comparable {
  var start: Int
  var kind: Int
  var end: Int
  var index: Int

  init(_ claim: Claim, index: Int) {
    start = claim.span.startOffset
    kind = Self.rank(claim.kind)
    end = claim.span.endOffset
    self.index = index
  }

  /// The place of `kind`'s name among the kinds' names in alphabetical order (tested against the names).
  static func rank(_ kind: Claim.Kind) -> Int {
    switch kind {
    case .attribution: 0
    case .date: 1
    case .event: 2
    case .quantity: 3
    case .quote: 4
    case .title: 5
    }
  }

  static func < (a: Self, b: Self) -> Bool {
    (a.start, a.kind, a.end, a.index) < (b.start, b.kind, b.end, b.index)
  }
}

extension Array where Element == UInt8 {
  /// The text of the UTF-8 bytes from `start` to `end` (clamped to the bytes): `Segment.slice` of the
  /// string these bytes are, for a caller that holds a sentence's bytes and not its string. The
  /// offsets are boundaries of code points, as those given to `Segment.slice` are.
  func utf8Slice(_ start: Int, _ end: Int) -> String {
    let s = Swift.max(0, Swift.min(start, count))
    let e = Swift.max(s, Swift.min(end, count))
    if s == e { return "" }
    return withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
  }
}

extension Array {
  /// `removeAll(keepingCapacity: true)` for a buffer of a few elements (a sentence's dates): the
  /// elements removed one by one from the end. `removeAll(keepingCapacity:)` goes through the generic
  /// `replaceSubrange`, a hundred instructions and more even for one element; `removeLast` takes a
  /// few. Storage is kept either way. Not for long buffers (a sentence's bytes).
  @inline(__always)
  mutating func removeAllShort() {
    while !isEmpty { removeLast() }
  }

  /// `reverse()` by moving the elements: `MutableCollection.reverse` on an array swaps through
  /// copies (each element's strings and arrays retained, then released); the buffer pointer's
  /// `swapAt` moves them (bitwise, no retain). Same order as `reverse()`.
  @inline(__always)
  mutating func reverseByMoving() {
    withUnsafeMutableBufferPointer { buffer in
      guard buffer.count > 1, let base = buffer.baseAddress else { return }
      var i = 0
      var j = buffer.count - 1
      while i < j {
        let element = (base + i).move()
        (base + i).moveInitialize(from: base + j, count: 1)
        (base + j).initialize(to: element)
        i += 1
        j -= 1
      }
    }
  }
}
