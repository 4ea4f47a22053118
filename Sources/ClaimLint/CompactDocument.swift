import ClaimLintCore
import Foundation

/// A segmented document as a large run keeps it between its two passes, in about a third of the memory.
///
/// Most segments are a verbatim stretch of the file (a paragraph of plain text or Markdown, and most
/// of a page's text): their text repeats the file's bytes, and their offset map is one verbatim run.
/// Such a segment is kept as its kind, its byte range and its reason, and its text and map are made
/// again from the file's bytes when the document is needed; every other segment is kept whole. The
/// document made again equals the one compacted, segment for segment.
///
/// At 100,000 articles this is what lets every document be kept for the second pass instead of half
/// of them being read and segmented twice (a segment's inline part alone is 128 bytes, its text as
/// long again as the bytes it repeats).
struct CompactDocument: Sendable {
  /// The document with no segments: source, metadata, remarks.
  private var shell: Document
  /// The number of segments.
  private var count: Int
  /// Per verbatim segment, in order: kind, source range, reason.
  private var kinds: [SegmentKind] = []
  private var starts: [Int32] = []
  private var ends: [Int32] = []
  private var reasons: [String?] = []
  /// The other segments, whole, with their positions in the document.
  private var whole: [(index: Int, segment: Segment)] = []

  /// The compact form of `document`.
  init(_ document: Document) {
    var shell = document
    shell.segments = []
    self.shell = shell
    count = document.segments.count
    let bytes = document.source.bytes
    let fits = bytes.count < Int(Int32.max)
    kinds.reserveCapacity(count)
    starts.reserveCapacity(count)
    ends.reserveCapacity(count)
    reasons.reserveCapacity(count)
    document.segments.withUnsafeBufferPointer { segments in
      for i in segments.indices {
        if fits && Self.isVerbatim(segments[i], in: bytes) {
          let anchor = segments[i].map[0]
          kinds.append(segments[i].kind)
          starts.append(Int32(anchor.sourceOffset))
          ends.append(Int32(anchor.sourceEnd))
          reasons.append(segments[i].reason)
        } else {
          whole.append((i, segments[i]))
        }
      }
    }
  }

  /// Whether `segment` is made again exactly from its kind, its range of `bytes` and its reason: one
  /// verbatim run from text offset 0 covering all of its text, the text those very bytes, no author.
  static func isVerbatim(_ segment: Segment, in bytes: [UInt8]) -> Bool {
    guard segment.author == nil, segment.map.count == 1 else { return false }
    let anchor = segment.map[0]
    let length = segment.text.utf8.count
    guard anchor.verbatim, anchor.textOffset == 0, anchor.sourceOffset >= 0,
      anchor.sourceEnd - anchor.sourceOffset == length, anchor.sourceEnd <= bytes.count
    else { return false }
    // The map would be the same, but the text must be too (a segment's text may differ from its
    // source bytes in ways one run does not record, and then it is kept whole).
    var text = segment.text
    return text.withUTF8 { t in
      bytes.withUnsafeBufferPointer { b in
        length == 0 || memcmp(t.baseAddress!, b.baseAddress! + anchor.sourceOffset, length) == 0
      }
    }
  }

  /// The document, as it was before it was compacted.
  var document: Document {
    var out = shell
    var segments: [Segment] = []
    segments.reserveCapacity(count)
    let bytes = shell.source.bytes
    var v = 0
    var w = 0
    for i in 0..<count {
      if w < whole.count && whole[w].index == i {
        segments.append(whole[w].segment)
        w += 1
        continue
      }
      let start = Int(starts[v])
      let end = Int(ends[v])
      let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
      var map = OffsetMap()
      map.append(textOffset: 0, sourceOffset: start, sourceEnd: end, verbatim: true)
      segments.append(Segment(kind: kinds[v], text: text, map: map, reason: reasons[v]))
      v += 1
    }
    out.segments = segments
    return out
  }

  /// The number of segments kept whole.
  var wholeSegmentCount: Int { whole.count }

  /// About how many bytes the compact document holds: its file's bytes and line starts, the compact
  /// segments, and the whole ones (counted as `DocumentPipeline.Prepared.approximateSize` does).
  var approximateSize: Int {
    let source = shell.source
    return source.bytes.count + 8 * source.lineIndex.lineStarts.count + 512
      + kinds.count * (1 + 4 + 4 + MemoryLayout<String?>.stride) + 4 * 32
      + whole.reduce(0) { $0 + MemoryLayout<(Int, Segment)>.stride + DocumentPipeline.Prepared.heapSize(of: $1.segment) }
  }
}

extension DocumentPipeline.Prepared {
  /// A prepared file as a large run keeps it between its passes: as it is, or compacted.
  enum Kept: Sendable {
    case whole(DocumentPipeline.Prepared)
    case compact(CompactDocument?, problems: [InputProblem])

    /// About how many bytes it holds (for the run's memory budget).
    var approximateSize: Int {
      switch self {
      case .whole(let p): return p.approximateSize
      case .compact(let d, _): return d?.approximateSize ?? 64
      }
    }

    /// The prepared file, as it was, moved out of this value (a copy would retain every field of a
    /// whole one, to release them when this value goes).
    consuming func takePrepared() -> DocumentPipeline.Prepared {
      switch consume self {
      case .whole(let p): return p
      case .compact(let d, let problems): return DocumentPipeline.Prepared(document: d?.document, problems: problems)
      }
    }
  }

  /// The compacted form (see `CompactDocument`).
  func compacted() -> Kept { .compact(document.map(CompactDocument.init), problems: problems) }
}
