import ClaimLintCore
import Testing

@testable import ClaimLintReporting

/// `GitHubLineHash` against codeql-action's published vectors and against values computed by the
/// Python restatement in shared/tools/validate-sarif (`line_hashes`) on our own article lines.
struct GitHubLineHashTests {
  struct Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let hashes: [String]
    var testDescription: String { name }
  }

  static let vectors: [Vector] = [
    // codeql-action src/fingerprints.test.ts
    Vector(name: "empty file", text: "", hashes: ["c129715d7a2bc9a3:1"]),
    Vector(
      name: "blanks and tabs are skipped", text: " a\nb\n  \t\tc\n d",
      hashes: ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    Vector(
      name: "short code lines", text: "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n",
      hashes: [
        "e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
        "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1",
      ]),
    Vector(
      name: "repeated lines count occurrences", text: String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10),
      hashes: [
        "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
        "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
        "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
      ]),
    // Computed with validate-sarif's line_hashes on our own text.
    Vector(
      name: "Hangul, curly quotes and CRLF",
      text: "Volunteers filled sandbags outside the 한빛마트 grocery,\r\nand deputy mayor Ana Ruiz said “held for now”.\r\n",
      hashes: ["65d3b6f5b0a5edc9:1", "a5b41ac0e7a6c0a9:1", "c129715d7a2bc9a3:1"]),
    Vector(
      name: "Cyrillic and a lone CR",
      text: "Сремска Митровица — evacuation\rSecond line after a lone CR\n\n\tIndented\n",
      hashes: ["a9ce5b5ab73043f0:1", "3fc677c6a182af8a:1", "a4b6135d3b5e492e:1", "d630a6739580013c:1", "c129715d7a2bc9a3:1"]),
    Vector(
      name: "astral-plane emoji (two UTF-16 units) without final newline",
      text: "Flood 🌊 warning issued\nAbout 900 residents left",
      hashes: ["27ff7570ee4ba9d2:1", "4347da82278026b:1"]),
    Vector(
      name: "lines longer than the window",
      text: String(
        repeating:
          "The Sava crested at 6.4 metres on Thursday, officials said, and the damage was reportedly caused by a breach upstream near the bridge.\n",
        count: 3),
      hashes: ["9e068550d15236ff:1", "9e068550d15236ff:2", "9e068550d15236ff:3", "c129715d7a2bc9a3:1"]),
  ]

  @Test(arguments: vectors)
  func matchesReferenceValues(_ vector: Vector) {
    #expect(GitHubLineHash.hashes(of: vector.text) == vector.hashes)
  }

  @Test(arguments: vectors)
  func hashingTheFileBytesGivesTheSameValues(_ vector: Vector) {
    let lines = GitHubLineHash.Lines(source: SourceFile(path: "a.txt", text: vector.text))
    #expect(lines.count == vector.hashes.count)
    #expect((0..<lines.count).map { lines.hash(ofLine: $0 + 1) } == vector.hashes)
    #expect(lines.hash(ofLine: 0) == nil && lines.hash(ofLine: lines.count + 1) == nil)
  }

  @Test func bytesThatAreNotUTF8AreHashedAsTheirDecodedText() {
    let samples: [[UInt8]] = [
      [0x61, 0xFF, 0x0A, 0x62], [0xE2, 0x82], [0x41, 0xC0, 0xAF, 0x0A], [0xED, 0xA0, 0x80, 0x0A, 0x78],
      [0xF4, 0x90, 0x80, 0x80], Array("ok “quoted” 🌊\r\n".utf8) + [0x80],
    ]
    for bytes in samples {
      let source = SourceFile(path: "a.txt", bytes: bytes)
      let fromBytes = GitHubLineHash.Lines(source: source)
      let expected = GitHubLineHash.hashes(of: String(decoding: bytes, as: UTF8.self))
      #expect((0..<fromBytes.count).map { fromBytes.hash(ofLine: $0 + 1) } == expected, "\(bytes)")
    }
  }

  @Test func singleLineLookup() {
    // A line's hash covers the following lines too, so the whole file is hashed.
    let text = "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"
    #expect(GitHubLineHash.hash(ofLine: 2, in: text) == "bb609acbe9138d60:1")
    #expect(GitHubLineHash.hash(ofLine: 0, in: text) == nil)
    #expect(GitHubLineHash.hash(ofLine: 99, in: text) == nil)
  }
}
