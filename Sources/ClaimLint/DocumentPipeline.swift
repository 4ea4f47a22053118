import ClaimLintCore
import ClaimLintExtraction
import ClaimLintHTML
import Foundation

/// The per-document stages: load → read → segment → claims. Runs on one document at a time, so
/// documents can be processed in parallel.
public struct DocumentPipeline: Sendable {
  public let configuration: Configuration
  public let maxFileSize: Int
  /// Where article bytes come from (the file system, or a test's stand-in).
  public let reader: any ArticleReader
  private let extractor: ClaimExtractor
  private let segmenter: Segmenter
  /// The HTML reader, whose class and id tables are built once for the run.
  private let htmlReader = HTMLReader()
  /// Claim extraction's buffers, reused from document to document by whichever thread extracts next.
  private let scratches = ScratchPool()

  public init(configuration: Configuration, maxFileSize: Int = 64 << 20, reader: any ArticleReader = FileSystemArticleReader()) {
    self.configuration = configuration
    self.maxFileSize = maxFileSize
    self.reader = reader
    extractor = ClaimExtractor(lexicons: configuration.lexicons, extraction: configuration.extraction)
    segmenter = Segmenter(lexicons: configuration.segmentation)
  }

  /// The result of processing one file: a document with claims, and/or problems.
  public struct Output: Sendable {
    /// Spelled `Optional<…>`, as `Document`'s optional fields are: a `T?` stored `var` makes the
    /// initializer build the output aside and copy it into place.
    public var report: Optional<DocumentReport>
    public var problems: [InputProblem]

    public init(report: DocumentReport?, problems: [InputProblem]) {
      self.report = report
      self.problems = problems
    }
  }

  /// Reads a file's bytes (standard input when `filePath` is nil) through `reader`, respecting the size limit.
  public func load(_ file: InputFile, stdin: [UInt8]? = nil) -> Result<[UInt8], InputError> {
    guard let path = file.filePath else { return .success(stdin ?? []) }
    return reader.read(path: path, limit: maxFileSize).mapError { $0.inputError(path: file.displayPath, limit: maxFileSize) }
  }

  /// A file read, decoded and segmented, waiting for its claims: what `prepare` gives and `finish` takes.
  ///
  /// A large run prepares every file once to find its stories and, as far as its memory budget allows,
  /// keeps the result for the second pass instead of reading and segmenting the file again.
  public struct Prepared: Sendable {
    /// The segmented document; nil when the file could not be read or decoded (`problems` say why).
    public var document: Optional<Document>  // not `Document?`: see `Output.report`
    /// Problems met so far (an unreadable file, invalid UTF-8).
    public var problems: [InputProblem]

    /// About how many bytes of memory the prepared document holds (its file's bytes, segment texts and
    /// their offset maps), for a run's memory budget.
    public var approximateSize: Int {
      guard let d = document else { return 64 }
      // Bytes and line starts (each array with its header and the allocator's rounding), and per
      // segment its inline part, its text (a small one is inline) and its offset map's anchors
      // after the first.
      return d.source.bytes.count + 8 * d.source.lineIndex.lineStarts.count + 512
        + d.segments.reduce(0) { $0 + MemoryLayout<Segment>.stride + Self.heapSize(of: $1) }
    }

    /// About how many bytes a segment holds on the heap: its text (a small one is inline), its offset
    /// map's anchors after the first, its reason and author.
    static func heapSize(of segment: Segment) -> Int {
      let text = segment.text.utf8.count
      return (text > 15 ? text + 48 : 0) + segment.map.outOfLineSize
        + (segment.reason == nil ? 0 : 48) + (segment.author == nil ? 0 : 48)
    }
  }

  /// Runs every per-document stage on one file.
  public func process(_ file: InputFile, stdin: [UInt8]? = nil) -> Output {
    finish(prepare(file, stdin: stdin))
  }

  /// Runs the stages on bytes already read.
  public func process(bytes raw: [UInt8], displayPath: String) -> Output {
    finish(prepare(bytes: raw, displayPath: displayPath))
  }

  /// Reads, decodes and segments one file: the stages before claims.
  public func prepare(_ file: InputFile, stdin: [UInt8]? = nil) -> Prepared {
    switch load(file, stdin: stdin) {
    case .failure(let e): return Prepared(document: nil, problems: [InputProblem(e)])
    case .success(let raw): return prepare(bytes: raw, displayPath: file.displayPath)
    }
  }

  /// Decodes and segments bytes already read.
  public func prepare(bytes raw: [UInt8], displayPath: String) -> Prepared {
    let format = DocumentFormat.forPath(displayPath) ?? DocumentFormat.sniff(raw)
    let decoded: SourceDecoder.Decoded
    switch SourceDecoder.decode(raw, path: displayPath, format: format) {
    case .failure(let e): return Prepared(document: nil, problems: [InputProblem(e)])
    case .success(let d): decoded = d
    }
    // Invalid UTF-8 is an error (exit 2), but the file is still checked with replacement characters.
    let problems = decoded.problems.map { InputProblem($0) }
    let source = SourceFile(path: displayPath, bytes: decoded.bytes)
    return Prepared(document: segment(source, format: format), problems: problems)
  }

