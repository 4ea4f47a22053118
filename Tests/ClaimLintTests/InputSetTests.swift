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

/// How the paths on a command line become the list of articles: what is walked, listed, skipped with
/// a note, or refused with an error.
@Suite struct InputSetTests {
  /// A scratch tree of article folders, and what `collect` makes of it from inside.
  private struct Tree {
    let root: URL

    init() throws {
      root = TestScratch.folder("inputset")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String = "Rescuers reached 40 families on Monday.\n") throws {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }

    func link(_ path: String, to target: String) throws {
      try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    /// Paths are named as a user in `root` would; `collect` opens them from the process's directory.
    func collect(_ paths: [String]) -> InputSet { InputSet.collect(paths.map { root.path + "/" + $0 }, workingDirectory: root.path) }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  private func messages(_ set: InputSet) -> [String: String] {
    Dictionary(set.problems.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func walksFoldersInNameOrderAndSkipsHiddenAndDocumentationFiles() throws {
    let tree = try Tree()
    defer { tree.remove() }
    try tree.write("wires/b/reuters.md")
    try tree.write("wires/a/afp.html", "<p>Rescuers reached 40 families.</p>")
    try tree.write("wires/a/ap.txt")
    try tree.write("wires/.drafts/secret.txt")
    try tree.write("wires/.hidden.txt")
    try tree.write("wires/README.md")
    try tree.write("wires/photo.jpg", "not an article")
    let set = tree.collect(["wires"])
    #expect(set.files.map(\.displayPath) == ["wires/a/afp.html", "wires/a/ap.txt", "wires/b/reuters.md"])
    #expect(set.files.map(\.filePath) == ["wires/a/afp.html", "wires/a/ap.txt", "wires/b/reuters.md"].map { tree.root.path + "/" + $0 })
    #expect(messages(set) == ["wires/README.md": "documentation file; skipped", "wires/photo.jpg": "not an article file type; skipped"])
    #expect(set.problems.allSatisfy { $0.severity == .note })
  }

  @Test func namedFilesAreCheckedWhateverTheirNameAndRefusedWhenNotArticles() throws {
    let tree = try Tree()
    defer { tree.remove() }
    try tree.write("README.txt")
    try tree.write("scan.pdf", "%PDF-1.7")
    let set = tree.collect(["README.txt", "scan.pdf", "missing.txt"])
    #expect(set.files.map(\.displayPath) == ["README.txt"])
    #expect(set.problems.map(\.severity) == [.error, .error])
    #expect(set.problems.map(\.path) == ["missing.txt", "scan.pdf"])
  }

  @Test func aFileReachedTwiceThroughALinkIsListedOnce() throws {
    let tree = try Tree()
    defer { tree.remove() }
    try tree.write("desk/ap.txt")
    try tree.link("desk/wire-copy.txt", to: "ap.txt")
    let set = tree.collect(["desk", "desk/ap.txt"])
    #expect(set.files.map(\.displayPath) == ["desk/ap.txt"])
    #expect(set.problems.isEmpty)
  }

  @Test func aLinkMetBeforeItsTargetIsTheOneListed() throws {
    let tree = try Tree()
    defer { tree.remove() }
    try tree.write("desk/zz-ap.txt")
    try tree.write("desk/reuters.txt")
    try tree.link("desk/a-copy.txt", to: "zz-ap.txt")
    // Named twice as well: once listed, by the walk's first meeting.
    let set = tree.collect(["desk", "desk/reuters.txt", "desk/zz-ap.txt"])
    #expect(set.files.map(\.displayPath) == ["desk/a-copy.txt", "desk/reuters.txt"])
    #expect(set.problems.isEmpty)
  }

  @Test func aLinkLoopIsWalkedOnceAndABrokenLinkIsAnError() throws {
    let tree = try Tree()
    defer { tree.remove() }
    try tree.write("desk/ap.txt")
    try tree.link("desk/again", to: ".")
    try tree.link("desk/gone.txt", to: "nowhere.txt")
    let set = tree.collect(["desk"])
    #expect(set.files.map(\.displayPath) == ["desk/ap.txt"])
    let found = messages(set)
    #expect(found["desk/again"] == "symbolic-link loop; directory not walked again")
    #expect(set.problems.first { $0.path == "desk/gone.txt" }?.severity == .error)
    #expect(found["desk/gone.txt"]?.contains("broken symbolic link") == true)
  }

  @Test func aLinkedFolderIsWalkedUnderItsOwnName() throws {
    let tree = try Tree()
    defer { tree.remove() }
    try tree.write("archive/2024/ap.txt")
    try tree.link("latest", to: "archive/2024")
    let set = tree.collect(["latest"])
    #expect(set.files.map(\.displayPath) == ["latest/ap.txt"])
  }

  @Test func aFileNameThatIsNotUTF8IsReportedNotDropped() throws {
    let tree = try Tree()
    defer { tree.remove() }
    try tree.write("desk/ap.txt")
    // "caf\xE9.txt" in Latin-1: a name no UTF-8 spelling opens.
    let raw: [UInt8] = Array(tree.root.appendingPathComponent("desk").path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
    let fd = raw.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    try #require(fd >= 0)
    close(fd)
    let set = tree.collect(["desk"])
    #expect(set.files.map(\.displayPath) == ["desk/ap.txt"])
    #expect(set.problems.count == 1)
    #expect(set.problems.first?.severity == .error)
    #expect(set.problems.first?.message.contains("file name is not valid UTF-8") == true)
  }
}
