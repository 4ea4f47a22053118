import Foundation
import Testing

/// Golden-file comparison for reporter output, byte for byte.
///
/// Expected outputs live in `Golden/` next to this test target (found through `#filePath`, so the tests
/// do not depend on the working directory). Run the tests with `CLAIMLINT_BLESS=1` to write the current
/// output instead of comparing; review the diff like code.
enum Golden {
  /// The `Golden` folder of this test target.
  static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Golden", isDirectory: true)
  }

  /// Whether this run rewrites the golden files.
  static var blessing: Bool { ProcessInfo.processInfo.environment["CLAIMLINT_BLESS"] == "1" }

  /// Compares `actual` with the golden file `name`, or writes it when blessing.
  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = directory.appendingPathComponent(name)
    if blessing {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
      } catch {
        Issue.record("cannot write golden file '\(name)': \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record("golden file '\(name)' is missing; run the tests with CLAIMLINT_BLESS=1", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected == actual { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var line = 0
    while line < min(e.count, a.count), e[line] == a[line] { line += 1 }
    let want = line < e.count ? String(e[line]) : "<end of file>"
    let got = line < a.count ? String(a[line]) : "<end of file>"
    Issue.record(
      "output differs from golden file '\(name)' at line \(line + 1)\n  expected: \(want)\n  actual:   \(got)\n(run with CLAIMLINT_BLESS=1 to update)",
      sourceLocation: sourceLocation)
  }
}
