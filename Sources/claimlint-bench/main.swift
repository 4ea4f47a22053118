import ClaimLint
import ClaimLintCore
import ClaimLintExtraction
import ClaimLintReporting
import ClaimLintRules
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// claimlint-bench: builds deterministic corpora and measures each pipeline stage and the whole run.
/// Run it in release builds: `swift run -c release claimlint-bench [--sizes 1000,10000,100000]`.
///
/// The end-to-end time and the peak memory come from a separate process that only does what the CLI
/// does (process, check, render JSON), so its peak is that of a real run; the per-stage columns are
/// measured in this process.

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func peakMemoryMB() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

final class Box<U>: @unchecked Sendable {
  var v: [U?]
  init(_ n: Int) { v = Array(repeating: nil, count: n) }
}

func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ f: @Sendable (T) -> U) -> [U] {
  let box = Box<U>(items.count)
  let lock = NSLock()
  DispatchQueue.concurrentPerform(iterations: items.count) { i in
    let r = f(items[i])
    lock.lock(); box.v[i] = r; lock.unlock()
  }
  return box.v.map { $0! }
}

var sizes = [1000, 10000]
var keep: String? = nil
var endToEndOnly = false
var childDirectory: String? = nil
var generateOnly = false
var storiesDirectory: String? = nil
/// The end-to-end run's budget for kept documents, in MB (nil: `CheckerOptions`' default).
var preparedBudgetMB: Int? = nil
// As the CLI does: glibc's thread cache enlarged, here and (through the environment) in the children.
Allocator.restartWithThreadCache()
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
  let a = args.removeFirst()
  if a == "--sizes", let v = args.first { sizes = v.split(separator: ",").compactMap { Int($0) }; args.removeFirst() }
  else if a == "--keep", let v = args.first { keep = v; args.removeFirst() }
  else if a == "--end-to-end-only" { endToEndOnly = true }
  else if a == "--child", let v = args.first { childDirectory = v; args.removeFirst() }
  else if a == "--generate-only" { generateOnly = true }
  else if a == "--prepared-budget", let v = args.first, let mb = Int(v), mb >= 0 { preparedBudgetMB = mb; args.removeFirst() }
  else if a == "--stories", let v = args.first { storiesDirectory = v; args.removeFirst() }
  else if a == "--help" {
    print("usage: claimlint-bench [--sizes 1000,10000,100000] [--keep DIR] [--end-to-end-only] [--prepared-budget MB]")
    print("  --prepared-budget MB  memory for segmented documents kept between the two passes of a large run")
    print("  --end-to-end-only  skip the per-stage measurements (which hold every stage's output at once)")
    print("  --generate-only    write the corpora (into --keep DIR) and stop")
    print("  --stories DIR      how the story gate groups the documents of DIR (segments only, no claims)")
    exit(0)
  }
}

