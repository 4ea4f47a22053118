import ClaimLintCore
import ClaimLintRules
import Dispatch
import Foundation

/// Options of one check run, decided by the command line or an embedding program.
public struct CheckerOptions: Sendable {
  /// Rule ids to run; nil runs every enabled rule.
  public var onlyRules: Set<String>?
  public var maxFileSize: Int
  /// Worker threads for per-document stages (1 = serial).
  public var threads: Int
  /// Whether inline `claimlint-disable…` directives in the articles drop findings (and unused ones are
  /// reported as `unused-suppression` notes).
  public var inlineSuppressions: Bool
  /// Whether `Checker.checkStreaming` releases each story's claims and texts once it is checked (see
  /// `DocumentReport.released(keepingSource:)`); reports that show every claim or segment text (the
  /// HTML report) need them kept.
  public var releaseDocuments: Bool
  /// Whether released documents quoted by a finding keep their file's bytes, for reports that show the
  /// quoted lines (text, SARIF snippets and line hashes, CI annotations); the JSON and JUnit reports
  /// carry every position already and need none.
  public var keepQuotedSources: Bool
  /// How many bytes of segmented documents `Checker.checkStreaming`'s first pass may keep for its
  /// second (about: see `DocumentPipeline.Prepared.approximateSize`): as they are when all of the
  /// run's documents would fit so, compacted otherwise (`CompactDocument`); the others are read and
  /// segmented again when their story is checked. The documents' syndication shingles are kept from
  /// what the documents leave. 0 keeps none.
  public var preparedBudget: Int

  public init(
    onlyRules: Set<String>? = nil, maxFileSize: Int = 64 << 20, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    inlineSuppressions: Bool = true, releaseDocuments: Bool = true, keepQuotedSources: Bool = true,
    preparedBudget: Int = 384 << 20
  ) {
    self.onlyRules = onlyRules
    self.maxFileSize = maxFileSize
    self.threads = max(1, threads)
    self.inlineSuppressions = inlineSuppressions
    self.releaseDocuments = releaseDocuments
    self.keepQuotedSources = keepQuotedSources
    self.preparedBudget = max(0, preparedBudget)
  }
}

/// The front door: runs the whole pipeline over a set of inputs and returns a sorted `Report`.
public struct Checker: Sendable {
  /// The most notes one finding lists; the rest are counted in a final note.
  public static let maxNotes = 20

  public let configuration: Configuration
  public let options: CheckerOptions
  public let tool: ToolInfo
  private let pipeline: DocumentPipeline
  /// The counted-noun families, read once from the lexicons (every story's alignment uses them).
  private let nouns: NounFamilies

  public init(configuration: Configuration, options: CheckerOptions = CheckerOptions(), tool: ToolInfo = ClaimLintVersion.tool) {
    self.configuration = configuration
    self.options = options
    self.tool = tool
    self.pipeline = DocumentPipeline(configuration: configuration, maxFileSize: options.maxFileSize)
    self.nouns = NounFamilies(lexicons: configuration.lexicons)
  }

