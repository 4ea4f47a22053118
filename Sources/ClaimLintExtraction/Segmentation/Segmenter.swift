import ClaimLintCore

/// Classifies a reader's blocks into segments (headline, dateline, byline, subheading, reportage,
/// list, related, boilerplate, comments) and finds the document's own date.
///
/// Blocks that the format already classified (`Block.hint`, set by the HTML reader) keep their kind
/// and are only refined: a heading becomes a headline or subheading, a list item a list, and blocks
/// that share a `group` become one comment. Other blocks are judged by layout (short lines without a
/// final period, position in the article) and by the marker phrases and language names of
/// `SegmentationLexicons`. Every segment that is not plain reportage carries a `reason`.
public struct Segmenter: Sendable {
  public let lexicons: SegmentationLexicons

  /// Blocks with at most this many words count as short lines.
  static let shortWords = 12
  /// A comments header has at most this many words.
  static let headerWords = 6
  /// At most this many lines form a trailing credit block.
  static let creditLines = 6

  public init(lexicons: SegmentationLexicons) {
    self.lexicons = lexicons
  }

  /// Classifies blocks into segments and finds the document date.
  ///
  /// `read` is consumed: given at its last use, its blocks are owned by the pass alone, and their
  /// texts and maps move into the segments instead of being copied (see `SegmentationPass.takeSegments`).
  public func segment(_ read: consuming ReadResult, source: SourceFile, format: DocumentFormat) -> Document {
    var pass = SegmentationPass(lexicons: lexicons, read: consume read, format: format)
    pass.run(lexicons: lexicons)
    let segments = pass.takeSegments()
    return Document(
      source: source, format: format, title: pass.title, author: pass.author, date: pass.date,
      dateEvidence: pass.dateEvidence, segments: segments, remarks: pass.read.remarks + pass.remarks)
  }
}

/// One run of the segmenter over one document.
struct SegmentationPass {
  /// A block's measures and, once decided, its kind.
  ///
  /// A struct of plain values that names its block by index: the block's text, map, author, group
  /// and reason are read from `read.blocks` where they are needed, so no block is copied and no item
  /// is allocated on its own. The few block fields that the rules test everywhere (role, level, hint,
  /// length) are kept in the item; the item's marker, reason and author, which hold strings, are kept
  /// beside it (`markers`, `reasons`, `authors`, same indices), so copying an item retains nothing.
  struct Item {
    /// Word counts stop here: the pass compares them with 40 words or fewer, never more.
    static let wordCap = 41

    /// The block's index in `read.blocks`.
    let block: Int
    let role: Block.Role
    let level: Int
    let hint: SegmentKind?
    /// The block text's length in UTF-8 bytes.
    let bytes: Int
    /// The block's words, or `wordCap` when it has that many or more.
    let words: Int
    let endsSentence: Bool
    var kind: SegmentKind?
    /// Blocks with the same comment id form one comment segment.
    var commentID: Int?
    /// True for a comment's author line, which is not emitted as text.
    var isAuthorLine = false
    var dateLine: DateText.Match?

    var isOpen: Bool { hint == nil && kind == nil }
    var isShort: Bool { words <= Segmenter.shortWords && bytes <= 160 }
  }

  // The lexicons are not stored in the pass but lent to the passes that read them: a stored copy
  // retains each of their tables (and the segmenter was copied to make it).
  /// The reader's result; `takeSegments` moves its blocks' texts and maps out.
  var read: ReadResult
  let format: DocumentFormat
  var items: [Item]
  /// For each item, the marker phrase its block's lower-cased, space-folded text matches (short
  /// blocks only).
  var markers: [SegmentationLexicons.MarkerMatch?]
  /// For each item, why it has its kind (nil for plain reportage).
  var reasons: [String?]
  /// For each comment item, its author; empty until an author is set (`setAuthor`), as it stays in
  /// most documents, which have no comments: read it through `author(_:)`.
  var authors: [String?]
  var remarks: [String]
  // No stored property has an initial value, and the optionals are spelled `Optional<…>` (a `T?`
  // stored `var` is set to nil before the initializer runs): otherwise the optimizer builds the pass
  // aside and copies it into place, every array and string retained, then released.
  var title: Optional<String>
  var author: Optional<String>
  var date: Optional<CalendarDate>
  var dateEvidence: Optional<String>
  var nextCommentID: Int
  /// Index of the comments header, when the article has one.
  var commentsHeader: Optional<Int>

