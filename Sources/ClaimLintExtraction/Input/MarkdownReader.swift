import ClaimLintCore

/// Reads a Markdown article into blocks, keeping an exact map from the text back to the file.
///
/// Handles what news drafts use: YAML front matter (`title`, `date`, `author` become metadata), ATX
/// and setext headings, `-` `*` `+` and `1.` list items, block quotes, fenced and indented code
/// (dropped), HTML comments (dropped, so `<!-- claimlint-disable … -->` lines are not text), inline
/// markup (`**bold**`, `_em_`, `` `code` ``, `[text](url)`, images dropped, entities decoded) and hard
/// line breaks. A soft line break becomes a space; a short label line such as an author's name on
/// its own line ends its paragraph, as it does in plain text.
public struct MarkdownReader: Sendable {
  public init() {}

  /// Splits `source` into blocks and reads its front matter.
  public func read(_ source: SourceFile) -> ReadResult {
    var parser = MarkdownBlockParser(bytes: source.bytes)
    return parser.run()
  }
}

extension MarkdownReader {
  /// Whether `bytes[from..<to]` holds a byte that starts inline markup for `InlineRenderer` (an escape,
  /// code span, link or image bracket, tag, emphasis or entity); without one it copies the bytes as they are.
  ///
  /// Eight bytes at a time first: a chunk where none of the six byte tests below fires holds none of
  /// the eight bytes (`b | 0x07 == 0x5F` covers `[`, `\`, `_` and also `X`...`^`), and is passed
  /// over; from the first chunk where one fires, bytes are read one by one.
  static func hasInlineMarkup(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
    var i = from
    bytes.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      let ones: UInt64 = 0x0101_0101_0101_0101
      @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v }
      while i + 8 <= to {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let found =
          zeroBytes((v | ones &* 0x07) ^ (ones &* 0x5F)) | zeroBytes(v ^ (ones &* 0x60)) | zeroBytes(v ^ (ones &* 0x7E))
          | zeroBytes(v ^ (ones &* 0x26)) | zeroBytes(v ^ (ones &* 0x2A)) | zeroBytes(v ^ (ones &* 0x3C))
        if found & 0x8080_8080_8080_8080 != 0 { return }
        i += 8
      }
    }
    while i < to {
      switch bytes[i] {
      case 0x5C, 0x60, 0x5B, 0x3C, 0x2A, 0x5F, 0x7E, 0x26: return true
      default: i += 1
      }
    }
    return false
  }
}

/// The line-by-line block parser behind `MarkdownReader`.
private struct MarkdownBlockParser {
  let bytes: [UInt8]
  let lines: [SourceLine]
  var blocks: [Block] = []
  var result = ReadResult(blocks: [])
  var titleValue: (from: Int, to: Int)?

  /// A line (or part of one) waiting to become part of a block.
  struct Piece {
    var from: Int
    var to: Int
    /// The line ends with a hard break (two spaces or a backslash).
    var hardBreak: Bool
    /// Where the line's break ends (the start of the next line's content is used as gap end).
    var lineEnd: Int
  }

  enum PendingKind { case paragraph, quote, listItem }
  var pending: [Piece] = []
  /// The builder of plain paragraphs' texts (`emit`), emptied after each with its byte buffer kept.
  var builder = MappedTextBuilder()
  var pendingKind = PendingKind.paragraph
  var inListContext = false

  init(bytes: [UInt8]) {
    self.bytes = bytes
    self.lines = SourceLines.split(bytes)
  }

  // MARK: - Driver