  /// Runs the per-document stages over `files` in parallel; results come back in input order.
  ///
  /// - Parameter progress: called after each file with (files done, total files); it may be called
  ///   from several threads at once, with counts that only grow, the last call being (total, total).
  public func process(
    _ files: [InputFile], stdin: [UInt8]? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> [DocumentPipeline.Output] {
    let results = ResultBox(count: files.count)
    let pipeline = self.pipeline
    if options.threads <= 1 || files.count < 4 {
      for (i, f) in files.enumerated() {
        results.set(i, pipeline.process(f, stdin: stdin))
        progress?(i + 1, files.count)
      }
    } else {
      let workers = min(options.threads, files.count)
      let next = Counter()
      let done = Counter()
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let i = next.increment()
          if i >= files.count { break }
          results.set(i, pipeline.process(files[i], stdin: stdin))
          if let progress { done.report(files.count, progress) }
        }
      }
    }
    return results.values()
  }

  /// Runs the pipeline on in-memory articles (tests, embedding): name → text.
  public func processTexts(_ texts: [(name: String, text: String)]) -> [DocumentPipeline.Output] {
    texts.map { pipeline.process(bytes: Array($0.text.utf8), displayPath: $0.name) }
  }

  /// Checks all documents against each other, or — with `draftPath` — the draft against the others.
  public func check(_ outputs: [DocumentPipeline.Output], draftPath: String?, extraProblems: [InputProblem] = []) -> Report {
    var problems = extraProblems
    var docs: [DocumentReport] = []
    for o in outputs {
      problems += o.problems
      if let r = o.report { docs.append(r) }
    }
    docs.sortMoving { $0.document.path < $1.document.path }
    let draftIndex = draftPath.flatMap { p in docs.firstIndex { $0.document.path == p } }
    let rules = selectedRules(prePublish: draftIndex != nil)
    let checked = checkStory(
      &docs, draftIndex: draftIndex, story: nil, rules: rules, rulesRun: Self.identifiers(of: rules), threads: options.threads)
    return report(documents: docs, findings: checked.findings, problems: problems, rules: rules, usedSuppressions: checked.reportsUnused,
      draftPath: draftIndex.map { docs[$0].document.path })
  }

  /// The rules this run runs, in `BuiltInRules` order.
  private func selectedRules(prePublish: Bool) -> [any Rule.Type] {
    BuiltInRules.all.filter { rule in
      let d = rule.description
      guard configuration.settings.isEnabled(d.identifier) else { return false }
      if let only = options.onlyRules, !only.contains(d.identifier) { return false }
      return !(d.prePublishOnly && !prePublish)
    }
  }

  /// The identifiers of `rules` (read once a run: a rule's `description` is built or copied at each read).
  private static func identifiers(of rules: [any Rule.Type]) -> Set<String> {
    Set(rules.map { $0.description.identifier })
  }

  /// Every built-in rule's identifier, read once.
  private static let knownRuleIDs = Set(BuiltInRules.descriptions.map(\.identifier))

  /// Runs `rules` over the documents of one story (or of a whole small run, `story` nil) and returns
  /// their findings, sorted, without repeats, with notes capped and inline suppressions applied; the
  /// documents get their corroboration counts. `rulesRun` holds the identifiers of `rules`.
  private func checkStory(
    _ docs: inout [DocumentReport], draftIndex: Int?, story: StoryOfRun?, rules selected: [any Rule.Type],
    rulesRun: Set<String>, threads: Int
  ) -> (findings: [Finding], reportsUnused: Bool) {
    // Each document is copied once, into its `DocumentClaims`; its inline suppressions are read from
    // that copy (directives count only in the documents whose findings are reported).
    var claims: [DocumentClaims] = []
    claims.reserveCapacity(docs.count)
    var maps: [String: SuppressionMap] = [:]
    for i in docs.indices {
      let document = docs[i].document
      if options.inlineSuppressions, draftIndex == nil || draftIndex == i { Suppressions.addMap(of: document, to: &maps) }
      claims.append(DocumentClaims(document: consume document, claims: docs[i].claims))
    }
    let aligned = AlignedClaims(documents: claims, draftIndex: draftIndex, nouns: nouns, story: story)
    let context = RuleContext(settings: configuration.settings, lexicons: configuration.lexicons)
    // Rules are independent of each other: they run side by side, and their findings are joined in
    // rule order (and sorted below), so the report is the same whatever the number of threads.
    var findings = ParallelMap.map(selected, threads: threads) { $0.init().check(aligned, in: context) }.flatMap { $0 }
    if let d = draftIndex {
      let path = docs[d].document.path
      findings = findings.filter { $0.span.path == path }
    }
    for i in findings.indices {
      findings[i].notes.sort()
      // One finding per discrepancy, but never hundreds of notes: keep the first ones and say how
      // many more sources agree with them.
      if findings[i].notes.count > Self.maxNotes {
        let extra = findings[i].notes.count - Self.maxNotes
        findings[i].notes = Array(findings[i].notes.prefix(Self.maxNotes))
        findings[i].notes.append(Note(span: nil, message: "and \(extra) more source\(extra == 1 ? "" : "s") (not listed)"))
      }
    }
    findings.sortMoving(by: Finding.ordered)
    // Identical findings (same rule, span and message) are reported once: the first of each run of
    // them is kept, moved into place (compared where they are, never copied).
    var unique = findings.count
    findings.withUnsafeMutableBufferPointer { all in
      var kept = 0
      for i in all.indices {
        if kept > 0, all[kept - 1].ruleID == all[i].ruleID, all[kept - 1].span == all[i].span,
          all[kept - 1].message == all[i].message
        {
          continue
        }
        if kept != i { all.swapAt(kept, i) }
        kept += 1
      }
      unique = kept
    }
    findings.removeLast(findings.count - unique)
    var reportsUnused = false
    if options.inlineSuppressions {
      Suppressions.apply(to: &findings, maps: maps, rulesRun: rulesRun, knownRules: Self.knownRuleIDs)
      findings.sortMoving(by: Finding.ordered)
      reportsUnused = findings.indices.contains { findings[$0].ruleID == Suppressions.unusedRuleID }
    }
    let corroboration = Corroboration.counts(aligned)
    for i in docs.indices { docs[i].corroboration = corroboration[i] }
    return (findings, reportsUnused)
  }

  /// The report of a check run from its parts.
  private func report(
    documents: [DocumentReport], findings: [Finding], problems: [InputProblem], rules selected: [any Rule.Type],
    usedSuppressions: Bool, draftPath: String?
  ) -> Report {
    var rules = BuiltInRules.descriptions
    if usedSuppressions { rules.append(Suppressions.unusedRule) }
    return Report(
      kind: .check, tool: tool, documents: documents, findings: findings, inputErrors: problems.sorted(),
      rules: rules.sorted { $0.identifier < $1.identifier }, exitStatus: 0, draftPath: draftPath)
  }

  /// Checks files story by story: a run's memory grows with the number of its documents, not with the
  /// size of their texts and claims.
  ///
  /// In a large run (at least `StoryGate.minimumRunSize` documents) a first pass reads and segments every
  /// file and keeps its story words, and the segmented document and its shingles (for the syndication
  /// check) while the run's budget for them lasts (`CheckerOptions.preparedBudget`); `StoryGate` joins the documents into stories, as
  /// `AlignedClaims` does for a run held in memory. A second pass then takes each story's documents
  /// (reading and segmenting again the files that were not kept), extracts their claims and runs the
  /// rules over that story alone, stories side by side on all threads. Once a story is checked, its documents keep only what the report shows
  /// (`DocumentReport.released(keepingSource:)`): the bytes of files a finding quotes, segment kinds
  /// and lines, claim counts. A smaller run is one story.
  ///
  /// The findings are those of `check(process(files), draftPath:)` on the same files (syndicated
  /// copies are looked for within each story, where copies always are); the report's documents are
  /// released, so it is meant for the text, JSON, SARIF and CI formats, not
  /// for the HTML report's claim matrix and segment texts. A file that changes between the two passes
  /// is grouped (and its syndicated copies looked for) by its first reading, and checked as it read the first time when it was kept, as it reads the second time otherwise.
  public func checkStreaming(
    _ files: [InputFile], stdin: [UInt8]? = nil, draftPath: String?, extraProblems: [InputProblem] = [],
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> Report {
    let pipeline = self.pipeline
    let files = files.sorted { $0.displayPath < $1.displayPath }
    let draftFile = draftPath.flatMap { p in files.firstIndex { $0.displayPath == p } }
    // The stories: in a large run from the story gate over every file's words, otherwise one.
    var members: [[Int]]
    var distinctive: [[UInt64]] = []
    var commonWords = Set<UInt64>()
    let large = files.count >= StoryGate.minimumRunSize
    // Segmented documents kept for the second pass, and every file's story words, taken by its
    // story's alignment (which would otherwise hash them again).
    let kept = TakeOnce<DocumentPipeline.Prepared.Kept>(Array(repeating: nil, count: files.count))
    let budget = KeepBudget(options.preparedBudget, files: files.count)
    var runWords = TakeOnce<[UInt64]>([])
    // Every file's shingles, read with its story words, taken by its story's syndication check; nil
    // for a file whose shingles did not fit the run's budget.
    var runShingles = TakeOnce<[UInt64]>([])
    if large {
      let wordsAndShingles = ParallelMap.map(Array(files.indices), threads: options.threads) { i -> (words: [UInt64], shingles: [UInt64]?) in
        let prepared = pipeline.prepare(files[i], stdin: stdin)
        // A file's shingles are read with its story words only while the run's budget may still keep
        // them (a large run's budget is spent by the documents long before its last files): the others
        // would be thrown away here and read again by their story anyway.
        let read = prepared.document.map { AlignedClaims.storyWords(of: $0, shinglesIf: budget.mayKeepShingles) }
        // Kept as it is when the run's documents would all fit so, compacted (a third of the size)
        // otherwise: a run that fits pays nothing for compaction, a larger one keeps three times as many.
        let size = prepared.approximateSize
        if budget.keepsWhole(size), budget.keepDocument(size) {
          kept.put(.whole(prepared), at: i)
        } else {
          let compact = prepared.compacted()
          if budget.keepDocument(compact.approximateSize) { kept.put(compact, at: i) }
        }
        // The shingles are kept only from what the documents still to come leave: a file whose
        // shingles are not kept has them read again from its text by its story, which costs far less
        // than reading and segmenting a file again.
        var shingles = read?.shingles ?? nil
        if let s = shingles, !budget.keepShingles(s.count * MemoryLayout<UInt64>.stride + 32) { shingles = nil }
        return (read?.words ?? [], shingles)
      }
      let words = wordsAndShingles.map(\.words)
      runShingles = TakeOnce(wordsAndShingles.map(\.shingles))
      let gate = StoryGate.stories(words, minOverlap: AlignedClaims.defaultMinStoryOverlap)
      runWords = TakeOnce(words)
      distinctive = gate.distinctiveWords
      commonWords = gate.commonWords
      var byStory: [Int: [Int]] = [:]
      for (i, s) in gate.story.enumerated() { byStory[s, default: []].append(i) }
      members = byStory.keys.sorted().map { byStory[$0]! }
    } else {
      members = [Array(files.indices)]
    }
    let rules = selectedRules(prePublish: draftFile != nil)
    let rulesRun = Self.identifiers(of: rules)
    // Larger stories first, so that the last ones to finish are small.
    let order = members.indices.sorted { a, b in members[a].count != members[b].count ? members[a].count > members[b].count : a < b }
    let done = Counter()
    let storyThreads = members.count > 1 ? options.threads : 1
    var checked = ParallelMap.map(order, threads: storyThreads) { s -> StoryOutcome in
      let group = members[s]
      // One story holding the whole run reads its files and runs its rules on every thread.
      let inner = members.count == 1 ? options.threads : 1
      var outputs = ParallelMap.map(group, threads: inner) { i -> DocumentPipeline.Output in
        // Released documents drop their claims once the story is checked: no need to store them compactly.
        let o = pipeline.finish(
          kept.take(i)?.takePrepared() ?? pipeline.prepare(files[i], stdin: stdin), compactingClaims: !options.releaseDocuments)
        if let progress { done.report(files.count, progress) }
        return o
      }
      var problems: [InputProblem] = []
      var docs: [DocumentReport] = []
      var localDraft: Int? = nil
      var docDistinctive: [[UInt64]] = []
      var docWords: [[UInt64]] = []
      var docShingles: [[UInt64]?] = []
      // Each output's report is moved out of `outputs` (copied, it would keep every field shared, and
      // `release` below would then copy its segments).
      for k in outputs.indices {
        let words = runWords.take(group[k])
        let shingles = runShingles.take(group[k])
        problems += outputs[k].problems
        guard let r = outputs[k].report.take() else { continue }
        if group[k] == draftFile { localDraft = docs.count }
        docs.append(r)
        if large {
          docDistinctive.append(distinctive[group[k]])
          docWords.append(words ?? [])
          docShingles.append(shingles)
        }
      }
      var findings: [Finding] = []
      var unused = false
      // In pre-publish mode only the draft's story can hold findings.
      if !docs.isEmpty, draftFile == nil || localDraft != nil {
        let story = large ? StoryOfRun(
            distinctiveWords: docDistinctive, commonWords: commonWords, documentWords: docWords, documentShingles: docShingles)
          : nil
        (findings, unused) = checkStory(
          &docs, draftIndex: localDraft, story: story, rules: rules, rulesRun: rulesRun, threads: inner)
      }
      if options.releaseDocuments {
        var quoted = Set<String>()
        for f in findings where options.keepQuotedSources {
          quoted.insert(f.span.path)
          for n in f.notes { if let p = n.span?.path { quoted.insert(p) } }
        }
        for k in docs.indices { docs[k].release(keepingSource: quoted.contains(docs[k].document.path)) }
      }
      return StoryOutcome(documents: docs, findings: findings, problems: problems, reportsUnused: unused)
    }
    // What the stories needed from the whole run is not needed by the report.
    distinctive = []
    commonWords = []
    // The stories' documents, findings and problems are moved out of their outcomes, not copied (a
    // copy would retain every field of every document here, and freeing the outcomes release them).
    var docs: [DocumentReport] = []
    var findings: [Finding] = []
    var problems = extraProblems
    docs.reserveCapacity(checked.reduce(0) { $0 + $1.documents.count })
    findings.reserveCapacity(checked.reduce(0) { $0 + $1.findings.count })
    for s in checked.indices {
      docs.appendMoving(from: &checked[s].documents)
      findings.appendMoving(from: &checked[s].findings)
      problems.appendMoving(from: &checked[s].problems)
    }
    docs.sortMoving { $0.document.path < $1.document.path }
    findings.sortMoving(by: Finding.ordered)
    let draftPathFound = draftFile.flatMap { i in docs.first { $0.document.path == files[i].displayPath } }?.document.path
    return report(
      documents: docs, findings: findings, problems: problems, rules: rules, usedSuppressions: checked.contains { $0.reportsUnused },
      draftPath: draftPathFound)
  }

  /// Checks several drafts, each against the same sources (never against each other), as one report.
  ///
  /// Every document in `outputs` whose path is not in `draftPaths` is a source. With one draft this is
  /// `check(_:draftPath:extraProblems:)`; with several, the report holds every draft's findings, every
  /// document (the sources' corroboration counted among the sources only) and no single `draftPath`.
  public func check(_ outputs: [DocumentPipeline.Output], draftPaths: [String], extraProblems: [InputProblem] = []) -> Report {
    let drafts = Set(draftPaths)
    let isDraft: (DocumentPipeline.Output) -> Bool = { $0.report.map { drafts.contains($0.document.path) } ?? false }
    let sources = outputs.filter { !isDraft($0) }
    let present = outputs.filter(isDraft)
    if present.count <= 1 {
      return check(outputs, draftPath: present.first?.report?.document.path ?? draftPaths.first, extraProblems: extraProblems)
    }
    var merged = check(sources, draftPath: nil, extraProblems: extraProblems)
    merged.findings = []
    var ruleIDs = Set(merged.rules.map(\.identifier))
    for draft in present {
      let one = check([draft] + sources.map { DocumentPipeline.Output(report: $0.report, problems: []) }, draftPath: draft.report?.document.path)
      merged.findings += one.findings
      merged.inputErrors += one.inputErrors
      if let doc = one.documents.first(where: { $0.document.path == draft.report?.document.path }) { merged.documents.append(doc) }
      for r in one.rules where ruleIDs.insert(r.identifier).inserted { merged.rules.append(r) }
    }
    merged.documents.sort { $0.document.path < $1.document.path }
    merged.findings.sort(by: Finding.ordered)
    merged.inputErrors.sort()
    merged.rules.sort { $0.identifier < $1.identifier }
    return merged
  }
}