  /// Only blocks of at most this many words are compared with marker phrases.
  static let markerWords = 25

  init(lexicons: borrowing SegmentationLexicons, read: consuming ReadResult, format: DocumentFormat) {
    (items, markers) = SegmentationPass.measure(read.blocks, lexicons: lexicons)
    reasons = Array(repeating: nil, count: items.count)
    authors = []
    remarks = []
    title = nil
    author = nil
    date = nil
    dateEvidence = nil
    nextCommentID = 0
    commentsHeader = nil
    // Moved, not copied: the blocks array stays the pass's own (see `takeSegments`).
    self.read = consume read
    self.format = format
  }

  /// The items of the non-empty blocks, and the marker phrase each short one matches.
  private static func measure(
    _ blocks: borrowing [Block], lexicons: borrowing SegmentationLexicons
  ) -> ([Item], [SegmentationLexicons.MarkerMatch?]) {
    var items: [Item] = []
    var markers: [SegmentationLexicons.MarkerMatch?] = []
    items.reserveCapacity(blocks.count)
    markers.reserveCapacity(blocks.count)
    for index in blocks.indices where !blocks[index].text.isEmpty {
      // The text's own storage, read in place (no copy of its bytes, nor of the block or the string).
      let (words, endsSentence, marker) = blocks[index].text.withUTF8Bytes { bytes in
        let words = TextShape.wordCount(bytes, 0, bytes.count, stopAt: Item.wordCap)
        let marker =
          words <= SegmentationPass.markerWords && bytes.count <= 300 ? lexicons.match(block: bytes) : nil
        return (words, TextShape.endsLikeSentence(bytes, 0, bytes.count), marker)
      }
      items.append(
        Item(
          block: index, role: blocks[index].role, level: blocks[index].level, hint: blocks[index].hint,
          bytes: blocks[index].text.utf8.count, words: words, endsSentence: endsSentence))
      markers.append(marker)
    }
    return (items, markers)
  }

  /// The author of comment item `i`, if any.
  func author(_ i: Int) -> String? { authors.isEmpty ? nil : authors[i] }

  /// Sets the author of item `i`, making room for every item's author at the first one set.
  mutating func setAuthor(_ i: Int, _ name: String?) {
    if authors.isEmpty {
      guard name != nil else { return }
      authors = Array(repeating: nil, count: items.count)
    }
    authors[i] = name
  }

  /// The text of item `i`'s block.
  func text(_ i: Int) -> String { read.blocks[items[i].block].text }

  mutating func run(lexicons: borrowing SegmentationLexicons) {
    title = read.title
    author = read.author
    guard !items.isEmpty else {
      remarks.append("no text found")
      findDate()
      return
    }
    applyHints()
    markFurniture(lexicons: lexicons)
    markComments()
    markRelated()
    markTop()
    markTrailingCredits()
    markSubheadings(lexicons: lexicons)
    markRest()
    findDate()
    if title == nil, let h = items.firstIndex(where: { $0.kind == .headline }) { title = text(h) }
  }

  // MARK: - Hints from the markup

  mutating func applyHints() {
    var groupIDs: [Int: Int] = [:]
    for i in items.indices {
      guard let hint = items[i].hint else { continue }
      var kind = hint
      var reason = read.blocks[items[i].block].reason ?? "marked by the page markup"
      if hint == .reportage {
        if items[i].role == .listItem {
          kind = .list
          reason = "list item"
        } else if markers[i]?.marker.kind == .boilerplate, markers[i]?.marker.mode == .exact, items[i].isShort {
          kind = .boilerplate
          reason = "boilerplate marker '\(markers[i]?.marker.phrase ?? "")'"
        }
      }
      items[i].kind = kind
      reasons[i] = kind == .reportage ? nil : reason
      if kind == .comment {
        setAuthor(i, read.blocks[items[i].block].author)
        if let g = read.blocks[items[i].block].group {
          if let id = groupIDs[g] {
            items[i].commentID = id
          } else {
            groupIDs[g] = nextCommentID
            items[i].commentID = nextCommentID
            nextCommentID += 1
          }
        }
      }
    }
    splitHintedComments()
  }