  mutating func run() -> ReadResult {
    var i = frontMatter()
    var fence: (char: UInt8, count: Int)?
    var inComment = false
    var previousBlank = true
    while i < lines.count {
      let line = lines[i]
      i += 1
      if let f = fence {
        if line.indent < 4, run(of: f.char, at: line.contentStart, in: line) >= f.count,
          onlyBlankAfter(of: f.char, line)
        {
          fence = nil
        }
        continue
      }
      if inComment {
        if find("-->", from: line.contentStart, to: line.end) != nil { inComment = false }
        continue
      }
      if line.isBlank {
        flush()
        previousBlank = true
        continue
      }
      defer { previousBlank = false }
      let c = line.contentStart
      let e = line.contentEnd
      if startsWith("<!--", at: c, end: e) {
        flush()
        if let close = find("-->", from: c + 4, to: line.end) {
          // Text after a one-line comment stays text.
          let after = SourceLines.line(bytes, close + 3, line.end)
          if !after.isBlank { addText(Piece(from: after.contentStart, to: after.contentEnd, hardBreak: false, lineEnd: line.end)) }
        } else {
          inComment = true
        }
        continue
      }
      if line.indent < 4, bytes[c] == 0x60 || bytes[c] == 0x7E, run(of: bytes[c], at: c, in: line) >= 3 {
        let char = bytes[c]
        let count = run(of: char, at: c, in: line)
        // A backtick fence's info string may not contain backticks.
        if char == 0x7E || find("`", from: c + count, to: e) == nil {
          flush()
          fence = (char, count)
          continue
        }
      }
      if line.indent >= 4, pending.isEmpty, previousBlank, !inListContext {
        continue  // indented code
      }
      if line.indent < 4, let heading = atxHeading(line) {
        flush()
        emit(pieces: [Piece(from: heading.from, to: heading.to, hardBreak: false, lineEnd: line.end)],
             role: .heading, level: heading.level)
        inListContext = false
        continue
      }
      if line.indent < 4, !pending.isEmpty, pendingKind == .paragraph, let level = setextLevel(line) {
        emitPending(role: .heading, level: level)
        continue
      }
      if line.indent < 4, isThematicBreak(line) {
        flush()
        inListContext = false
        continue
      }
      if line.indent < 4, bytes[c] == 0x3E {
        var s = c
        while s < e, bytes[s] == 0x3E {
          s += 1
          if s < e, bytes[s] == 0x20 { s += 1 }
          while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        }
        if pendingKind != .quote { flush() }
        pendingKind = .quote
        if s >= e {
          flush()
          pendingKind = .quote
          continue
        }
        addText(piece(from: s, line: line))
        continue
      }
      if line.indent < 4 || inListContext, let s = ListMarker.contentStart(bytes, c, e, plainText: false) {
        flush()
        pendingKind = .listItem
        inListContext = true
        pending.append(piece(from: s, line: line))
        continue
      }
      if pending.isEmpty, isReferenceDefinition(line) { continue }
      if pending.isEmpty {
        pendingKind = inListContext && !previousBlank ? .listItem : .paragraph
        if previousBlank, line.indent < 2 { inListContext = false }
      }
      addText(piece(from: c, line: line))
    }
    flush()
    finishTitle()
    result.blocks = blocks
    return result
  }

  /// A piece for the content of `line` from `from`, noting a hard break at its end.
  func piece(from: Int, line: SourceLine) -> Piece {
    var to = line.contentEnd
    var hard = line.end - line.contentEnd >= 2 && bytes[line.contentEnd] == 0x20
    if to > from, bytes[to - 1] == 0x5C {
      hard = true
      to -= 1
    }
    return Piece(from: from, to: to, hardBreak: hard, lineEnd: line.end)
  }

  /// Adds a text line to the pending block, ending the block first when the previous line was a
  /// short label (an author name, a credit) or this line is one after a finished sentence.
  mutating func addText(_ p: Piece) {
    if let last = pending.last, pendingKind != .listItem {
      let lastLabel = isLabel(last.from, last.to)
      let thisLabel = isLabel(p.from, p.to)
      if (pending.count == 1 && lastLabel && !last.hardBreak)
        || (thisLabel && TextShape.endsLikeSentence(bytes, last.from, last.to))
      {
        let kind = pendingKind
        flush()
        pendingKind = kind
      }
    }
    pending.append(p)
  }

