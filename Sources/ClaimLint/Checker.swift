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

  public init(
    onlyRules: Set<String>? = nil, maxFileSize: Int = 64 << 20, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    inlineSuppressions: Bool = true
  ) {
    self.onlyRules = onlyRules
    self.maxFileSize = maxFileSize
    self.threads = max(1, threads)
    self.inlineSuppressions = inlineSuppressions
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

  public init(configuration: Configuration, options: CheckerOptions = CheckerOptions(), tool: ToolInfo = ClaimLintVersion.tool) {
    self.configuration = configuration
    self.options = options
    self.tool = tool
    self.pipeline = DocumentPipeline(configuration: configuration, maxFileSize: options.maxFileSize)
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
    docs.sort { $0.document.path < $1.document.path }
    let draftIndex = draftPath.flatMap { p in docs.firstIndex { $0.document.path == p } }
    let aligned = AlignedClaims(
      documents: docs.map { DocumentClaims(document: $0.document, claims: $0.claims) }, draftIndex: draftIndex,
      nouns: NounFamilies(lexicons: configuration.lexicons))
    let context = RuleContext(settings: configuration.settings, lexicons: configuration.lexicons)
    var rulesRun = Set<String>()
    var selected: [any Rule.Type] = []
    for rule in BuiltInRules.all {
      let d = rule.description
      guard configuration.settings.isEnabled(d.identifier) else { continue }
      if let only = options.onlyRules, !only.contains(d.identifier) { continue }
      if d.prePublishOnly && draftIndex == nil { continue }
      rulesRun.insert(d.identifier)
      selected.append(rule)
    }
    // Rules are independent of each other: they run side by side, and their findings are joined in
    // rule order (and sorted below), so the report is the same whatever the number of threads.
    var findings = ParallelMap.map(selected, threads: options.threads) { $0.init().check(aligned, in: context) }.flatMap { $0 }
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
    findings.sort(by: Finding.ordered)
    // Identical findings (same rule, span and message) are reported once.
    var unique: [Finding] = []
    for f in findings where unique.last.map({ $0.ruleID != f.ruleID || $0.span != f.span || $0.message != f.message }) ?? true {
      unique.append(f)
    }
    var rules = BuiltInRules.descriptions
    if options.inlineSuppressions {
      // Directives count only in the documents whose findings are reported.
      let scope = draftIndex.map { [docs[$0].document] } ?? docs.map(\.document)
      unique = Suppressions.apply(
        to: unique, documents: scope, rulesRun: rulesRun, knownRules: Set(rules.map(\.identifier)))
      unique.sort(by: Finding.ordered)
      if unique.contains(where: { $0.ruleID == Suppressions.unusedRuleID }) { rules.append(Suppressions.unusedRule) }
    }
    let corroboration = Corroboration.counts(aligned)
    for i in docs.indices { docs[i].corroboration = corroboration[i] }
    return Report(
      kind: .check, tool: tool, documents: docs, findings: unique, inputErrors: problems.sorted(),
      rules: rules.sorted { $0.identifier < $1.identifier }, exitStatus: 0,
      draftPath: draftIndex.map { docs[$0].document.path })
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
