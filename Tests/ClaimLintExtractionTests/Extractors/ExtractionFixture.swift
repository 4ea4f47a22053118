import ClaimLintCore
import ClaimLintExtraction
import Foundation

/// The real word lists of `rules/lexicons/`, found from this file's path (never the current directory).
enum ExtractionFixture {
  /// The repository's `rules/lexicons` directory.
  static var lexiconDirectory: String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Extractors
      .deletingLastPathComponent()  // ClaimLintExtractionTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // repository root
      .appendingPathComponent("rules/lexicons").path
  }

  /// The lexicon files as read by the CLI.
  static func lexiconSet() -> LexiconSet {
    LexiconSet.load(directory: lexiconDirectory, displayPrefix: "rules/lexicons").0
  }

  /// The validated extraction lexicons built from the real files.
  static func lexicons() throws -> ExtractionLexicons {
    try ExtractionLexicons(lexiconSet())
  }

  /// The text of `range` (UTF-8 offsets) in `sentence`.
  static func text(_ sentence: String, _ range: Range<Int>) -> String {
    String(decoding: Array(sentence.utf8)[range], as: UTF8.self)
  }
}