/// The tool's identity.
public enum ClaimLintVersion {
  public static let version = "0.1.0"
  public static let informationURI = "https://github.com/claimlint/claimlint"
  public static let tool = ToolInfo(name: "claimlint", version: version, informationURI: informationURI)
}

/// What checking one story gives.
private struct StoryOutcome: Sendable {
  var documents: [DocumentReport]
  var findings: [Finding]
  var problems: [InputProblem]
  var reportsUnused: Bool
}

extension Array {
  /// Appends the elements of `other` in order, moving them out of it (`other` is left empty): unlike
  /// `append(contentsOf:)`, no element is copied.
  mutating func appendMoving(from other: inout [Element]) {
    // Reversed through a buffer pointer, whose `swapAt` moves the elements (`Array`'s copies them).
    other.withUnsafeMutableBufferPointer { $0.reverse() }
    while let element = other.popLast() { append(element) }
  }

  /// Removes the elements whose flag in `removed` (one for each element) is set, keeping the others in
  /// order; they are moved into place, not copied.
  mutating func removeMoving(where removed: [Bool]) {
    var kept = 0
    withUnsafeMutableBufferPointer { elements in
      for i in elements.indices where !removed[i] {
        if kept != i { elements.swapAt(kept, i) }
        kept += 1
      }
    }
    removeLast(count - kept)
  }