  /// A line that reads as an author name or handle on its own ("riverwatch", "Kanya S.").
  func isLabel(_ from: Int, _ to: Int) -> Bool {
    guard to - from <= 40, TextShape.wordCount(bytes, from, to) <= 4 else { return false }
    // Read in place: no string is made for an ASCII line.
    return (CommentSectionSplitter.authorScore(bytes, from, to) ?? 0) >= 1
  }

  mutating func flush() {
    guard !pending.isEmpty else { return }
    let role: Block.Role
    switch pendingKind {
    case .paragraph: role = .paragraph
    case .quote: role = .quote
    case .listItem: role = .listItem
    }
    emitPending(role: role, level: 0)
    pendingKind = .paragraph
  }

  /// Emits the pending pieces and empties `pending`, keeping its buffer for the next block (an array
  /// made anew for every block reallocated as its first piece was appended).
  mutating func emitPending(role: Block.Role, level: Int) {
    var pieces: [Piece] = []
    swap(&pieces, &pending)
    emit(pieces: pieces, role: role, level: level)
    pieces.removeAll(keepingCapacity: true)
    swap(&pieces, &pending)
  }

  mutating func emit(pieces: [Piece], role: Block.Role, level: Int) {
    let (text, map): (String, OffsetMap)
    let plain = pieces.allSatisfy({ !hasInlineMarkup(from: $0.from, to: $0.to) })
    if plain, pieces.count == 1, Self.isPlainRun(bytes, pieces[0].from, pieces[0].to) {
      // One plain line with no blank at either end (most paragraphs): the builder would copy it,
      // trim nothing and give it one verbatim anchor; the text is made straight from the source.
      let (from, to) = (pieces[0].from, pieces[0].to)
      text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
      var oneRun = OffsetMap()
      oneRun.append(textOffset: 0, sourceOffset: from, sourceEnd: to, verbatim: true)
      map = oneRun
    } else if plain {
      // Plain text (most paragraphs): the pieces joined as the renderer would join them, a run each.
      // The parser's builder, kept from block to block with its buffer (see `builder`).
      for k in pieces.indices {
        if k > 0 {
          builder.appendReplacement(
            byte: pieces[k - 1].hardBreak ? 0x0A : 0x20, sourceFrom: pieces[k - 1].to, sourceTo: pieces[k].from)
        }
        builder.appendVerbatim(bytes, from: pieces[k].from, to: pieces[k].to)
      }
      (text, map) = builder.finishTrimmedAndReset()
    } else {
      var renderer = InlineRenderer(bytes: bytes, pieces: pieces)
      (text, map) = renderer.render()
    }
    guard !text.isEmpty else { return }
    blocks.append(Block(text: text, map: map, role: role, level: level))
  }

  /// Whether `bytes[from..<to]` is not empty and neither starts nor ends with a blank that
  /// `MappedTextBuilder.finishTrimmed` removes (space, tab, line feed, carriage return).
  static func isPlainRun(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
    guard from < to, from >= 0, to <= bytes.count else { return false }
    func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    return !isBlank(bytes[from]) && !isBlank(bytes[to - 1])
  }

  // MARK: - Front matter