var rulesDir = URL(fileURLWithPath: #filePath)
for _ in 0..<3 { rulesDir.deleteLastPathComponent() }
let (loaded, errors) = Configuration.load(directory: rulesDir.path + "/rules", displayPath: "rules")
guard let configuration = loaded else { print(errors.map(\.description).joined(separator: "\n")); exit(2) }

/// The end-to-end run as `claimlint check --format json` does it (story by story, `checkStreaming`, then
/// render JSON), alone in this process, so that its peak memory is its own: prints "seconds peakMB
/// findings bytes".
func runChild(_ directory: String, preparedBudgetMB: Int?) -> Never {
  Allocator.tuneForLargeRuns()
  let dir = URL(fileURLWithPath: directory)
  let inputs = InputSet.collect([dir.path], workingDirectory: dir.deletingLastPathComponent().path)
  // As the CLI does for --format json: no article bytes kept, the report written as it is rendered.
  var options = CheckerOptions(keepQuotedSources: false)
  if let preparedBudgetMB { options.preparedBudget = preparedBudgetMB << 20 }
  let checker = Checker(configuration: configuration, options: options)
  let t = now()
  let report = checker.checkStreaming(inputs.files, draftPath: nil)
  let written = ByteCount()
  JSONReporter.stream(report, options: ReportOptions()) { written.total += $0.count }
  let elapsed = now() - t
  print(String(format: "%.3f %.0f %d %d", elapsed, peakMemoryMB(), report.findings.count, written.total))
  exit(0)
}

/// Counts the bytes a report streams.
final class ByteCount: @unchecked Sendable {
  var total = 0
}

/// Runs `runChild` in a fresh process of this executable: (seconds, peak MB, findings).
func endToEnd(_ directory: String, preparedBudgetMB: Int?) -> (Double, Double, Int)? {
  let child = Process()
  child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
  child.arguments = ["--child", directory] + (preparedBudgetMB.map { ["--prepared-budget", String($0)] } ?? [])
  let pipe = Pipe()
  child.standardOutput = pipe
  guard (try? child.run()) != nil else { return nil }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  child.waitUntilExit()
  let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
  guard fields.count >= 3, let s = Double(fields[0]), let m = Double(fields[1]), let f = Int(fields[2]) else { return nil }
  return (s, m, f)
}

if let childDirectory { runChild(childDirectory, preparedBudgetMB: preparedBudgetMB) }

/// Prints how the story gate groups the documents of `directory`: the number of stories, the largest,
/// the candidate and joined pairs. Reads and segments only, so it runs on corpora too large to check.
func storyStatistics(_ directory: String) -> Never {
  let dir = URL(fileURLWithPath: directory)
  let files = InputSet.collect([dir.path], workingDirectory: dir.deletingLastPathComponent().path).files
  let pipeline = DocumentPipeline(configuration: configuration)
  let t = now()
  let prepared: [(words: [UInt64], size: Int)] = parallelMap(files) { f in
    let p = pipeline.prepare(f)
    return (p.document.map(AlignedClaims.storyWords(of:)) ?? [], p.approximateSize)
  }
  let words = prepared.map(\.words)
  let tWords = now() - t
  let t2 = now()
  let gate = StoryGate.stories(words, minOverlap: AlignedClaims.defaultMinStoryOverlap)
  let tGate = now() - t2
  var sizes: [Int: Int] = [:]
  for s in gate.story { sizes[s, default: 0] += 1 }
  var histogram: [Int: Int] = [:]
  for (_, n) in sizes { histogram[n, default: 0] += 1 }
  print("documents \(files.count), stories \(sizes.count), largest \(sizes.values.max() ?? 0), candidate pairs \(gate.candidatePairs), joined pairs \(gate.joinedPairs)")
  print("story sizes (documents: stories): " + histogram.keys.sorted().map { "\($0): \(histogram[$0]!)" }.joined(separator: ", "))
  print(String(format: "words %.2f s, gate %.2f s", tWords, tGate))
  // What keeping every segmented document for the second pass would take, as the run's budget counts
  // it (compare with the peak of `--child DIR --prepared-budget 0` and of a budget that keeps all).
  print(String(format: "segmented documents, estimated size: %.1f MB", Double(prepared.reduce(0) { $0 + $1.size }) / 1_048_576))
  exit(0)
}

if let storiesDirectory { storyStatistics(storiesDirectory) }

let cores = ProcessInfo.processInfo.activeProcessorCount
print("claimlint-bench: \(cores) cores, release=\(_isDebugAssertConfiguration() ? "no (numbers not meaningful)" : "yes")")
print("")
print(
  "articles        MB   load MB/s  segment MB/s  sentences MB/s  extract MB/s  align+rules s  report s  end-to-end s  MB/s   art/s  wc -w s  peak MB  findings")

/// Per-stage measurements of one corpus, in this process: (seconds per stage, rules breakdown).
struct StageTimes {
  var load = Double.nan
  var segment = Double.nan
  var sentences = Double.nan
  var extract = Double.nan
  var rules = Double.nan
  var report = Double.nan
  var breakdown: [(String, Double)] = []
}

/// Measures load, segment, sentences, extract, align+rules and report separately. Every stage's output
/// is held at once here, so this process's memory says nothing about a real run (see `endToEnd`).
func measureStages(_ files: [InputFile]) -> StageTimes {
  var times = StageTimes()
  let pipeline = DocumentPipeline(configuration: configuration)
  let extractor = ClaimExtractor(lexicons: configuration.lexicons, extraction: configuration.extraction)
  var t = now()
  let raw: [[UInt8]] = parallelMap(files) { f in (try? pipeline.load(f).get()) ?? [] }
  times.load = now() - t

  t = now()
  let docs: [Document] = parallelMap(Array(zip(files, raw))) { pair in
    let (f, bytes) = pair
    return pipeline.segment(SourceFile(path: f.displayPath, bytes: bytes), format: DocumentFormat.forPath(f.displayPath) ?? .text)
  }
  times.segment = now() - t

  t = now()
  let sentenceCounts: [Int] = parallelMap(docs) { pipeline.sentenceCount($0) }
  times.sentences = now() - t
  _ = sentenceCounts.reduce(0, +)

  t = now()
  let claims: [[Claim]] = parallelMap(docs) { extractor.claims(in: $0) }
  times.extract = now() - t

  let checker = Checker(configuration: configuration)
  let outputs = zip(docs, claims).map { DocumentPipeline.Output(report: DocumentReport(document: $0, claims: $1), problems: []) }
  t = now()
  let report = checker.check(outputs, draftPath: nil)
  times.rules = now() - t

  // The rules stage broken down: alignment (stories, syndication, sentence words), then each rule.
  t = now()
  let docReports = outputs.compactMap(\.report).sorted { $0.document.path < $1.document.path }
  let aligned = AlignedClaims(
    documents: docReports.map { DocumentClaims(document: $0.document, claims: $0.claims) }, draftIndex: nil,
    nouns: NounFamilies(lexicons: configuration.lexicons))
  times.breakdown.append(("align", now() - t))
  let context = RuleContext(settings: configuration.settings, lexicons: configuration.lexicons)
  for rule in BuiltInRules.all where !rule.description.prePublishOnly {
    t = now()
    _ = rule.init().check(aligned, in: context)
    times.breakdown.append((rule.description.identifier, now() - t))
  }
  t = now()
  _ = Corroboration.counts(aligned)
  times.breakdown.append(("corroboration", now() - t))

  t = now()
  let json = JSONReporter.render(report, options: ReportOptions())
  times.report = now() - t
  _ = json.utf8.count
  return times
}

var previous: (Int, Double)? = nil
for n in sizes {
  let dir = URL(fileURLWithPath: keep ?? NSTemporaryDirectory()).appendingPathComponent("claimlint-bench-\(n)")
  if !FileManager.default.fileExists(atPath: dir.path) { _ = try CorpusGenerator.write(articles: n, into: dir) }
  if generateOnly { print("\(dir.path)"); continue }
  let files = InputSet.collect([dir.path], workingDirectory: dir.deletingLastPathComponent().path).files
  let mb = Double(files.reduce(0) { total, f in
    total + ((try? FileManager.default.attributesOfItem(atPath: f.filePath ?? ""))?[.size] as? Int ?? 0)
  }) / 1e6

  // End to end, as the CLI does it, in a fresh process; first, because Linux hands a process's peak
  // memory on through fork and exec: started after the stages, the child would report theirs.
  guard let (tEnd, peak, findings) = endToEnd(dir.path, preparedBudgetMB: preparedBudgetMB) else {
    print("claimlint-bench: the end-to-end run of \(dir.path) failed")
    exit(1)
  }

  let stages = endToEndOnly ? StageTimes() : measureStages(files)

  // A plain pass over the same bytes: wc -w.
  var tWc = Double.nan
  let wc = Process()
  wc.executableURL = URL(fileURLWithPath: "/bin/sh")
  wc.arguments = ["-c", "find '\(dir.path)' -type f -print0 | xargs -0 cat | wc -w > /dev/null"]
  let t = now()
  if (try? wc.run()) != nil { wc.waitUntilExit(); tWc = now() - t }

  func rate(_ s: Double, _ width: Int) -> String { s.isNaN ? String(repeating: " ", count: width - 1) + "-" : String(format: "%\(width).1f", mb / s) }
  func secs(_ s: Double, _ width: Int) -> String { s.isNaN ? String(repeating: " ", count: width - 1) + "-" : String(format: "%\(width).3f", s) }
  print(
    String(format: "%8d %9.1f", files.count, mb) + "  " + rate(stages.load, 9) + "  " + rate(stages.segment, 12)
      + "  " + rate(stages.sentences, 14) + "  " + rate(stages.extract, 12)
      + "  " + secs(stages.rules, 13) + "  " + secs(stages.report, 8)
      + "  " + String(format: "%12.3f", tEnd) + "  " + String(format: "%5.1f", mb / tEnd)
      + "  " + String(format: "%6.0f", Double(files.count) / tEnd) + "  " + String(format: "%7.3f", tWc)
      + "  " + String(format: "%7.0f", peak) + "  " + String(findings))
  if !stages.breakdown.isEmpty {
    print("          rules stage: " + stages.breakdown.map { "\($0.0) " + String(format: "%.3f", $0.1) }.joined(separator: ", "))
  }
  if let (pn, pt) = previous {
    print(String(format: "          growth %dx articles → %.1fx time", n / pn, tEnd / pt))
  }
  previous = (n, tEnd)
}