  /// Runs of comment blocks that the markup did not group or attribute are split by layout.
  mutating func splitHintedComments() {
    var i = 0
    while i < items.count {
      guard items[i].kind == .comment, items[i].commentID == nil, author(i) == nil else {
        i += 1
        continue
      }
      var j = i
      while j < items.count, items[j].kind == .comment, items[j].commentID == nil, author(j) == nil { j += 1 }
      var stated: Int?
      if let h = (0..<i).last(where: { items[$0].kind == .commentsHeader }) { stated = markers[h]?.count }
      assignComments(Array(i..<j), statedCount: stated, header: nil)
      i = j
    }
  }

  // MARK: - Furniture: language menus, date lines, marker lines

  mutating func markFurniture(lexicons: borrowing SegmentationLexicons) {
    let menus = LanguageMenuDetector(lexicons: lexicons)
    for i in items.indices where items[i].isOpen {
      let item = items[i]
      let text = self.text(i)
      if !item.endsSentence, item.words <= 40, let e = menus.evaluate(text) {
        items[i].kind = .boilerplate
        reasons[i] = "language menu (\(e.names) language names in \(e.scripts) scripts)"
        continue
      }
      if item.isShort, text.withUTF8Bytes(TextShape.containsDigit), let d = DateText.dateLine(text) {
        items[i].kind = .dateline
        items[i].dateLine = d
        reasons[i] = "date line"
        continue
      }
      guard let m = markers[i] else { continue }
      let phrase = m.marker.phrase
      switch m.marker.kind {
      case .boilerplate:
        if item.words <= SegmentationPass.markerWords {
          items[i].kind = .boilerplate
          reasons[i] = "boilerplate marker '\(phrase)'"
        }
      case .byline:
        if isByline(item, text: text, marker: m.marker) {
          items[i].kind = .byline
          reasons[i] = "byline marker '\(phrase)'"
          if author == nil, phrase == "by", i < 6 { author = bylineName(text) }
        }
      default:
        break
      }
    }
  }

  /// A byline marker counts on a short block; after a prefix such as "by" or "photo" the rest must
  /// not read as running text (it starts with a capital, a digit or punctuation).
  func isByline(_ item: Item, text: String, marker: SegmentationLexicons.Marker) -> Bool {
    guard item.words <= Segmenter.shortWords, item.role != .heading else { return false }
    guard marker.mode == .prefix else { return true }
    let rest = text.unicodeScalars.dropFirst(marker.phrase.unicodeScalars.count)
    guard let next = rest.first(where: { $0 != " " && $0 != ":" && $0 != "\t" }) else { return true }
    return !(next.properties.isLowercase)
  }

  func bylineName(_ text: String) -> String? {
    var rest = text.dropFirst(2).drop(while: { $0 == " " })
    if let comma = rest.firstIndex(of: ",") { rest = rest[..<comma] }
    let name = rest.trimmingCharacters(in: " ")
    return name.isEmpty ? nil : name
  }

  // MARK: - Comments

  mutating func markComments() {
    // The header follows the article's own text: a "Comments" link in a menu above the story does
    // not start a comments section.
    guard let firstProse = items.firstIndex(where: { $0.words > Segmenter.shortWords && $0.endsSentence }),
      let h = items.indices.dropFirst(firstProse + 1).first(where: { i in
        items[i].isOpen && markers[i]?.marker.kind == .commentsHeader && items[i].words <= Segmenter.headerWords
      })
    else { return }
    commentsHeader = h
    let stated = markers[h]?.count
    items[h].kind = .commentsHeader
    reasons[h] =
      "comments header marker '\(markers[h]?.marker.phrase ?? "")'" + (stated.map { " stating \($0)" } ?? "")
    // The section runs to a related-stories marker or to blocks the markup classified.
    var end = h + 1
    while end < items.count, items[end].hint == nil, markers[end]?.marker.kind != .related
      || !items[end].isShort
    {
      end += 1
    }
    let members = (h + 1..<end).filter { items[$0].isOpen }
    assignComments(members, statedCount: stated, header: h)
  }

  /// Splits `members` into comments and marks them.
  mutating func assignComments(_ members: [Int], statedCount: Int?, header: Int?) {
    guard !members.isEmpty else { return }
    let split = CommentSectionSplitter.split(members.map { text($0) }, statedCount: statedCount)
    let headerText = header.map { "'\(text($0))'" }
    for comment in split.comments {
      let id = nextCommentID
      nextCommentID += 1
      let authorName = comment.author.map { text(members[$0]) }
      var reason = "reader comment"
      if let a = authorName { reason += " by '\(a)'" }
      if let h = headerText { reason += " after comments header \(h)" }
      if let a = comment.author {
        let i = members[a]
        items[i].kind = .comment
        items[i].isAuthorLine = true
        items[i].commentID = id
        setAuthor(i, authorName)
        reasons[i] = "author line of a reader comment"
      }
      for t in comment.texts {
        let i = members[t]
        items[i].kind = .comment
        items[i].commentID = id
        setAuthor(i, authorName)
        reasons[i] = reason
      }
    }
    if let stated = statedCount, stated != split.comments.count, let h = headerText {
      remarks.append("comments header \(h) states \(stated), found \(split.comments.count) comments")
    } else if split.usedCount, let h = header {
      reasons[h] = (reasons[h] ?? "") + "; count used to tell authors from comment text"
    }
  }

