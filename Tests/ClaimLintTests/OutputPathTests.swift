import ClaimLint
import ClaimLintTestSupport
import Foundation
import Testing

/// Issue #8: written paths stay inside the working directory.
@Suite struct OutputPathTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var path: String
    var problem: String?
    var testDescription: String { path }
  }

  static let cases: [Case] = [
    Case(path: "report.sarif", problem: nil),
    Case(path: "./reports/report.sarif", problem: nil),
    Case(path: "reports/../report.sarif", problem: nil),
    Case(path: "inside/report.sarif", problem: nil),
    Case(path: "missing/report.sarif", problem: nil),
    Case(path: "", problem: "empty output path"),
    Case(path: "/tmp/report.sarif", problem: "output path is absolute; give a path inside the working directory"),
    Case(path: "../report.sarif", problem: "output path leaves the working directory"),
    Case(path: "reports/../../report.sarif", problem: "output path leaves the working directory"),
    Case(path: "escape/report.sarif", problem: "output path leads outside the working directory through a symbolic link"),
    Case(path: "reports/escape/deeper/report.sarif", problem: "output path leads outside the working directory through a symbolic link"),
    Case(path: "link.sarif", problem: "output path is a symbolic link"),
  ]

  /// A working directory with `reports/`, `inside` → `reports`, and links that lead out.
  static let workingDirectory: String = {
    let fm = FileManager.default
    let root = TestScratch.folder("output").path
    let outside = root + "/outside"
    let cwd = root + "/project"
    try? fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try? fm.createDirectory(atPath: cwd + "/reports", withIntermediateDirectories: true)
    try? fm.createSymbolicLink(atPath: cwd + "/inside", withDestinationPath: "reports")
    try? fm.createSymbolicLink(atPath: cwd + "/escape", withDestinationPath: outside)
    try? fm.createSymbolicLink(atPath: cwd + "/reports/escape", withDestinationPath: "../../outside")
    try? fm.createSymbolicLink(atPath: cwd + "/link.sarif", withDestinationPath: outside + "/report.sarif")
    return cwd
  }()

  @Test(arguments: cases)
  func issue8WrittenPathsStayInsideTheWorkingDirectory(_ c: Case) {
    #expect(OutputPath.problem(c.path, workingDirectory: Self.workingDirectory) == c.problem)
  }

  @Test func writeNeverFollowsALinkAtThePathItself() throws {
    let cwd = Self.workingDirectory
    #expect(OutputPath.write("{}", to: cwd + "/link.sarif") == "too many levels of symbolic links")
    #expect(!FileManager.default.fileExists(atPath: cwd + "/../outside/report.sarif"))
    #expect(OutputPath.write("{}", to: cwd + "/reports") == "is a directory")
    #expect(OutputPath.write("{\"a\": 1}", to: cwd + "/reports/ok.json") == nil)
    #expect(try String(contentsOfFile: cwd + "/reports/ok.json", encoding: .utf8) == "{\"a\": 1}")
  }
}
