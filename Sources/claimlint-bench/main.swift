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
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
  let a = args.removeFirst()
  if a == "--sizes", let v = args.first { sizes = v.split(separator: ",").compactMap { Int($0) }; args.removeFirst() }
  else if a == "--keep", let v = args.first { keep = v; args.removeFirst() }
  else if a == "--help" { print("usage: claimlint-bench [--sizes 1000,10000,100000] [--keep DIR]"); exit(0) }
}

var rulesDir = URL(fileURLWithPath: #filePath)
for _ in 0..<3 { rulesDir.deleteLastPathComponent() }
let (loaded, errors) = Configuration.load(directory: rulesDir.path + "/rules", displayPath: "rules")
guard let configuration = loaded else { print(errors.map(\.description).joined(separator: "\n")); exit(2) }
let cores = ProcessInfo.processInfo.activeProcessorCount
print("claimlint-bench: \(cores) cores, release=\(_isDebugAssertConfiguration() ? "no (numbers not meaningful)" : "yes")")
print("")
print("articles        MB   load MB/s  segment MB/s  sentences MB/s  extract MB/s  align+rules s  report s  end-to-end s  MB/s   art/s  wc -w s  peak MB  findings")

var previous: (Int, Double)? = nil
for n in sizes {
  let dir = URL(fileURLWithPath: keep ?? NSTemporaryDirectory()).appendingPathComponent("claimlint-bench-\(n)")
  if !FileManager.default.fileExists(atPath: dir.path) { _ = try CorpusGenerator.write(articles: n, into: dir) }
  let inputs = InputSet.collect([dir.path], workingDirectory: dir.deletingLastPathComponent().path)
  let files = inputs.files
  let pipeline = DocumentPipeline(configuration: configuration)
  let extractor = ClaimExtractor(lexicons: configuration.lexicons, extraction: configuration.extraction)

  var t = now()
  let raw: [[UInt8]] = parallelMap(files) { f in (try? pipeline.load(f).get()) ?? [] }
  let tLoad = now() - t
  let mb = Double(raw.reduce(0) { $0 + $1.count }) / 1e6

  t = now()
  let docs: [Document] = parallelMap(Array(zip(files, raw))) { pair in
    let (f, bytes) = pair
    return pipeline.segment(SourceFile(path: f.displayPath, bytes: bytes), format: DocumentFormat.forPath(f.displayPath) ?? .text)
  }
  let tSegment = now() - t

  t = now()
  let sentenceCounts: [Int] = parallelMap(docs) { pipeline.sentenceCount($0) }
  let tSentences = now() - t
  _ = sentenceCounts.reduce(0, +)

  t = now()
  let claims: [[Claim]] = parallelMap(docs) { extractor.claims(in: $0) }
  let tExtract = now() - t

  let checker = Checker(configuration: configuration)
  let outputs = zip(docs, claims).map { DocumentPipeline.Output(report: DocumentReport(document: $0, claims: $1), problems: []) }
  t = now()
  let report = checker.check(outputs, draftPath: nil)
  let tRules = now() - t

  // The rules stage broken down: alignment (stories, syndication, sentence words), then each rule.
  var ruleTimes: [(String, Double)] = []
  t = now()
  let docReports = outputs.compactMap(\.report).sorted { $0.document.path < $1.document.path }
  let aligned = AlignedClaims(
    documents: docReports.map { DocumentClaims(document: $0.document, claims: $0.claims) }, draftIndex: nil,
    nouns: NounFamilies(lexicons: configuration.lexicons))
  ruleTimes.append(("align", now() - t))
  let context = RuleContext(settings: configuration.settings, lexicons: configuration.lexicons)
  for rule in BuiltInRules.all where !rule.description.prePublishOnly {
    t = now()
    _ = rule.init().check(aligned, in: context)
    ruleTimes.append((rule.description.identifier, now() - t))
  }
  t = now()
  _ = Corroboration.counts(aligned)
  ruleTimes.append(("corroboration", now() - t))

  t = now()
  let json = JSONReporter.render(report, options: ReportOptions())
  let tReport = now() - t
  _ = json.utf8.count

  // End to end, as the CLI does it: process files, check, render JSON.
  t = now()
  let e2eOutputs = checker.process(files)
  let e2e = checker.check(e2eOutputs, draftPath: nil)
  _ = JSONReporter.render(e2e, options: ReportOptions())
  let tEnd = now() - t

  // A plain pass over the same bytes: wc -w.
  var tWc = Double.nan
  let wc = Process()
  wc.executableURL = URL(fileURLWithPath: "/bin/sh")
  wc.arguments = ["-c", "find '\(dir.path)' -type f -print0 | xargs -0 cat | wc -w > /dev/null"]
  t = now()
  if (try? wc.run()) != nil { wc.waitUntilExit(); tWc = now() - t }

  func rate(_ s: Double) -> String { String(format: "%9.1f", mb / s) }
  print(
    String(format: "%8d %9.1f", files.count, mb) + "  " + rate(tLoad) + "  " + String(format: "%12.1f", mb / tSegment)
      + "  " + String(format: "%14.1f", mb / tSentences) + "  " + String(format: "%12.1f", mb / tExtract)
      + "  " + String(format: "%13.3f", tRules) + "  " + String(format: "%8.3f", tReport)
      + "  " + String(format: "%12.3f", tEnd) + "  " + String(format: "%5.1f", mb / tEnd)
      + "  " + String(format: "%6.0f", Double(files.count) / tEnd) + "  " + String(format: "%7.3f", tWc)
      + "  " + String(format: "%7.0f", peakMemoryMB()) + "  " + String(e2e.findings.count))
  print("          rules stage: " + ruleTimes.map { "\($0.0) " + String(format: "%.3f", $0.1) }.joined(separator: ", "))
  if let (pn, pt) = previous {
    print(String(format: "          growth %dx articles → %.1fx time", n / pn, tEnd / pt))
  }
  previous = (n, tEnd)
}
