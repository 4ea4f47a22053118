import ClaimLint
import ClaimLintCore
import Foundation

/// Runs the whole per-document pipeline and the rules on one input, as every format.
///
/// Built normally, `claimlint-fuzz FILE...` replays inputs (the corpus and every crash the fuzzer ever
/// found, which are regression tests). Built with `-sanitize=fuzzer -D FUZZING`, it is a libFuzzer target.
enum FuzzHarness {
  static let checker: Checker? = {
    var dir = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { dir.deleteLastPathComponent() }
    let (c, _) = Configuration.load(directory: dir.path + "/rules", displayPath: "rules")
    return c.map { Checker(configuration: $0, options: CheckerOptions(threads: 1)) }
  }()

  static func run(_ bytes: [UInt8]) {
    guard let checker else { return }
    let pipeline = DocumentPipeline(configuration: checker.configuration)
    var outputs: [DocumentPipeline.Output] = []
    for name in ["fuzz.txt", "fuzz.md", "fuzz.html"] {
      outputs.append(pipeline.process(bytes: bytes, displayPath: name))
    }
    // Cross-document rules over the three readings, plus a split of the input in two articles.
    let half = bytes.count / 2
    outputs.append(pipeline.process(bytes: Array(bytes[..<half]), displayPath: "a.txt"))
    outputs.append(pipeline.process(bytes: Array(bytes[half...]), displayPath: "b.txt"))
    _ = checker.check(outputs, draftPath: nil)
    _ = checker.check(outputs, draftPath: "a.txt")
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
  @_cdecl("claimlint_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v) { data, size in fuzzOne(data, size) }
  }
#else
  @main
  struct Replay {
    static func main() {
      var count = 0
      for path in CommandLine.arguments.dropFirst() {
        var files: [String] = []
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
          files = names.sorted().map { path + "/" + $0 }
        } else {
          files = [path]
        }
        for f in files {
          guard let data = FileManager.default.contents(atPath: f) else { continue }
          FuzzHarness.run(Array(data))
          count += 1
        }
      }
      print("claimlint-fuzz: replayed \(count) inputs without a crash")
    }
  }
#endif
