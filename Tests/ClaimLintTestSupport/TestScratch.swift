import Foundation

/// The folder this test process writes its files under: one per process, removed when the process
/// exits, so test runs leave nothing behind in the system's temporary directory.
public enum TestScratch {
  public static let root: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimlint-test-run-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
    return url
  }()

  /// A fresh, not yet created folder name under `root`.
  public static func folder(_ prefix: String) -> URL { root.appendingPathComponent("\(prefix)-\(UUID().uuidString)") }
}