  /// Sorts the array as `sort(by:)` does (the same order, ties included), moving every element once
  /// instead of copying elements as they are compared and shifted: the indices are sorted, comparing
  /// the elements where they are, and the elements are then moved into their places.
  mutating func sortMoving(by areInIncreasingOrder: (Element, Element) -> Bool) {
    let n = count
    guard n > 1 else { return }
    withUnsafeMutableBufferPointer { elements in
      guard let base = elements.baseAddress else { return }
      var order = [Int](0..<n)
      order.sort { areInIncreasingOrder(base[$0], base[$1]) }
      let sorted = UnsafeMutablePointer<Element>.allocate(capacity: n)
      defer { sorted.deallocate() }
      for k in 0..<n { (sorted + k).moveInitialize(from: base + order[k], count: 1) }
      base.moveInitialize(from: sorted, count: n)
    }
  }
}

/// Values for the items of a run, put and taken from any thread; each is taken once, which frees it.
private final class TakeOnce<T>: @unchecked Sendable {
  private var storage: [T?]
  private let lock = NSLock()

  init(_ values: [T?]) { storage = values }

  /// Sets item `i`'s value.
  func put(_ value: consuming T, at i: Int) {
    lock.lock()
    defer { lock.unlock() }
    if i < storage.count { storage[i] = value }
  }