  /// Reads a `---` front matter block at the top; returns the index of the first line after it.
  mutating func frontMatter() -> Int {
    guard let first = lines.first, first.indent == 0, isExactly("---", first) else { return 0 }
    var close: Int?
    for k in 1..<lines.count where lines[k].indent == 0 && (isExactly("---", lines[k]) || isExactly("...", lines[k])) {
      close = k
      break
    }
    guard let end = close else { return 0 }
    var k = 1
    while k < end {
      let line = lines[k]
      k += 1
      guard line.indent == 0, !line.isBlank, let colon = find(":", from: line.contentStart, to: line.contentEnd) else {
        continue
      }
      let key = String(decoding: bytes[line.contentStart..<colon], as: UTF8.self).lowercased()
        .trimmingCharacters(in: " ")
      var value = valueRange(from: colon + 1, to: line.contentEnd)
      if value == nil, k < end, startsWith("- ", at: lines[k].contentStart, end: lines[k].contentEnd) {
        // A YAML list on the following lines: take its first item.
        value = valueRange(from: lines[k].contentStart + 2, to: lines[k].contentEnd)
      }
      guard let v = value else { continue }
      let text = String(decoding: bytes[v.from..<v.to], as: UTF8.self)
      switch key {
      case "title", "headline":
        if result.title == nil {
          result.title = text
          titleValue = v
        }
      case "date", "published", "publishdate", "pubdate", "published_at", "publication_date", "datepublished":
        if result.date == nil, let d = DateText.metadataDate(text) {
          result.date = d
          result.dateEvidence = "front matter '\(key)'"
        }
      case "author", "authors", "byline":
        if result.author == nil { result.author = text }
      default:
        break
      }
    }
    return end + 1
  }

  /// The value after a front matter key: quotes and a `[a, b]` list's brackets removed.
  func valueRange(from: Int, to: Int) -> (from: Int, to: Int)? {
    var s = from
    var e = to
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
    if e > s, bytes[s] == 0x5B, bytes[e - 1] == 0x5D {
      s += 1
      e -= 1
      if let comma = find(",", from: s, to: e) { e = comma }
      while s < e, bytes[s] == 0x20 { s += 1 }
      while e > s, bytes[e - 1] == 0x20 { e -= 1 }
    }
    if e - s >= 2, bytes[s] == 0x22 || bytes[s] == 0x27, bytes[e - 1] == bytes[s] {
      s += 1
      e -= 1
    }
    return e > s ? (s, e) : nil
  }

  /// Adds the front matter title as a `.title` block unless a level-1 heading already says it.
  mutating func finishTitle() {
    guard let v = titleValue, let title = result.title else { return }
    let folded = title.lowercased()
    if blocks.contains(where: { $0.role == .heading && $0.level == 1 && $0.text.lowercased() == folded }) { return }
    let (text, map) = {
      var b = MappedTextBuilder()
      b.appendVerbatim(bytes, from: v.from, to: v.to)
      return b.finish()
    }()
    blocks.insert(Block(text: text, map: map, role: .title, level: 1), at: 0)
  }

  /// Whether `bytes[from..<to]` holds a byte that starts inline markup (see `MarkdownReader.hasInlineMarkup`).
  func hasInlineMarkup(from: Int, to: Int) -> Bool {
    MarkdownReader.hasInlineMarkup(bytes, from: from, to: to)
  }

  // MARK: - Line tests

  func run(of char: UInt8, at start: Int, in line: SourceLine) -> Int {
    var i = start
    while i < line.contentEnd, bytes[i] == char { i += 1 }
    return i - start
  }

  func onlyBlankAfter(of char: UInt8, _ line: SourceLine) -> Bool {
    var i = line.contentStart
    while i < line.contentEnd, bytes[i] == char { i += 1 }
    return i == line.contentEnd
  }

  func startsWith(_ s: String, at start: Int, end: Int) -> Bool {
    let u = Array(s.utf8)
    guard end - start >= u.count else { return false }
    for k in 0..<u.count where bytes[start + k] != u[k] { return false }
    return true
  }

  func isExactly(_ s: String, _ line: SourceLine) -> Bool {
    line.contentEnd - line.contentStart == s.utf8.count && startsWith(s, at: line.contentStart, end: line.contentEnd)
  }

  func find(_ s: String, from: Int, to: Int) -> Int? {
    let u = Array(s.utf8)
    guard let first = u.first, to - from >= u.count else { return nil }
    var i = from
    while i + u.count <= to {
      if bytes[i] == first, startsWith(s, at: i, end: to) { return i }
      i += 1
    }
    return nil
  }

