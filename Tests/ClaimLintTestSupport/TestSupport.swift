import ClaimLint
import ClaimLintCore
import Foundation

/// Shared helpers for claimlint's tests: the repository's own rules, markers in example text, and a
/// checker over in-memory articles.
public enum TestSupport {
  /// The repository root, found from this file's path (tests never depend on the working directory).
  public static let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The configuration read from the repository's `rules/`.
  public static let configuration: Configuration = {
    let (c, errors) = Configuration.load(directory: repositoryRoot + "/rules", displayPath: "rules")
    guard let c else { fatalError("rules/ failed to load in tests: \(errors.map(\.description))") }
    return c
  }()

  /// A checker over the repository's rules, single-threaded for simple stack traces.
  public static func checker(onlyRules: Set<String>? = nil) -> Checker {
    Checker(configuration: configuration, options: CheckerOptions(onlyRules: onlyRules, threads: 1))
  }

  /// Runs `check` over in-memory articles; `draft` selects pre-publish mode.
  public static func check(_ files: [(name: String, text: String)], draft: String? = nil, onlyRules: Set<String>? = nil) -> Report {
    let checker = checker(onlyRules: onlyRules)
    return checker.check(checker.processTexts(files), draftPath: draft)
  }

  /// Claims of one in-memory article.
  public static func claims(_ text: String, name: String = "story.txt") -> [Claim] {
    let out = checker().processTexts([(name: name, text: text)])
    return out.first?.report?.claims ?? []
  }

  /// Removes `↓` and `†` markers and returns the UTF-8 offsets at which each stood.
  public static func markers(_ text: String) -> (clean: String, primaries: [Int], notes: [Int]) {
    var clean = ""
    var primaries: [Int] = []
    var notes: [Int] = []
    for ch in text.unicodeScalars {
      if ch == "↓" {
        primaries.append(clean.utf8.count)
      } else if ch == "†" {
        notes.append(clean.utf8.count)
      } else {
        clean.unicodeScalars.append(ch)
      }
    }
    return (clean, primaries, notes)
  }

  /// The 1-based line and code-point column of a UTF-8 offset in `text`.
  public static func position(of offset: Int, in text: String) -> SourcePosition {
    SourceFile(path: "", text: text).position(of: offset)
  }
}