  /// Item `i`'s value, if there is one and it was not taken yet.
  func take(_ i: Int) -> T? {
    lock.lock()
    defer { lock.unlock() }
    guard i < storage.count else { return nil }
    return storage[i].take()
  }
}

/// What a large run's first pass keeps for its second, within `CheckerOptions.preparedBudget`, asked
/// from any thread as the files are prepared.
///
/// Documents come first, since reading and segmenting a file again costs far more than hashing its
/// shingles again. A document is kept whole while the run's documents, at the average whole size seen
/// so far, would all fit, and compacted otherwise. Shingles are kept only from what is left once every
/// file still to come has had its document's share set aside (at the average size kept so far).
final class KeepBudget: @unchecked Sendable {
  private var left: Int
  private let total: Int
  private let files: Int
  /// Files asked about so far, and the sum of their whole sizes.
  private var seen = 0
  private var wholeBytes = 0
  /// Documents kept so far, and their sizes.
  private var keptDocuments = 0
  private var keptBytes = 0
  private let lock = NSLock()

  init(_ bytes: Int, files: Int) {
    left = bytes
    total = bytes
    self.files = files
  }

  /// Whether the next file's document, `size` bytes as it is, should be kept as it is; called once per
  /// file, before `keepDocument`.
  func keepsWhole(_ size: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    seen += 1
    wholeBytes += size
    return wholeBytes / seen * files <= total
  }