  /// Extracts the claims of a prepared file: the stages after segmenting.
  ///
  /// With `compactingClaims` (the default) the claims are stored as a long run keeps them
  /// (`compacted(_:)`); a caller that drops them as soon as their story is checked passes `false` and
  /// skips that copy.
  public func finish(_ prepared: consuming Prepared, compactingClaims: Bool = true) -> Output {
    // The document and problems are moved out of `prepared`, not copied.
    guard let document = prepared.document.take() else { return Output(report: nil, problems: prepared.problems) }
    var problems = prepared.problems
    let displayPath = document.path
    // claimlint reads English only: a page in another language gets a note, not claims read as English.
    let language = LanguageGuess.guess(document)
    var claims: [Claim] = []
    if language.isEnglish {
      let scratch = scratches.take()
      claims = extractor.claims(in: document, scratch: scratch)
      scratches.give(scratch)
    }
    if let name = language.language {
      problems.append(
        InputProblem(
          path: displayPath, message: "the article looks like \(name), not English; no claims were read from it",
          severity: .note))
    }
    // The kinds are read in place: `contains(where:)` copied each segment to hand it to the closure.
    var checkable = false
    for k in document.segments.indices where document.segments[k].kind == .reportage || document.segments[k].kind == .list {
      checkable = true
      break
    }
    if !checkable {
      let empty = document.source.bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
      problems.append(
        InputProblem(
          path: displayPath, message: empty ? "empty article; nothing to check" : "no reportage found; nothing to check",
          severity: .note))
    }
    return Output(
      report: DocumentReport(document: document, claims: compactingClaims ? Self.compacted(claims) : claims),
      problems: problems)
  }

  /// The claims as they are kept until the end of the run: in an array of exactly their number, with
  /// equal hedge lists and comment authors sharing one copy (most claims of a sentence repeat them).
  ///
  /// A large run keeps every document's claims at once, so the few hundred bytes saved per claim are
  /// what lets it fit in memory; the claims compare equal to the ones given.
  static func compacted(_ claims: consuming [Claim]) -> [Claim] {
    var hedges: [[String]: [String]] = [:]
    var authors: [String: String] = [:]
    var claims = claims
    // The claims of a sentence come together and mostly share their hedges: compared with the last
    // shared list first, most lists are not hashed at all.
    var lastHedges: [String] = []
    for i in claims.indices {
      if !claims[i].hedges.isEmpty {
        if claims[i].hedges == lastHedges {
          claims[i].hedges = lastHedges
        } else if let shared = hedges[claims[i].hedges] {
          claims[i].hedges = shared
          lastHedges = shared
        } else {
          hedges[claims[i].hedges] = claims[i].hedges
          lastHedges = claims[i].hedges
        }
      }
      if let a = claims[i].commentAuthor {
        if let shared = authors[a] { claims[i].commentAuthor = shared } else { authors[a] = a }
      }
    }
    if claims.capacity == claims.count { return claims }
    var exact: [Claim] = []
    exact.reserveCapacity(claims.count)
    exact.append(contentsOf: claims)
    return exact
  }

  /// Reads and segments a source file.
  public func segment(_ source: SourceFile, format: DocumentFormat) -> Document {
    let read: ReadResult
    switch format {
    case .text: read = PlainTextReader().read(source)
    case .markdown: read = MarkdownReader().read(source)
    case .html: read = htmlReader.read(source)
    }
    // The reader's remarks reach the document through the segmenter, which puts them before its own
    // (they were once added here a second time, and every remark of the reader was shown twice).
    // `read` is given to the segmenter at its last use: its blocks' texts move into the segments.
    return segmenter.segment(consume read, source: source, format: format)
  }

  /// The sentences of a document's claim-bearing segments (for tests and the benchmark).
  public func sentenceCount(_ document: Document) -> Int {
    document.segments.reduce(0) { $0 + extractor.sentences(of: $1).count }
  }
}

/// Extraction buffers (`ClaimExtractor.Scratch`) kept for the next document: each is used by one thread
/// at a time, between `take` and `give`. A sentence is at most `SentenceSplitter.maxSentenceBytes`
/// long, so a kept scratch stays small.
private final class ScratchPool: @unchecked Sendable {
  private var free: [ClaimExtractor.Scratch] = []
  private let lock = NSLock()
  /// More than the threads of any run; a scratch given back beyond it is dropped.
  private static let limit = 64

  /// A scratch no other thread holds: a kept one, or a new one.
  func take() -> ClaimExtractor.Scratch {
    lock.lock()
    defer { lock.unlock() }
    return free.popLast() ?? ClaimExtractor.Scratch()
  }

  /// Hands `scratch` back for the next document.
  func give(_ scratch: ClaimExtractor.Scratch) {
    lock.lock()
    defer { lock.unlock() }
    if free.count < Self.limit { free.append(scratch) }
  }
}