  // MARK: - Related stories

  mutating func markRelated() {
    var i = 0
    while i < items.count {
      guard items[i].isOpen, let m = markers[i], m.marker.kind == .related, items[i].words <= 25 else {
        i += 1
        continue
      }
      let phrase = m.marker.phrase
      items[i].kind = .related
      reasons[i] = "related marker '\(phrase)'"
      var j = i + 1
      // The headlines that follow, up to the first block of running text.
      while j < items.count, items[j].isOpen, markers[j]?.marker.kind != .commentsHeader,
        items[j].role == .listItem || (items[j].words <= 25 && !items[j].endsSentence)
          || items[j].role == .heading
      {
        items[j].kind = .related
        reasons[j] = "follows related marker '\(phrase)'"
        j += 1
      }
      i = j
    }
  }

  // MARK: - Top of the article: section label, headline

  /// Whether an open block could be the headline.
  func isHeadlineCandidate(_ i: Int) -> Bool {
    let item = items[i]
    guard item.hint == nil || item.hint == .reportage || item.hint == .headline else { return false }
    switch item.role {
    case .title: return true
    case .heading: return true
    case .listItem, .quote: return false
    case .paragraph:
      let last = text(i).utf8.last
      return last != 0x2E && item.words >= 3 && item.words <= 30 && item.bytes <= 250 && last != 0x3A
    }
  }

  mutating func markTop() {
    // A short label above everything else ("news", "World").
    if let first = items.indices.first, items[first].isOpen, items[first].role != .title,
      items[first].words <= 2, items[first].bytes <= 30, !items[first].endsSentence,
      items.count > 1
    {
      if markers[first]?.marker.kind == .section {
        items[first].kind = .boilerplate
        reasons[first] = "section label '\(markers[first]?.marker.phrase ?? "")'"
      } else if let next = nextContent(after: first), items[next].isOpen, isHeadlineCandidate(next),
        items[first].role != .heading
      {
        items[first].kind = .boilerplate
        reasons[first] = "short label above the headline"
      }
    }
    guard !items.contains(where: { $0.kind == .headline }), let first = nextContent(after: -1) else { return }
    // Only the first block of content can be the headline, and only if it is open or marked
    // reportage by the markup.
    guard items[first].kind == nil || items[first].kind == .reportage || items[first].kind == .headline,
      isHeadlineCandidate(first)
    else { return }
    if items[first].role == .heading, items[first].level > 1, format == .html { return }
    var headline = first
    // A masthead above a date line, with the real headline below it ("Mae Sot Notes -- a blog",
    // "Wednesday, 12 February 2025", "Bridge handover: …").
    if items[first].role == .paragraph, let next = nextContent(after: first), next > first + 1,
      (first + 1..<next).contains(where: { items[$0].kind == .dateline }), items[next].isOpen,
      items[next].role == .paragraph, isHeadlineCandidate(next),
      let after = nextContent(after: next), items[after].words > Segmenter.shortWords
    {
      items[first].kind = .boilerplate
      reasons[first] = "masthead above the date line"
      headline = next
    }
    items[headline].kind = .headline
    switch items[headline].role {
    case .title: reasons[headline] = format == .markdown ? "front matter title" : "page title"
    case .heading: reasons[headline] = "first heading (level \(items[headline].level))"
    default: reasons[headline] = "first substantial line without a final period"
    }
  }

  /// The next block after `i` that is not furniture already classified (boilerplate, date line, byline).
  func nextContent(after i: Int) -> Int? {
    var j = i + 1
    while j < items.count {
      if let k = items[j].kind, k == .boilerplate || k == .dateline || k == .byline {
        j += 1
        continue
      }
      return j
    }
    return nil
  }

  // MARK: - Trailing credits