  /// Whether a document of `bytes` fits, spending them if it does.
  func keepDocument(_ bytes: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard bytes <= left else { return false }
    left -= bytes
    keptDocuments += 1
    keptBytes += bytes
    return true
  }

  /// Whether `bytes` of shingles fit beside the documents of the files still to come, spending them if
  /// they do.
  func keepShingles(_ bytes: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard bytes <= left - reserve else { return false }
    left -= bytes
    return true
  }

  /// Whether `bytes` of shingles would fit now (`keepShingles` without spending them).
  func mayKeepShingles(_ bytes: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return bytes <= left - reserve
  }

  /// What the documents of the files still to come are expected to take, at the average size kept so far.
  private var reserve: Int { keptDocuments == 0 ? 0 : (files - seen) * (keptBytes / keptDocuments) }
}

private final class ResultBox: @unchecked Sendable {
  private var storage: [DocumentPipeline.Output?]
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ v: DocumentPipeline.Output) {
    lock.lock()
    storage[i] = v
    lock.unlock()
  }

  func values() -> [DocumentPipeline.Output] { storage.map { $0 ?? DocumentPipeline.Output(report: nil, problems: []) } }
}

private final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    let v = value
    value += 1
    return v
  }

  /// Counts one more file done and reports the count while holding the lock, so counts arrive in order.
  func report(_ total: Int, _ progress: @Sendable (Int, Int) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    progress(value, total)
  }
}
