import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file system where some files fail the way real ones do, whoever runs the tests.
private struct FailingReader: ArticleReader {
  var failures: [String: ArticleReadFailure]
  var texts: [String: String]

  func read(path: String, limit: Int) -> Result<[UInt8], ArticleReadFailure> {
    if let f = failures[path] { return .failure(f) }
    guard let t = texts[path] else { return .failure(.notFound) }
    return .success(Array(t.utf8))
  }
}

@Suite struct ArticleReaderTests {
  let fire = """
    2024-07-02

    Firefighters evacuated 300 residents from the hillside estates on Monday, the fire service said.

    """
  let fireWire = """
    2024-07-02

    Firefighters evacuated 450 residents from the hillside estates on Monday, the fire service said.

    """

  @Test(arguments: [
    (ArticleReadFailure.failed(reason: "permission denied"), "cannot read file: permission denied"),
    (.failed(reason: "input/output error"), "cannot read file: input/output error"),
    (.notRegularFile(kind: "a socket"), "not a regular file (a socket); expected a text, Markdown, or HTML file"),
    (.tooLarge(bytes: 900), "file is 900 bytes, over the size limit of 64 bytes (raise it with --max-file-size)"),
  ])
  func issue8ReadFailureIsAnInputErrorAndTheOthersAreStillChecked(failure: ArticleReadFailure, message: String) {
    let reader = FailingReader(
      failures: ["/news/radio.txt": failure], texts: ["/news/desk.txt": fire, "/news/wire.txt": fireWire])
    let pipeline = DocumentPipeline(configuration: TestSupport.configuration, maxFileSize: 64, reader: reader)
    let files = ["desk.txt", "radio.txt", "wire.txt"].map { InputFile(displayPath: $0, filePath: "/news/" + $0) }
    let big = DocumentPipeline(configuration: TestSupport.configuration, reader: reader)
    let outputs = files.map { $0.displayPath == "radio.txt" ? pipeline.process($0) : big.process($0) }
    let report = TestSupport.checker().check(outputs, draftPath: nil)
    #expect(report.inputErrors == [InputProblem(path: "radio.txt", message: message, severity: .error)])
    #expect(report.documents.map(\.document.path) == ["desk.txt", "wire.txt"])
    #expect(report.findings.contains { $0.ruleID == "quantity-mismatch" }, "the readable articles are still compared")
  }

  func scratch() throws -> String {
    let dir = TestScratch.folder("reader").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func fileSystemReaderReadsWholeFilesAcrossChunks() throws {
    let dir = try scratch()
    let text = String(repeating: "The council approved the budget on Tuesday. ", count: 5_000)
    try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/budget.txt"))
    let read = FileSystemArticleReader().read(path: dir + "/budget.txt", limit: 1 << 20)
    #expect(try read.get() == Array(text.utf8))
    #expect(FileSystemArticleReader().read(path: dir + "/budget.txt", limit: 1000) == .failure(.tooLarge(bytes: text.utf8.count)))
  }

  /// The reader itself refuses special files, so a FIFO swapped in after the directory walk cannot block.
  @Test func fileSystemReaderNeverOpensSpecialFilesForLong() throws {
    let dir = try scratch()
    #expect(mkfifo(dir + "/live.txt", 0o644) == 0)
    #expect(FileSystemArticleReader().read(path: dir + "/live.txt", limit: 100) == .failure(.notRegularFile(kind: "a FIFO")))
    #expect(FileSystemArticleReader().read(path: dir, limit: 100) == .failure(.notRegularFile(kind: "a directory")))
    #expect(FileSystemArticleReader().read(path: "/dev/null", limit: 100) == .failure(.notRegularFile(kind: "a device")))
    #expect(FileSystemArticleReader().read(path: dir + "/missing.txt", limit: 100) == .failure(.notFound))
  }

  @Test func fileSystemReaderNamesTheSystemReason() throws {
    let dir = try scratch()
    try Data("Officials said 12 roads were closed.\n".utf8).write(to: URL(fileURLWithPath: dir + "/roads.txt"))
    // A path through a regular file fails with ENOTDIR, for root too.
    #expect(
      FileSystemArticleReader().read(path: dir + "/roads.txt/inner.txt", limit: 100) == .failure(.failed(reason: "not a directory")))
  }
}