  mutating func markTrailingCredits() {
    var end = items.count
    if let h = commentsHeader { end = h }
    if let r = items.indices.first(where: { items[$0].kind == .related && items[$0].hint == nil }), r < end {
      end = r
    }
    var j = end - 1
    while j >= 0, let k = items[j].kind, k == .boilerplate || k == .byline { j -= 1 }
    var run: [Int] = []
    while j > 0, run.count < Segmenter.creditLines, items[j].isOpen, isCreditLine(j) {
      run.append(j)
      j -= 1
    }
    guard !run.isEmpty, j >= 0 else { return }
    let before = items[j]
    guard before.kind == nil || before.kind == .reportage || before.kind == .list,
      before.words > Segmenter.shortWords || before.endsSentence
    else { return }
    for i in run {
      items[i].kind = .byline
      reasons[i] = "trailing credit line"
    }
  }

  static let nameConnectors: Set<Substring> = ["of", "the", "and", "&", "de", "da", "van", "von", "al", "bin", "for", "on"]

  func isCreditLine(_ i: Int) -> Bool {
    let item = items[i]
    guard item.role == .paragraph, item.words <= 6, item.bytes <= 60 else { return false }
    if markers[i]?.marker.kind == .byline { return true }
    guard !item.endsSentence else { return false }
    let words = text(i).split(separator: " ")
    guard let first = words.first?.first, first.isUppercase || (first.isLetter && !first.isLowercase) else { return false }
    return words.allSatisfy { w in
      guard let f = w.first else { return true }
      if f.isUppercase || f.isNumber || (f.isLetter && !f.isLowercase) || f == "(" || f == "@" { return true }
      return SegmentationPass.nameConnectors.contains(w)
    }
  }

  // MARK: - Subheadings and lists

  mutating func markSubheadings(lexicons: borrowing SegmentationLexicons) {
    for i in items.indices {
      let item = items[i]
      let refinable = item.kind == nil || (item.kind == .reportage && item.hint != nil)
      guard refinable else { continue }
      if item.role == .heading || item.role == .title {
        items[i].kind = .subheading
        reasons[i] = item.role == .title ? "title" : "heading (level \(item.level))"
        continue
      }
      guard item.hint == nil, item.role == .paragraph, isSubheadingShape(i, lexicons: lexicons), i + 1 < items.count else {
        continue
      }
      let next = items[i + 1]
      guard next.kind == nil || next.kind == .reportage || next.kind == .list else { continue }
      let nextIsProse =
        (next.role == .paragraph || next.role == .quote)
        && (next.words > Segmenter.shortWords || next.endsSentence)
      if next.role == .listItem {
        items[i].kind = .subheading
        reasons[i] = "short line followed by a list"
      } else if nextIsProse {
        items[i].kind = .subheading
        reasons[i] = "short line without a final period followed by a paragraph"
      }
    }
  }

  func isSubheadingShape(_ i: Int, lexicons: borrowing SegmentationLexicons) -> Bool {
    let item = items[i]
    guard item.words <= Segmenter.shortWords, item.bytes <= 100,
      let first = read.blocks[item.block].text.unicodeScalars.first, !first.properties.isLowercase
    else { return false }
    // The text's own storage, read in place (no copy of its bytes, nor of the string).
    return read.blocks[item.block].text.withUTF8Bytes { bytes in
      let colon = bytes.last == 0x3A
      if item.endsSentence && !colon { return false }
      return colon || item.words <= 4 || TextShape.isTitleLike(bytes, 0, bytes.count, minorWords: lexicons.minorWords)
    }
  }

  mutating func markRest() {
    for i in items.indices where items[i].kind == nil {
      if items[i].role == .listItem {
        items[i].kind = .list
        reasons[i] = "list item"
      } else {
        items[i].kind = .reportage
      }
    }
  }

  // MARK: - Document date