  func atxHeading(_ line: SourceLine) -> (level: Int, from: Int, to: Int)? {
    let c = line.contentStart
    let e = line.contentEnd
    let level = run(of: 0x23, at: c, in: line)
    guard (1...6).contains(level) else { return nil }
    var s = c + level
    guard s == e || bytes[s] == 0x20 || bytes[s] == 0x09 else { return nil }
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    var t = e
    // Closing sequence: spaces then #s at the end.
    var k = t
    while k > s, bytes[k - 1] == 0x23 { k -= 1 }
    if k < t, k == s || bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 {
      t = k
      while t > s, bytes[t - 1] == 0x20 || bytes[t - 1] == 0x09 { t -= 1 }
    }
    return (level, s, t)
  }

  func setextLevel(_ line: SourceLine) -> Int? {
    let c = line.contentStart
    let ch = bytes[c]
    guard ch == 0x3D || ch == 0x2D, onlyBlankAfter(of: ch, line) else { return nil }
    return ch == 0x3D ? 1 : 2
  }

  func isThematicBreak(_ line: SourceLine) -> Bool {
    let ch = bytes[line.contentStart]
    guard ch == 0x2D || ch == 0x2A || ch == 0x5F else { return false }
    var count = 0
    for i in line.contentStart..<line.contentEnd {
      if bytes[i] == ch {
        count += 1
      } else if bytes[i] != 0x20 && bytes[i] != 0x09 {
        return false
      }
    }
    return count >= 3
  }

  /// `[id]: https://…` lines define link targets and are not text.
  func isReferenceDefinition(_ line: SourceLine) -> Bool {
    let c = line.contentStart
    guard bytes[c] == 0x5B, let close = find("]:", from: c + 1, to: line.contentEnd) else { return false }
    return close > c + 1 && close - c < 200 && close + 2 < line.contentEnd
  }
}

/// Turns the pieces of one block into text without inline markup, byte by byte, with an exact map.
private struct InlineRenderer {
  let bytes: [UInt8]
  /// The block's content bytes, lines joined by one separator byte each.
  var v: [UInt8] = []
  /// Source offset of each byte of `v` (for a separator, where the gap starts).
  var src: [Int] = []
  /// For separators, where the gap ends; for copied bytes, -1.
  var gapEnd: [Int] = []
  var builder = MappedTextBuilder()
  /// Closer searches that found nothing: key → the range end searched within, where the search
  /// started and how far it got. A closer's validity depends only on its own position, so a later
  /// search may resume where an earlier one stopped, which keeps rendering linear.
  var failed: [Int: (to: Int, from: Int, scanned: Int)] = [:]
  /// For each `[` and `(`, the index of its matching `]` or `)`, or -1.
  var partner: [Int32] = []
  /// How deep nested markup is rendered before the rest is kept literally.
  static let maximumDepth = 16

  /// How far an emphasis, link or code-span closer is looked for.
  static let searchLimit = 1000

  init(bytes: [UInt8], pieces: [MarkdownBlockParser.Piece]) {
    self.bytes = bytes
    for (k, p) in pieces.enumerated() {
      if k > 0 {
        let prev = pieces[k - 1]
        v.append(prev.hardBreak ? 0x0A : 0x20)
        src.append(prev.to)
        gapEnd.append(p.from)
      }
      for o in p.from..<p.to {
        v.append(bytes[o])
        src.append(o)
        gapEnd.append(-1)
      }
    }
  }

  mutating func render() -> (text: String, map: OffsetMap) {
    matchBrackets()
    render(0, v.count, depth: 0)
    return builder.finishTrimmed()
  }

  mutating func emit(_ k: Int) {
    if gapEnd[k] < 0 {
      builder.appendVerbatimByte(v[k], at: src[k])
    } else {
      builder.appendReplacement(byte: v[k], sourceFrom: src[k], sourceTo: gapEnd[k])
    }
  }

