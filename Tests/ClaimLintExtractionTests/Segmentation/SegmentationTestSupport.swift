import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

/// Reads and segments an article the way the checker does, with the built-in lexicons.
func segmentArticle(_ text: String, format: DocumentFormat = .text, path: String = "article.txt") -> Document {
  let source = SourceFile(path: path, text: text)
  let read: ReadResult
  switch format {
  case .markdown: read = MarkdownReader().read(source)
  default: read = PlainTextReader().read(source)
  }
  return Segmenter(lexicons: .builtIn).segment(read, source: source, format: format)
}

/// The segment whose text starts with `prefix`.
func segment(_ doc: Document, startingWith prefix: String) -> Segment? {
  doc.segments.first { $0.text.hasPrefix(prefix) }
}

/// The kinds of the segments, in order.
func kinds(_ doc: Document) -> [SegmentKind] { doc.segments.map(\.kind) }

/// The UTF-8 offset of `needle` in `text`.
func utf8Offset(of needle: String, in text: String) -> Int? {
  guard let r = text.range(of: needle) else { return nil }
  return text.utf8.distance(from: text.startIndex, to: r.lowerBound)
}

/// Checks that every word of letters and digits in each text maps back to the same bytes of the file.
func expectExactMaps(
  _ parts: [(text: String, map: OffsetMap)], in source: SourceFile, sourceLocation: SourceLocation = #_sourceLocation
) {
  for part in parts {
    let utf8 = Array(part.text.utf8)
    var i = 0
    while i < utf8.count {
      guard TextShape.isLetterOrDigit(utf8[i]) else {
        i += 1
        continue
      }
      let start = i
      while i < utf8.count, TextShape.isLetterOrDigit(utf8[i]) { i += 1 }
      let word = String(decoding: utf8[start..<i], as: UTF8.self)
      let s = part.map.sourceOffset(forStart: start)
      let e = part.map.sourceOffset(forEnd: i)
      #expect(source.text(from: s, to: e) == word, "word '\(word)' maps to other bytes", sourceLocation: sourceLocation)
    }
  }
}