  mutating func findDate() {
    if let d = read.date {
      date = d
      dateEvidence = read.dateEvidence ?? "document metadata"
    }
    if date == nil, let line = items.firstIndex(where: { $0.kind == .dateline && $0.dateLine?.date != nil }),
      let d = items[line].dateLine?.date
    {
      date = d
      dateEvidence = "date line '\(text(line))'"
    }
    guard let lead = items.firstIndex(where: { $0.kind == .reportage && $0.role == .paragraph }) else { return }
    let leadText = self.text(lead)
    let dateline = DateText.leadDateline(leadText)
    if let dl = dateline {
      let written = Segment.slice(leadText, 0, dl.end)
      reasons[lead] = "opens with dateline '\(written)'"
      if date == nil, let d = dl.match.date {
        date = d
        dateEvidence = "dateline '\(written)'"
      }
    }
    // A weekday-anchored date is weaker evidence; look for one only when nothing better was found.
    let weekdayDate = date == nil ? DateText.weekdayDate(in: leadText) : nil
    if date == nil, let dl = dateline, dl.match.year == nil, let w = weekdayDate,
      let d = CalendarDate(year: w.date.year, month: dl.match.month, day: dl.match.day)
    {
      date = d
      dateEvidence = "dateline '\(Segment.slice(leadText, 0, dl.end))' with the year of '\(w.text)'"
    }
    if date == nil, let w = weekdayDate {
      date = w.date
      dateEvidence = "date in lead paragraph '\(w.text)'"
    }
    if date == nil, let dl = dateline, dl.match.year == nil {
      remarks.append(
        "dateline '\(Segment.slice(leadText, 0, dl.end))' has no year; document date unknown")
    }
  }

  // MARK: - Output

  /// The segments, in document order; comment blocks merge per comment, and runs of byline or
  /// related blocks merge into one segment.
  ///
  /// The blocks' texts and maps and the items' authors and reasons are moved into the segments, not
  /// copied (a copy retains each string and map, and the pass's end releases them again): each block
  /// belongs to one item and each item is read once, here, after every rule has run, so nothing reads
  /// a moved-out field. The pass keeps its title, author, date and remarks.
  mutating func takeSegments() -> [Segment] {
    // The arrays are swapped out of the pass first (moved, not copied): a closure that used `self`
    // would copy the whole pass.
    var blocks: [Block] = []
    var authors: [String?] = []
    var reasons: [String?] = []
    swap(&blocks, &read.blocks)
    swap(&authors, &self.authors)
    swap(&reasons, &self.reasons)
    return SegmentationPass.segments(items: items, blocks: &blocks, authors: &authors, reasons: &reasons)
  }

  /// The segments of `items` (see `takeSegments`), with the blocks' texts and maps and the items'
  /// authors (an empty array when no item has one) and reasons moved out of the arrays given.
  private static func segments(
    items: [Item], blocks: inout [Block], authors: inout [String?], reasons: inout [String?]
  ) -> [Segment] {
    /// Block `b`'s text and map, moved out of `blocks` (left empty).
    func takeBlock(_ b: Int) -> (text: String, map: OffsetMap) {
      var text = ""
      var map = OffsetMap()
      swap(&text, &blocks[b].text)
      swap(&map, &blocks[b].map)
      return (text, map)
    }
    let itemCount = items.count
    // Each segment is initialised where it lies in the array (`initializeSegment`), not built and
    // copied in. At most one segment per item.
    return [Segment](unsafeUninitializedCapacity: itemCount) { out, count in
      guard let base = out.baseAddress else { return }
      var i = 0
      while i < itemCount {
        let item = items[i]
        guard let kind = item.kind else {
          i += 1
          continue
        }
        if item.isAuthorLine {
          i += 1
          continue
        }
        var j = i + 1
        if kind == .comment, let id = item.commentID {
          while j < itemCount, items[j].kind == .comment, items[j].commentID == id { j += 1 }
        } else if kind == .byline || kind == .related {
          while j < itemCount, items[j].kind == kind, !items[j].isAuthorLine { j += 1 }
        }
        let author = authors.isEmpty ? nil : authors[i].take()
        let reason = reasons[i].take()
        if j == i + 1 {
          // One block (the common case): its text and map as they are.
          let (text, map) = takeBlock(item.block)
          (base + count).initializeSegment(kind: kind, text: text, map: map, author: author, reason: reason)
        } else {
          // One array of exactly the parts' number (a filter, then a map, made two and grew both).
          var parts: [(text: String, map: OffsetMap)] = []
          parts.reserveCapacity(j - i)
          for k in i..<j where !items[k].isAuthorLine { parts.append(takeBlock(items[k].block)) }
          let joined = parts.count == 1 ? (parts[0].text, parts[0].map) : Segment.joined(parts)
          (base + count).initializeSegment(kind: kind, text: joined.0, map: joined.1, author: author, reason: reason)
        }
        count += 1
        i = j
      }
    }
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in char: Character) -> String {
    var s = self
    while s.first == char { s = s.dropFirst() }
    while s.last == char { s = s.dropLast() }
    return String(s)
  }
}