  mutating func emitRange(_ a: Int, _ b: Int) {
    var k = a
    while k < b {
      emit(k)
      k += 1
    }
  }

  func isSpace(_ k: Int) -> Bool { k < 0 || k >= v.count || v[k] == 0x20 || v[k] == 0x09 || v[k] == 0x0A }

  func isAlnum(_ k: Int) -> Bool {
    guard k >= 0, k < v.count else { return false }
    let b = v[k]
    return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
  }

  func isASCIIPunct(_ b: UInt8) -> Bool {
    (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
  }

  /// Pairs brackets and parentheses once per block with two stacks (escaped ones do not count).
  mutating func matchBrackets() {
    partner = Array(repeating: -1, count: v.count)
    var squares: [Int] = []
    var parens: [Int] = []
    var i = 0
    while i < v.count {
      switch v[i] {
      case 0x5C:
        i += 1
      case 0x5B:
        squares.append(i)
      case 0x5D:
        if let open = squares.popLast() { partner[open] = Int32(i) }
      case 0x28:
        parens.append(i)
      case 0x29:
        if let open = parens.popLast() { partner[open] = Int32(i) }
      default:
        break
      }
      i += 1
    }
  }

  mutating func render(_ from: Int, _ to: Int, depth: Int) {
    guard depth <= InlineRenderer.maximumDepth else {
      emitRange(from, to)
      return
    }
    var i = from
    while i < to {
      let c = v[i]
      switch c {
      case 0x5C:  // backslash escape
        if i + 1 < to, isASCIIPunct(v[i + 1]) {
          emit(i + 1)
          i += 2
        } else {
          emit(i)
          i += 1
        }
      case 0x60:  // code span
        let k = runLength(i, to)
        if let close = findRun(of: 0x60, length: k, from: i + k, to: to, flanking: false) {
          var a = i + k
          var b = close
          if b - a >= 2, v[a] == 0x20, v[b - 1] == 0x20 {
            a += 1
            b -= 1
          }
          emitRange(a, b)
          i = close + k
        } else {
          emitRange(i, i + k)
          i += k
        }
      case 0x21 where i + 1 < to && v[i + 1] == 0x5B:  // image: dropped
        if let end = linkEnd(i + 1, to) {
          i = end.end
        } else {
          emit(i)
          i += 1
        }
      case 0x5B:  // link
        if let end = linkEnd(i, to) {
          render(i + 1, end.textEnd, depth: depth + 1)
          i = end.end
        } else {
          emit(i)
          i += 1
        }
      case 0x3C:  // comment, autolink or inline tag
        if let end = angleEnd(i, to) {
          if end.keep { emitRange(i + 1, end.end - 1) }
          i = end.end
        } else {
          emit(i)
          i += 1
        }
      case 0x2A, 0x5F, 0x7E:
        let k = runLength(i, to)
        let opens = !isSpace(i + k) && (c != 0x5F || !isAlnum(i - 1)) && k <= (c == 0x7E ? 2 : 3)
        if opens, let close = findRun(of: c, length: k, from: i + k, to: to, flanking: true) {
          render(i + k, close, depth: depth + 1)
          i = close + k
        } else {
          emitRange(i, i + k)
          i += k
        }
      case 0x26:  // entity
        if let (replacement, end) = entity(i, to) {
          builder.appendReplacement(replacement, sourceFrom: src[i], sourceTo: src[end - 1] + 1)
          i = end
        } else {
          emit(i)
          i += 1
        }
      default:
        emit(i)
        i += 1
      }
    }
  }

  func runLength(_ i: Int, _ to: Int) -> Int {
    var j = i
    while j < to, v[j] == v[i] { j += 1 }
    return j - i
  }

  /// The start of a closing run of exactly `length` `char`s in `from..<to`.
  mutating func findRun(of char: UInt8, length: Int, from: Int, to: Int, flanking: Bool) -> Int? {
    let key = Int(char) * 8 + length
    let limit = min(to, from + InlineRenderer.searchLimit)
    var j = from
    var origin = from
    if let f = failed[key], f.to == to, f.from <= from, from <= f.scanned {
      j = f.scanned
      origin = f.from
    }
    while j < limit {
      let b = v[j]
      if b == 0x5C, char != 0x60 {
        j += 2
        continue
      }
      if b == char {
        let r = runLength(j, to)
        if r == length {
          if !flanking { return j }
          if !isSpace(j - 1), char != 0x5F || !isAlnum(j + r) { return j }
        }
        j += r
        continue
      }
      j += 1
    }
    failed[key] = (to, origin, max(j, from))
    return nil
  }

  /// For `[` at `i`: the end of the link text and of the whole link (`[text](url)`, `[text][ref]`).
  func linkEnd(_ i: Int, _ to: Int) -> (textEnd: Int, end: Int)? {
    let c = Int(partner[i])
    guard c > i, c + 1 < to else { return nil }
    let opener = v[c + 1]
    guard opener == 0x28 || opener == 0x5B else { return nil }
    let close = Int(partner[c + 1])
    guard close > c + 1, close < to else { return nil }
    return (c, close + 1)
  }

  /// For `<` at `i`: the end of an HTML comment or tag (dropped) or an autolink (its text kept).
  func angleEnd(_ i: Int, _ to: Int) -> (end: Int, keep: Bool)? {
    guard i + 1 < to else { return nil }
    let limit = min(to, i + InlineRenderer.searchLimit)
    if i + 3 < to, v[i + 1] == 0x21, v[i + 2] == 0x2D, v[i + 3] == 0x2D {
      var j = i + 4
      while j + 2 < to {
        if v[j] == 0x2D, v[j + 1] == 0x2D, v[j + 2] == 0x3E { return (j + 3, false) }
        j += 1
      }
      return (to, false)  // an unclosed comment runs to the end of the block
    }
    let first = v[i + 1]
    let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
    guard isLetter || first == 0x2F else { return nil }
    var j = i + 1
    var sawColon = false
    var sawAt = false
    var sawSpace = false
    while j < limit {
      let b = v[j]
      if b == 0x3C { return nil }
      if b == 0x3E {
        if !sawSpace, sawColon || sawAt { return (j + 1, true) }
        return (j + 1, false)
      }
      if b == 0x3A { sawColon = true }
      if b == 0x40 { sawAt = true }
      if b == 0x20 || b == 0x0A { sawSpace = true }
      j += 1
    }
    return nil
  }

  static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "\u{2014}",
    "ndash": "\u{2013}", "hellip": "\u{2026}", "rsquo": "\u{2019}", "lsquo": "\u{2018}", "ldquo": "\u{201C}",
    "rdquo": "\u{201D}", "copy": "\u{00A9}", "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}",
  ]

  /// For `&` at `i`: the decoded bytes and the end of the entity.
  func entity(_ i: Int, _ to: Int) -> ([UInt8], Int)? {
    var j = i + 1
    while j < to, j - i <= 10, v[j] != 0x3B, isAlnum(j) || v[j] == 0x23 { j += 1 }
    guard j < to, v[j] == 0x3B, j > i + 1 else { return nil }
    let name = String(decoding: v[(i + 1)..<j], as: UTF8.self)
    if let s = InlineRenderer.namedEntities[name] { return (Array(s.utf8), j + 1) }
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value: UInt32?
      if digits.hasPrefix("x") || digits.hasPrefix("X") {
        value = UInt32(digits.dropFirst(), radix: 16)
      } else {
        value = UInt32(digits)
      }
      if let v = value, v != 0, let scalar = Unicode.Scalar(v) { return (Array(String(Character(scalar)).utf8), j + 1) }
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var s = self[...]
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
