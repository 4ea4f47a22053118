import ClaimLintCore

/// Builds extracted text together with the `OffsetMap` that leads each byte back to the source file.
///
/// Verbatim bytes whose source offsets continue the previous run extend that run, so a line copied
/// byte by byte still costs one anchor. Replacements (a decoded entity, a space standing for a line
/// break) get an anchor of their own that covers the source bytes they stand for.
struct MappedTextBuilder {
  /// The extracted UTF-8 bytes so far.
  private(set) var bytes: [UInt8] = []
  private var map = OffsetMap()
  private var runText = -1
  private var runSource = 0
  private var runEnd = 0
  private var runVerbatim = true

  init() {}

  /// Makes room for `count` bytes of text in all, so that appending up to that many grows no buffer.
  mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

  /// Whether nothing was appended yet.
  var isEmpty: Bool { bytes.isEmpty }

  /// Appends `source[from..<to]` verbatim.
  mutating func appendVerbatim(_ source: [UInt8], from: Int, to: Int) {
    guard to > from else { return }
    if runText >= 0, runVerbatim, runEnd == from, runText + (runEnd - runSource) == bytes.count {
      runEnd = to
    } else {
      flush()
      runText = bytes.count
      runSource = from
      runEnd = to
      runVerbatim = true
    }
    // Copied through a buffer pointer: an `ArraySlice` of `source` would retain its storage (and
    // release it after), once for every line or span appended.
    source.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from..<to])) }
  }

  /// Appends one byte copied from source offset `offset`.
  mutating func appendVerbatimByte(_ byte: UInt8, at offset: Int) {
    if runText >= 0, runVerbatim, runEnd == offset, runText + (runEnd - runSource) == bytes.count {
      runEnd = offset + 1
    } else {
      flush()
      runText = bytes.count
      runSource = offset
      runEnd = offset + 1
      runVerbatim = true
    }
    bytes.append(byte)
  }

  /// Appends `text`, which stands for the source bytes `sourceFrom..<sourceTo` without copying them.
  mutating func appendReplacement(_ text: [UInt8], sourceFrom: Int, sourceTo: Int) {
    guard !text.isEmpty else { return }
    flush()
    runText = bytes.count
    runSource = sourceFrom
    runEnd = max(sourceFrom, sourceTo)
    runVerbatim = false
    bytes.append(contentsOf: text)
    flush()
  }

  /// Appends the one byte `byte`, which stands for the source bytes `sourceFrom..<sourceTo`: the same
  /// as `appendReplacement([byte], …)` without making an array for it.
  mutating func appendReplacement(byte: UInt8, sourceFrom: Int, sourceTo: Int) {
    flush()
    runText = bytes.count
    runSource = sourceFrom
    runEnd = max(sourceFrom, sourceTo)
    runVerbatim = false
    bytes.append(byte)
    flush()
  }

  /// Appends already-mapped text (another segment) after the current text.
  mutating func appendMapped(_ text: String, map other: OffsetMap) {
    flush()
    let base = bytes.count
    for i in 0..<other.count {
      var anchor = other[i]
      anchor.textOffset += base
      map.append(anchor)
    }
    bytes.append(contentsOf: text.utf8)
  }

  private mutating func flush() {
    guard runText >= 0 else { return }
    map.append(textOffset: runText, sourceOffset: runSource, sourceEnd: runEnd, verbatim: runVerbatim)
    runText = -1
  }

  /// The text and its map with leading and trailing ASCII whitespace removed.
  mutating func finishTrimmed() -> (text: String, map: OffsetMap) {
    flush()
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    var start = 0
    var end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    if start == 0, end == bytes.count { return (String(decoding: bytes, as: UTF8.self), map) }
    var trimmed = OffsetMap()
    for i in 0..<map.count where map[i].textOffset < end {
      let a = map[i]
      var source = a.sourceOffset
      if a.textOffset < start, a.verbatim { source = min(source + (start - a.textOffset), a.sourceEnd) }
      trimmed.append(textOffset: max(0, a.textOffset - start), sourceOffset: source, sourceEnd: a.sourceEnd, verbatim: a.verbatim)
    }
    return (String(decoding: bytes[start..<end], as: UTF8.self), trimmed)
  }

  /// `finishTrimmed()`, leaving the builder empty for the next text with its byte buffer kept (a
  /// reader building block after block then grows that buffer once, not once per block).
  mutating func finishTrimmedAndReset() -> (text: String, map: OffsetMap) {
    let finished = finishTrimmed()
    bytes.removeAll(keepingCapacity: true)
    map = OffsetMap()
    return finished
  }

  /// The text and its map.
  mutating func finish() -> (text: String, map: OffsetMap) {
    flush()
    return (String(decoding: bytes, as: UTF8.self), map)
  }

  /// The text and its map, leaving the builder empty for the next text with its byte buffer kept (a
  /// reader building block after block allocates that buffer once).
  mutating func finishAndReset() -> (text: String, map: OffsetMap) {
    flush()
    let text = String(decoding: bytes, as: UTF8.self)
    let finished = map
    bytes.removeAll(keepingCapacity: true)
    map = OffsetMap()
    return (text, finished)
  }
}

extension Segment {
  /// Joins segments' texts with `separator`, keeping every map exact; the separator maps to the gap
  /// between the two segments in the source.
  static func joined(
    _ parts: [(text: String, map: OffsetMap)], separator: String = "\n"
  ) -> (text: String, map: OffsetMap) {
    var builder = MappedTextBuilder()
    // Made once, not once per part.
    let separatorBytes = Array(separator.utf8)
    // The joined text's exact length, so its buffer is allocated once.
    var length = max(0, parts.count - 1) * separatorBytes.count
    for k in parts.indices { length += parts[k].text.utf8.count }
    builder.reserveCapacity(length)
    var previousEnd: Int?
    // The parts are read in place (`for part in parts` copied each, its text and map retained).
    for k in parts.indices {
      let start = parts[k].map.sourceOffset(forStart: 0)
      if let end = previousEnd {
        builder.appendReplacement(separatorBytes, sourceFrom: end, sourceTo: max(end, start))
      }
      builder.appendMapped(parts[k].text, map: parts[k].map)
      previousEnd = parts[k].map.sourceOffset(forEnd: parts[k].text.utf8.count)
    }
    return builder.finish()
  }
}
