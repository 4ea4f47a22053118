import ClaimLintCore
import Foundation
import Testing

@testable import ClaimLintExtraction

/// A broken marker file and the error it must produce.
struct LexiconErrorCase: Sendable, CustomTestStringConvertible {
  var id: String
  var text: String
  var error: String
  var testDescription: String { id }
}

@Suite("SegmentationLexicons")
struct SegmentationLexiconsTests {
  /// `rules/lexicons` of this repository, found from this file's path (not the working directory).
  static let lexiconDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("rules/lexicons").path
  }()

  static func fileText(_ name: String) throws -> String {
    let data = try #require(FileManager.default.contents(atPath: lexiconDirectory + "/" + name))
    return try #require(String(data: data, encoding: .utf8))
  }

  @Test func builtInMatchesTheShippedFiles() throws {
    #expect(try Self.fileText("segment-markers.tsv") == SegmentationLexicons.builtInMarkersText)
    #expect(try Self.fileText("language-names.tsv") == SegmentationLexicons.builtInLanguageNamesText)
    let (set, errors) = LexiconSet.load(directory: Self.lexiconDirectory, displayPrefix: "rules/lexicons")
    #expect(errors.filter { $0.path.contains("segment-") || $0.path.contains("language-") }.isEmpty)
    let loaded = try SegmentationLexicons(set)
    #expect(loaded.markers == SegmentationLexicons.builtIn.markers)
    #expect(loaded.languageNames == SegmentationLexicons.builtIn.languageNames)
    #expect(!loaded.markers.isEmpty && !loaded.languageNames.isEmpty)
  }

  static let errorCases: [LexiconErrorCase] = [
    LexiconErrorCase(
      id: "unknown kind", text: "# header\nrelated\tprefix\tread more\ncomment-header\texact\tcomments\n",
      error:
        "rules/lexicons/segment-markers.tsv:3:1: error: unknown marker kind 'comment-header'; expected 'comments-header', 'related', 'byline', 'boilerplate', 'section', or 'minor-word'"
    ),
    LexiconErrorCase(
      id: "unknown match", text: "related\tbeginning\tread more\n",
      error:
        "rules/lexicons/segment-markers.tsv:1:9: error: unknown match 'beginning'; expected 'exact', 'prefix', 'contains', 'count', or 'word'"
    ),
    LexiconErrorCase(
      id: "count on the wrong kind", text: "related\tcount\tstories\n",
      error: "rules/lexicons/segment-markers.tsv:1:9: error: match 'count' is only valid for kind 'comments-header'"),
    LexiconErrorCase(
      id: "missing phrase", text: "boilerplate\texact\n",
      error: "rules/lexicons/segment-markers.tsv:1:13: error: expected 3 tab-separated fields (kind, match, phrase), found 2"),
  ]

  @Test("errors point into the marker file", arguments: errorCases)
  func errorsPointIntoTheFile(_ c: LexiconErrorCase) throws {
    var set = LexiconSet()
    set.merge(try LexiconTable(path: "rules/lexicons/segment-markers.tsv", text: c.text), as: "segment-markers")
    #expect(throws: DataFileError.self) { try SegmentationLexicons(set) }
    do {
      _ = try SegmentationLexicons(set)
    } catch {
      #expect(error.description == c.error)
    }
  }

  @Test(arguments: [
    ("6 Comments", 6), ("Comments (12)", 12), ("comments: 3", 3), ("1 comment", 1), ("No comments", 0),
  ])
  func commentsHeaderCounts(_ text: String, _ count: Int) throws {
    let m = try #require(SegmentationLexicons.builtIn.match(normalized: SegmentationLexicons.normalize(text)))
    #expect(m.marker.kind == .commentsHeader)
    #expect(m.count == count)
  }

  @Test(arguments: [
    ("Leave a reply", SegmentationLexicons.MarkerKind.commentsHeader), ("Join the discussion", .commentsHeader),
    ("Related News", .related), ("Read more: Ferries resume", .related), ("You may also like", .related),
    ("More from Asia", .related), ("Edited by Jane Roe", .byline), ("(End)", .byline),
    ("© 2025 The Harbour Times. All rights reserved.", .byline), ("Photo: Linh Pham", .byline),
    ("Advertisement", .boilerplate), ("Click here to subscribe to our newsletter", .boilerplate),
    ("Share on Facebook", .boilerplate), ("World", .section),
  ])
  func markersMatch(_ text: String, _ kind: SegmentationLexicons.MarkerKind) {
    let m = SegmentationLexicons.builtIn.match(normalized: SegmentationLexicons.normalize(text))
    #expect(m?.marker.kind == kind)
  }

  @Test(arguments: ["Readers reported flooding", "Moreover, officials said", "Byways of the delta", "Sharecroppers"])
  func ordinaryTextMatchesNoMarker(_ text: String) {
    #expect(SegmentationLexicons.builtIn.match(normalized: SegmentationLexicons.normalize(text)) == nil)
  }

  /// The eight-positions-at-once search answers what a plain search answers, for needles of every
  /// length at every place in haystacks of every length, near matches and repeated bytes included.
  @Test func containsMatchesAPlainSearch() {
    func plain(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
      guard !needle.isEmpty else { return true }
      guard hay.count >= needle.count else { return false }
      return (0...(hay.count - needle.count)).contains { Array(hay[$0..<($0 + needle.count)]) == needle }
    }
    let needles = ["a", "ab", "aab", "privacy policy", "terms of use", "day", ",", "\u{E9}t\u{E9}", "aaaaaaaaaa"]
      .map { Array($0.utf8) } + [[0x00, 0x01], [0xFF, 0x00]]
    let fills = [Array("x".utf8), Array("a".utf8), Array("ab ".utf8), [0x00], [0xFF, 0x01]]
    for needle in needles {
      for fill in fills {
        for length in 0...40 {
          let base = (0..<length).map { fill[$0 % fill.count] }
          #expect(SegmentationLexicons.contains(base, needle) == plain(base, needle))
          for at in 0...max(0, length - needle.count) where at + needle.count <= length {
            var hay = base
            hay.replaceSubrange(at..<(at + needle.count), with: needle)
            #expect(SegmentationLexicons.contains(hay, needle), "\(needle) at \(at) in \(length)")
            if needle.count >= 2 {
              var near = hay
              near[at + needle.count - 1] ^= 0x01
              #expect(SegmentationLexicons.contains(near, needle) == plain(near, needle))
            }
          }
        }
      }
    }
  }
}
