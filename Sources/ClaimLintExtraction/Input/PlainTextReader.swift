import ClaimLintCore

/// Reads a plain-text article into blocks: one block per line of prose, with hard-wrapped lines of
/// one paragraph joined again.
///
/// News text pasted from the web often has one paragraph per line and no blank lines, while wire copy
/// is wrapped at a fixed width with blank lines between paragraphs. A line is joined to the next
/// only when it looks wrapped: it is long and does not end like a sentence, or, in a document that
/// is wrapped throughout, it runs to the wrap width. Short lines (titles, author names, credits)
/// always stay blocks of their own, and lines opening with `-`, `*`, `•` or `1.` become list items
/// without their marker. Every block's map points back at the exact bytes of the file.
public struct PlainTextReader: Sendable {
  /// Lines shorter than this (in code points) are never joined to the next line.
  static let minimumWrappedLength = 40

  public init() {}

  /// Splits `source` into blocks.
  public func read(_ source: SourceFile) -> ReadResult {
    let bytes = source.bytes
    let lines = SourceLines.split(bytes)
    guard !lines.isEmpty else { return ReadResult(blocks: []) }

    // Per-line measures.
    struct Info {
      var line: SourceLine
      var textStart: Int
      var isList: Bool
      /// The line's length in code points, measured only when the next line is not blank (see below).
      var length: Int
      var endsSentence: Bool
    }
    var infos: [Info] = []
    infos.reserveCapacity(lines.count)
    for line in lines {
      // A suppression directive on a line of its own is not article text (see `isSuppressionDirective`).
      if !line.isBlank, PlainTextReader.isSuppressionDirective(bytes, line.contentStart, line.contentEnd) { continue }
      if line.isBlank {
        infos.append(Info(line: line, textStart: line.contentStart, isList: false, length: 0, endsSentence: false))
        continue
      }
      let listStart = ListMarker.contentStart(bytes, line.contentStart, line.contentEnd, plainText: true)
      let textStart = listStart ?? line.contentStart
      infos.append(
        Info(
          line: line, textStart: textStart, isList: listStart != nil, length: 0,
          endsSentence: TextShape.endsLikeSentence(bytes, line.contentStart, line.contentEnd)))
    }
    // A file of suppression directives alone has no text (and `0..<(infos.count - 1)` below needs a line).
    guard !infos.isEmpty else { return ReadResult(blocks: []) }

    // Is the document wrapped at a fixed width? Wrapped lines are long, end mid-sentence and are
    // followed by another non-blank line.
    var wrapWidth = 0
    var wrappedCount = 0
    var continuedCount = 0
    for i in 0..<(infos.count - 1) where !infos[i].line.isBlank && !infos[i + 1].line.isBlank {
      // A line's length is measured here, and only here: it is read by this measure and by `joins`,
      // whose `prev` and `next` are neighbours in `infos`, neither blank, the pairs of this loop.
      // Most articles separate their paragraphs with blank lines, and their lines need no count.
      infos[i].length = TextShape.scalarCount(bytes, infos[i].line.contentStart, infos[i].line.contentEnd)
      continuedCount += 1
      if infos[i].length >= PlainTextReader.minimumWrappedLength, !infos[i].endsSentence {
        wrappedCount += 1
        wrapWidth = max(wrapWidth, infos[i].length)
      }
    }
    let isWrapped = wrappedCount >= 2 && wrappedCount * 5 >= continuedCount && wrapWidth <= 200

    func joins(_ prev: Info, _ next: Info) -> Bool {
      guard !next.line.isBlank, !next.isList, prev.length >= PlainTextReader.minimumWrappedLength else { return false }
      let nextLower = TextShape.startsLowercase(bytes, next.textStart, next.line.contentEnd)
      if !nextLower, !prev.endsSentence, TextShape.isTitleLike(bytes, prev.textStart, prev.line.contentEnd) {
        return false
      }
      if !prev.endsSentence { return true }
      return isWrapped && prev.length * 4 >= wrapWidth * 3
    }

    var blocks: [Block] = []
    // At most one block per line.
    blocks.reserveCapacity(infos.count)
    var builder = MappedTextBuilder()
    var role = Block.Role.paragraph
    var previous: Info?
    // The block's only line so far (most blocks are one line): its text is made straight from the
    // source bytes, with the one verbatim anchor the builder would give it, instead of being copied
    // into the builder first. A line joined to it goes through the builder as before.
    var single: Optional<(from: Int, to: Int)> = nil
    func flush() {
      if let line = single {
        single = nil
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[line.from..<line.to]), as: UTF8.self) }
        var map = OffsetMap()
        map.append(textOffset: 0, sourceOffset: line.from, sourceEnd: line.to, verbatim: true)
        blocks.append(Block(text: text, map: map, role: role))
        return
      }
      guard !builder.isEmpty else { return }
      let (text, map) = builder.finishAndReset()
      blocks.append(Block(text: text, map: map, role: role))
    }
    for info in infos {
      if info.line.isBlank {
        flush()
        previous = nil
        continue
      }
      if let prev = previous, joins(prev, info) {
        if let line = single {
          single = nil
          builder.appendVerbatim(bytes, from: line.from, to: line.to)
        }
        builder.appendReplacement(byte: 0x20, sourceFrom: prev.line.contentEnd, sourceTo: info.textStart)
        builder.appendVerbatim(bytes, from: info.textStart, to: info.line.contentEnd)
      } else {
        flush()
        role = info.isList ? .listItem : .paragraph
        // An empty stretch appends nothing (`appendVerbatim`), and makes no block.
        if info.line.contentEnd > info.textStart { single = (info.textStart, info.line.contentEnd) }
      }
      previous = info
    }
    flush()
    return ReadResult(blocks: blocks)
  }

  /// Whether `bytes[start..<end]` (a trimmed line) is a claimlint suppression directive:
  /// `claimlint-disable-next-line`, `claimlint-disable` or `claimlint-enable`, then optionally blanks
  /// and rule ids (`a-z`, `0-9`, `-`) separated by commas or blanks, and nothing else.
  ///
  /// Such lines are skipped by the reader, so that `claimlint-disable-next-line quantity-mismatch`
  /// is neither read as a sentence nor joined to the paragraph it precedes.
  public static func isSuppressionDirective(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
    // Every directive starts with "claimlint-": most lines are told apart by their first byte.
    guard end - start >= 16, bytes[start] == UInt8(ascii: "c") else { return false }
    for keyword in directiveKeywords where end - start >= keyword.count && bytes[start..<start + keyword.count].elementsEqual(keyword) {
      var i = start + keyword.count
      if i == end { return true }
      guard bytes[i] == 0x20 || bytes[i] == 0x09 else { continue }
      while i < end {
        let b = bytes[i]
        let allowed = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2C || b == 0x20 || b == 0x09
        if !allowed { return false }
        i += 1
      }
      return true
    }
    return false
  }

  /// The directive keywords, longest first.
  private static let directiveKeywords: [[UInt8]] = [
    Array("claimlint-disable-next-line".utf8), Array("claimlint-disable".utf8), Array("claimlint-enable".utf8),
  ]
}
